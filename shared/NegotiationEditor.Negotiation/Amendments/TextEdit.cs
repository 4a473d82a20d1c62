namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>One change to apply to the live text: at <paramref name="Index"/>, delete <paramref name="DeleteLength"/>
/// characters, then insert <paramref name="InsertText"/> (UTF-16 indices, as the live text counts them).</summary>
/// <param name="Index">Where the change starts.</param>
/// <param name="DeleteLength">How many characters to delete from there.</param>
/// <param name="InsertText">What to insert there after deleting.</param>
public sealed record TextEdit(int Index, int DeleteLength, string InsertText)
{
    /// <summary><paramref name="text"/> with this edit applied.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The edit does not fit in <paramref name="text"/>.</exception>
    public string ApplyTo(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(Index);
        ArgumentOutOfRangeException.ThrowIfNegative(DeleteLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Index + DeleteLength, text.Length, nameof(DeleteLength));
        return string.Concat(text.AsSpan(0, Index), InsertText, text.AsSpan(Index + DeleteLength));
    }
}
