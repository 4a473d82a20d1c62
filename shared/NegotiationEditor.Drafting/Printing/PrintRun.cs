namespace NegotiationEditor.Drafting.Printing;

/// <summary>How a stretch of printed text looks.</summary>
[Flags]
internal enum RunStyle
{
    None = 0,
    Italic = 1,
    Bold = 2,
    Code = 4,

    /// <summary>Inside a bracket of the notation: non-agreed text, highlighted.</summary>
    Bracketed = 8,

    /// <summary>A footnote reference number (superscript).</summary>
    FootnoteReference = 16,

    /// <summary>The text of a link.</summary>
    Link = 32,
}

/// <summary>
/// A stretch of printed text in one style. <see cref="Target"/> is the address of a link (already
/// checked to be http, https or mailto); <see cref="Footnote"/> the number of a footnote reference.
/// </summary>
internal sealed record PrintRun(string Text, RunStyle Style, string? Target = null, int? Footnote = null)
{
    public bool Has(RunStyle style) => (Style & style) == style;

    /// <summary>Whether two runs can be printed as one (same look, same link, no footnote).</summary>
    public bool Joins(PrintRun other) =>
        Style == other.Style && Target == other.Target && Footnote is null && other.Footnote is null;
}
