using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// The compilation text of one text of a draft as printed runs: agreed text as its Markdown reads,
/// each bracket kept with its brackets and " / " separators and highlighted whole, and each
/// attribution replaced by a footnote number (the footnote is added to the list).
/// </summary>
internal static class CompilationRuns
{
    public static IEnumerable<PrintRun> Of(BracketedText text, RunStyle style, List<PrintedFootnote> footnotes)
    {
        var runs = new List<PrintRun>();
        foreach (var segment in text.Segments)
        {
            switch (segment)
            {
                case Bracket bracket:
                    var bracketed = style | RunStyle.Bracketed;
                    runs.Add(new PrintRun("[", bracketed));
                    for (var i = 0; i < bracket.Alternatives.Count; i++)
                    {
                        var alternative = bracket.Alternatives[i];
                        if (i > 0)
                        {
                            runs.Add(new PrintRun(Bracket.Separator, bracketed));
                        }

                        runs.AddRange(InlineMarkdown.Runs(alternative.Text, bracketed));
                        if (alternative.Attribution is { } attribution)
                        {
                            var number = footnotes.Count + 1;
                            footnotes.Add(new PrintedFootnote(number, attribution.FootnoteText));
                            runs.Add(new PrintRun(
                                number.ToString(System.Globalization.CultureInfo.InvariantCulture), bracketed | RunStyle.FootnoteReference, Footnote: number));
                        }
                    }

                    runs.Add(new PrintRun("]", bracketed));
                    break;
                default:
                    runs.AddRange(InlineMarkdown.Runs(segment.Source, style));
                    break;
            }
        }

        return runs;
    }
}
