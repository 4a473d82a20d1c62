namespace NegotiationEditor.Drafting.Drafts;

/// <summary>A 1-based line and column in a draft's source.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    /// <summary>
    /// The position in the draft of a point given relative to a text that starts here: <paramref name="line"/>
    /// and <paramref name="column"/> are 1-based inside the text.
    /// </summary>
    public SourcePosition Offset(int line, int column) =>
        line == 1 ? new SourcePosition(Line, Column + column - 1) : new SourcePosition(Line + line - 1, column);
}

/// <summary>Where the title, each paragraph's text and each bullet item's text start in the source a draft was parsed from.</summary>
public sealed class DraftSourceMap
{
    private readonly IReadOnlyList<SourcePosition> _textStarts;
    private readonly IReadOnlyList<IReadOnlyList<SourcePosition>> _itemStarts;

    internal DraftSourceMap(SourcePosition? title, List<SourcePosition> textStarts, List<List<SourcePosition>> itemStarts)
    {
        Title = title;
        _textStarts = textStarts;
        _itemStarts = itemStarts;
    }

    /// <summary>Where the title's text starts (after <c># </c>), or null when the draft has no title.</summary>
    public SourcePosition? Title { get; }

    /// <summary>Where the text of the paragraph at <paramref name="paragraphIndex"/> starts (after its number).</summary>
    public SourcePosition TextStart(int paragraphIndex) => _textStarts[paragraphIndex];

    /// <summary>Where the text of bullet item <paramref name="itemIndex"/> of the paragraph at <paramref name="paragraphIndex"/> starts (after its marker).</summary>
    public SourcePosition ItemStart(int paragraphIndex, int itemIndex) => _itemStarts[paragraphIndex][itemIndex];
}
