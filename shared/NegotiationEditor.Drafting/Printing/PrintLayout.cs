using System.Globalization;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Lays a draft out on <see cref="A4Page"/>: masthead, then the title and every paragraph and bullet
/// item broken into lines for its measure and numbered consecutively, with the attributions of the
/// compilation text gathered as footnotes.
/// </summary>
internal static class PrintLayout
{
    public const string DraftMarking = "Draft \u2014 not agreed";
    public const string AgreedMarking = "Agreed text";

    /// <summary>The least space between a paragraph number and the text after it.</summary>
    private const double LabelGapMm = 2.5;

    private const double ParagraphSpacePt = 12;
    private const double ItemSpacePt = 4;
    private const double TitleMeasureMm = A4Page.TextWidthMm * A4Page.Fill;
    private const double ParagraphMeasureMm = (A4Page.TextWidthMm - A4Page.LabelColumnMm) * A4Page.Fill;
    private const double ItemMeasureMm = (A4Page.TextWidthMm - A4Page.LabelColumnMm - A4Page.BulletIndentMm) * A4Page.Fill;

    /// <exception cref="NotationFormatException">The bracket notation of a text of the draft is not valid.</exception>
    public static PrintedDraft Lay(Draft draft, PrintOptions options)
    {
        var notated = NotatedDraft.Of(draft);
        var footnotes = new List<PrintedFootnote>();
        var blocks = new List<PrintedBlock>();
        var next = 1;

        IReadOnlyList<PrintedLine> Number(IReadOnlyList<IReadOnlyList<PrintRun>> lines) =>
            lines.Select(runs => new PrintedLine(next++, runs)).ToArray();

        if (notated.Title is { } title)
        {
            var runs = CompilationRuns.Of(title, RunStyle.Bold, footnotes);
            blocks.Add(new PrintedBlock(PrintedBlockKind.Title, null, null, Number(LineBreaker.Break(runs, TitleMeasureMm)))
            {
                SpaceAfterPt = 18,
            });
        }

        foreach (var (paragraph, text, items) in notated.Paragraphs)
        {
            var label = paragraph.Label is { } l ? l + "." : null;
            var runs = CompilationRuns.Of(text, RunStyle.None, footnotes);
            var firstLineIndent = label is null ? 0 : Math.Ceiling(Math.Max(0, TextMeasure.WidthMm(label, RunStyle.None) + LabelGapMm - A4Page.LabelColumnMm));
            var lines = LineBreaker.Break(runs, ParagraphMeasureMm, ParagraphMeasureMm - (firstLineIndent * A4Page.Fill));
            blocks.Add(new PrintedBlock(PrintedBlockKind.Paragraph, paragraph.Id.Value, label, Number(lines))
            {
                SpaceAfterPt = paragraph.Items.Count > 0 ? ItemSpacePt : ParagraphSpacePt,
                FirstLineIndentMm = firstLineIndent,
            });
            for (var i = 0; i < items.Count; i++)
            {
                var itemRuns = CompilationRuns.Of(items[i], RunStyle.None, footnotes);
                blocks.Add(new PrintedBlock(
                    PrintedBlockKind.BulletItem, null, "\u2022", Number(LineBreaker.Break(itemRuns, ItemMeasureMm)))
                {
                    SpaceAfterPt = i == items.Count - 1 ? ParagraphSpacePt : ItemSpacePt,
                });
            }
        }

        var agreed = draft.Metadata.Status == DraftStatus.Agreed;
        return new PrintedDraft(
            Symbol: Blank(options.Symbol) ?? Blank(draft.Metadata.Symbol),
            DateLine: DateLine(draft.Metadata, options),
            Marking: agreed ? AgreedMarking : DraftMarking,
            IsAgreed: agreed,
            Blocks: blocks,
            Footnotes: footnotes);
    }

    /// <summary>"8 December 2010, 19:30": the option's date, else the draft's, else the time of printing.</summary>
    internal static string DateLine(DraftMetadata metadata, PrintOptions options)
    {
        if (options.Date is { } date)
        {
            return Format(date, withTime: true);
        }

        if (metadata.DateAndTime is { } written)
        {
            return Format(written, withTime: metadata.Date!.Contains('T', StringComparison.Ordinal));
        }

        if (Blank(metadata.Date) is { } unreadable)
        {
            return unreadable;
        }

        return "Printed " + Format(options.Clock.GetLocalNow().DateTime, withTime: true);
    }

    private static string Format(DateTime value, bool withTime) =>
        value.ToString(withTime ? "d MMMM yyyy, HH:mm" : "d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
