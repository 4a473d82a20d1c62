using System.Text;
using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Notation;

/// <summary>
/// A bracket the clean text had to resolve on its own: which option it kept and which it left out. A plain
/// non-agreed span <c>[text]</c> is reported too: its text is kept but it is not agreed.
/// </summary>
/// <param name="Location">Where the bracket stands.</param>
/// <param name="Bracket">The bracket, with all its options and attributions.</param>
/// <param name="Kept">The option the clean text shows (the first one).</param>
/// <param name="RemovedParagraph">True when keeping <c>(delete)</c> emptied the whole paragraph, which the clean text leaves out.</param>
public sealed record UnresolvedBracket(NotationLocation Location, Bracket Bracket, Alternative Kept, bool RemovedParagraph = false)
{
    /// <summary>All options of the bracket, the kept one first.</summary>
    public IReadOnlyList<Alternative> Options => Bracket.Alternatives;

    /// <summary>The options the clean text does not show.</summary>
    public IEnumerable<Alternative> LeftOut => Bracket.Alternatives.Skip(1);

    /// <summary>One line for a report: "op-2: kept 'in accordance with'; left out 'bearing in mind' (Greece)".</summary>
    public override string ToString()
    {
        if (!Bracket.HasAlternatives)
        {
            return $"{Location}: '{Kept.Text}'{Attributed(Kept)} is not agreed (kept without its brackets)";
        }

        var kept = (Kept.IsDeletion ? "kept the deletion" : $"kept '{Kept.Text}'") + Attributed(Kept);
        if (RemovedParagraph)
        {
            kept += ", so the paragraph is left out";
        }

        var leftOut = string.Join(", ", LeftOut.Select(Describe));
        return $"{Location}: {kept}; left out {leftOut}";
    }

    private static string Describe(Alternative alternative) =>
        (alternative.IsDeletion ? "the deletion" : $"'{alternative.Text}'") + Attributed(alternative);

    private static string Attributed(Alternative alternative) =>
        alternative.Attribution is { } attribution ? $" ({attribution.FootnoteText})" : string.Empty;
}

/// <summary>
/// The clean text of a draft: no brackets; a single-option bracket keeps its text, a bracket with alternatives
/// keeps its first one; every bracket so resolved is reported in <see cref="Unresolved"/>, never silently dropped. Immutable.
/// </summary>
public sealed class CleanText
{
    private CleanText(Draft draft, IReadOnlyList<UnresolvedBracket> unresolved)
    {
        Draft = draft;
        Unresolved = unresolved;
    }

    /// <summary>The draft without brackets (paragraphs emptied by a kept deletion are left out).</summary>
    public Draft Draft { get; }

    /// <summary>Every bracket that was resolved by taking its first option, in reading order.</summary>
    public IReadOnlyList<UnresolvedBracket> Unresolved { get; }

    /// <summary>True when the draft held no bracket: the clean text is the agreed text.</summary>
    public bool IsAgreed => Unresolved.Count == 0;

    /// <summary>The clean text of <paramref name="draft"/>.</summary>
    /// <exception cref="NotationFormatException">The draft's notation is not valid.</exception>
    public static CleanText Of(Draft draft) => NotatedDraft.Of(draft).Clean();

    /// <summary>The clean text as Markdown (a draft in canonical form).</summary>
    public string ToMarkdown() => DraftWriter.Write(Draft);

    /// <summary>The report of unresolved brackets, one line each; empty when everything is agreed.</summary>
    public string Report() => string.Concat(Unresolved.Select(u => u + "\n"));

    internal static CleanText Build(NotatedDraft notated)
    {
        var unresolved = new List<UnresolvedBracket>();
        string? title = null;
        if (notated.Title is not null)
        {
            var text = Clean(notated.Title, NotationLocation.Title, unresolved).Trim();
            title = text.Length > 0 ? text : null;
        }

        var paragraphs = new List<Paragraph>();
        foreach (var notatedParagraph in notated.Paragraphs)
        {
            var paragraph = notatedParagraph.Paragraph;
            var firstReport = unresolved.Count;
            var text = Clean(notatedParagraph.Text, new NotationLocation(paragraph.Id), unresolved);
            var items = new List<ParagraphItem>();
            for (var i = 0; i < paragraph.Items.Count; i++)
            {
                var item = paragraph.Items[i];
                var itemText = WritableItem(Clean(notatedParagraph.Items[i], new NotationLocation(paragraph.Id, i), unresolved));
                if (itemText.Length > 0 || !notatedParagraph.Items[i].Brackets.Any())
                {
                    items.Add(new ParagraphItem(itemText, item.Marker, item.StartsNewBlock));
                }
            }

            var writable = WritableText(paragraph.Kind, text);
            if (SourceText.IsBlank(writable) && items.Count == 0 && !notatedParagraph.Text.IsAgreed)
            {
                for (var r = firstReport; r < unresolved.Count; r++)
                {
                    if (unresolved[r].Location.Item is null && unresolved[r].Kept.IsDeletion)
                    {
                        unresolved[r] = unresolved[r] with { RemovedParagraph = true };
                    }
                }

                continue;
            }

            paragraphs.Add(paragraph.WithText(writable).WithItems(items));
        }

        var draft = new Draft(notated.Draft.Metadata, title, paragraphs, notated.Draft.NewLine);
        return new CleanText(draft, unresolved.AsReadOnly());
    }

    private static string Clean(BracketedText text, NotationLocation location, List<UnresolvedBracket> unresolved)
    {
        var output = new StringBuilder();
        var afterDeletion = false;
        foreach (var segment in text.Segments)
        {
            if (segment is Bracket bracket)
            {
                var kept = bracket.Alternatives[0];
                unresolved.Add(new UnresolvedBracket(location, bracket, kept));
                if (kept.IsDeletion)
                {
                    afterDeletion = true;
                    continue;
                }

                output.Append(kept.Text);
                afterDeletion = false;
                continue;
            }

            var plain = segment.Source;
            if (afterDeletion)
            {
                plain = JoinAfterDeletion(output, plain);
            }

            output.Append(plain);
            afterDeletion = false;
        }

        if (afterDeletion)
        {
            TrimEndSpaces(output);
        }

        return output.ToString();
    }

    /// <summary>A deleted span leaves no doubled space and no space before punctuation: "to [(delete) / join and] participate".</summary>
    private static string JoinAfterDeletion(StringBuilder output, string next)
    {
        var endsOpen = output.Length == 0 || output[^1] is ' ' or '\n';
        if (endsOpen && next.StartsWith(' '))
        {
            return next.TrimStart(' ');
        }

        if (next.Length > 0 && next[0] is ',' or '.' or ';' or ':' or ')')
        {
            TrimEndSpaces(output);
        }

        return next;
    }

    private static void TrimEndSpaces(StringBuilder output)
    {
        while (output.Length > 0 && output[^1] == ' ')
        {
            output.Length--;
        }
    }

    /// <summary>
    /// The cleaned text made writable as a paragraph's text: lines emptied by a deletion are dropped, and a line
    /// that would read as a bullet or a paragraph number is escaped.
    /// </summary>
    private static string WritableText(ParagraphKind kind, string text)
    {
        var lines = text.Split('\n').ToList();
        var first = lines[0];
        var rest = lines.Skip(1).Where(l => !SourceText.IsBlank(l)).Select(EscapeBulletStart).ToList();
        if (kind == ParagraphKind.Unnumbered)
        {
            if (SourceText.IsBlank(first))
            {
                if (rest.Count == 0)
                {
                    return string.Empty;
                }

                first = rest[0];
                rest.RemoveAt(0);
            }

            first = EscapeBulletStart(first);
            var number = Drafts.SourceRules.NumberPrefix().Match(first);
            if (number.Success && Drafts.SourceRules.StartsWithNumber(first))
            {
                var dot = first.IndexOf('.', StringComparison.Ordinal);
                first = first[..dot] + "\\" + first[dot..];
            }
        }

        return string.Join('\n', new[] { first }.Concat(rest));
    }

    private static string WritableItem(string text)
    {
        var lines = text.Split('\n');
        return string.Join('\n', new[] { lines[0] }.Concat(lines.Skip(1).Where(l => !SourceText.IsBlank(l)).Select(EscapeBulletStart)));
    }

    private static string EscapeBulletStart(string line) =>
        Drafts.SourceRules.IsBulletLine(line) ? "\\" + line : line;
}
