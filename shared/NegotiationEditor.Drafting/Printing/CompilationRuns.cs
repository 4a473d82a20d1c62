namespace NegotiationEditor.Drafting.Printing;

internal static class CompilationRuns
{
    public static IEnumerable<PrintRun> Of(string text, List<PrintedFootnote> footnotes) => InlineMarkdown.Runs(text, RunStyle.None);
}
