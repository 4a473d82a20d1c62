using System.Text.RegularExpressions;

namespace NegotiationEditor.Drafting.Drafts;

/// <summary>
/// The stable id of a paragraph: written <c>{#some-id}</c> at the end of the paragraph's first line,
/// or derived from its number (<c>pp-1</c>, <c>op-2-bis</c>) or position (<c>p-3</c>).
/// </summary>
public readonly partial record struct ParagraphId
{
    /// <summary>Creates an id; letters, digits and <c>- _ . :</c>, starting with a letter or digit.</summary>
    /// <exception cref="ArgumentException">The value is not a valid id.</exception>
    public ParagraphId(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a paragraph id: use letters, digits and - _ . : starting with a letter or digit",
                nameof(value));
        }

        Value = value;
    }

    /// <summary>The id as written.</summary>
    public string Value { get; }

    /// <summary>Whether <paramref name="value"/> is a well-formed paragraph id.</summary>
    public static bool IsValid(string value) => IdPattern().IsMatch(value);

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    [GeneratedRegex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd}_.:\-]*\z")]
    private static partial Regex IdPattern();
}
