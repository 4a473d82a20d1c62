using System.Text;
using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Notation;

/// <summary>A footnote of a compilation text: "¹ Proposed by Greece; supported by Iran; opposed by UK".</summary>
/// <param name="Number">The footnote's number, counted from 1 through the draft.</param>
/// <param name="Text">The footnote's text.</param>
/// <param name="Location">Where the attributed alternative stands.</param>
/// <param name="Alternative">The attributed alternative.</param>
public sealed record Footnote(int Number, string Text, NotationLocation Location, Alternative Alternative)
{
    /// <summary>The mark printed after the alternative and before the footnote: superscript digits ("¹", "¹²").</summary>
    public string Marker => SourceText.Superscript(Number);

    /// <summary>The footnote as printed: "¹ Proposed by Greece".</summary>
    public override string ToString() => $"{Marker} {Text}";
}

/// <summary>
/// The compilation text of a draft, as UN compilations print it: the brackets kept, each attribution replaced by a
/// numbered footnote mark after its alternative, and the footnotes listed in order. Immutable.
/// </summary>
public sealed class Compilation
{
    private Compilation(Draft draft, IReadOnlyList<Footnote> footnotes)
    {
        Draft = draft;
        Footnotes = footnotes;
    }

    /// <summary>The draft with its attributions replaced by footnote marks (its brackets are still valid notation).</summary>
    public Draft Draft { get; }

    /// <summary>The footnotes in order of their numbers.</summary>
    public IReadOnlyList<Footnote> Footnotes { get; }

    /// <summary>The compilation text of <paramref name="draft"/>.</summary>
    /// <exception cref="NotationFormatException">The draft's notation is not valid.</exception>
    public static Compilation Of(Draft draft) => NotatedDraft.Of(draft).Compile();

    /// <summary>The compilation as Markdown: the draft, then (if any) a rule and one paragraph per footnote.</summary>
    public string ToMarkdown()
    {
        var nl = Draft.NewLine;
        var output = new StringBuilder(DraftWriter.Write(Draft));
        if (Footnotes.Count > 0)
        {
            if (output.Length > 0)
            {
                output.Append(nl);
            }

            output.Append("---").Append(nl);
            foreach (var footnote in Footnotes)
            {
                output.Append(nl).Append(footnote).Append(nl);
            }
        }

        return output.ToString();
    }

    internal static Compilation Build(NotatedDraft notated)
    {
        var footnotes = new List<Footnote>();
        var title = notated.Title is null ? null : Compile(notated.Title, NotationLocation.Title, footnotes);
        var paragraphs = new List<Paragraph>();
        foreach (var paragraph in notated.Paragraphs)
        {
            var id = paragraph.Paragraph.Id;
            var text = Compile(paragraph.Text, new NotationLocation(id), footnotes);
            var items = paragraph.Paragraph.Items
                .Select((item, i) => new ParagraphItem(Compile(paragraph.Items[i], new NotationLocation(id, i), footnotes), item.Marker, item.StartsNewBlock))
                .ToArray();
            paragraphs.Add(paragraph.Paragraph.WithText(text).WithItems(items));
        }

        var draft = new Draft(notated.Draft.Metadata, title, paragraphs, notated.Draft.NewLine);
        return new Compilation(draft, footnotes.AsReadOnly());
    }

    private static string Compile(BracketedText text, NotationLocation location, List<Footnote> footnotes)
    {
        var output = new StringBuilder();
        foreach (var segment in text.Segments)
        {
            if (segment is not Bracket bracket)
            {
                output.Append(segment.Source);
                continue;
            }

            output.Append('[');
            for (var i = 0; i < bracket.Alternatives.Count; i++)
            {
                var alternative = bracket.Alternatives[i];
                if (i > 0)
                {
                    output.Append(Bracket.Separator);
                }

                output.Append(alternative.Text);
                if (alternative.Attribution is { } attribution)
                {
                    var footnote = new Footnote(footnotes.Count + 1, attribution.FootnoteText, location, alternative);
                    footnotes.Add(footnote);
                    output.Append(footnote.Marker);
                }
            }

            output.Append(']');
        }

        return output.ToString();
    }
}
