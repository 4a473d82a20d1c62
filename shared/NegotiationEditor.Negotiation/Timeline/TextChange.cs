namespace NegotiationEditor.Negotiation.Timeline;

/// <summary>
/// What changed between two versions of a text, as one span: the words removed at <see cref="Index"/> and the words
/// put there. Found from the longest common start and end, so several scattered changes show as one span covering them;
/// a span that begins or ends inside a word is widened to the whole word, as a reader names a change.
/// </summary>
/// <param name="Index">Where the change starts (UTF-16 index, the same in both versions).</param>
/// <param name="Removed">The words the older version had there.</param>
/// <param name="Inserted">The words the newer version has there.</param>
public readonly record struct TextChange(int Index, string Removed, string Inserted)
{
    /// <summary>Whether nothing changed.</summary>
    public bool IsNone => Removed.Length == 0 && Inserted.Length == 0;

    /// <summary>The change that turns <paramref name="before"/> into <paramref name="after"/>.</summary>
    public static TextChange Between(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var start = 0;
        var shorter = Math.Min(before.Length, after.Length);
        while (start < shorter && before[start] == after[start])
        {
            start++;
        }

        var end = 0;
        while (end < shorter - start && before[before.Length - 1 - end] == after[after.Length - 1 - end])
        {
            end++;
        }

        // Never split a surrogate pair: move the span's edges outwards onto whole characters.
        if (start > 0 && char.IsHighSurrogate(before[start - 1]))
        {
            start--;
        }

        if (end > 0 && char.IsLowSurrogate(before[before.Length - end]))
        {
            end--;
        }

        while (start > 0 && IsWord(before[start - 1]) && (ChangedWordAt(before, start, end) || ChangedWordAt(after, start, end)))
        {
            start--;
        }

        while (end > 0 && IsWord(before[before.Length - end])
            && (ChangedWordAt(before, before.Length - end - 1, end) || ChangedWordAt(after, after.Length - end - 1, end)))
        {
            end--;
        }

        return new TextChange(start, before[start..(before.Length - end)], after[start..(after.Length - end)]);
    }

    private static bool IsWord(char c) => char.IsLetterOrDigit(c);

    // Whether text[index] lies in the changed part of text (before its common end of length end) and is part of a word.
    private static bool ChangedWordAt(string text, int index, int end) => index >= 0 && index < text.Length - end && IsWord(text[index]);
}
