namespace NegotiationEditor.Drafting.Printing;

/// <summary>A printed line: its number in the margin and its runs.</summary>
internal sealed record PrintedLine(int Number, IReadOnlyList<PrintRun> Runs)
{
    public string Text => LineBreaker.TextOf(Runs);
}

/// <summary>What a printed block is.</summary>
internal enum PrintedBlockKind
{
    Title,
    Paragraph,
    BulletItem,
}

/// <summary>A title, paragraph or bullet item laid out in numbered lines.</summary>
internal sealed record PrintedBlock(PrintedBlockKind Kind, string? Id, string? Label, IReadOnlyList<PrintedLine> Lines)
{
    /// <summary>The space below the block: a paragraph's text and its items stay close together.</summary>
    public double SpaceAfterPt { get; init; } = 12;

    /// <summary>How much further right the first line starts, when the label is wider than its column ("12 quinquies.").</summary>
    public double FirstLineIndentMm { get; init; }
}

/// <summary>A footnote of the compilation text: an attribution ("Proposed by Greece; supported by Iran").</summary>
internal sealed record PrintedFootnote(int Number, string Text);

/// <summary>
/// A draft laid out for print on <see cref="A4Page"/>: the masthead (symbol, date, marking), then
/// the title, paragraphs and bullet items broken into lines numbered 1, 2, 3 ... from the title on,
/// and the footnotes. The HTML and DOCX renderers only draw this; they decide nothing.
/// </summary>
internal sealed record PrintedDraft(
    string? Symbol,
    string? DateLine,
    string Marking,
    bool IsAgreed,
    IReadOnlyList<PrintedBlock> Blocks,
    IReadOnlyList<PrintedFootnote> Footnotes)
{
    public IEnumerable<PrintedLine> Lines => Blocks.SelectMany(block => block.Lines);
}
