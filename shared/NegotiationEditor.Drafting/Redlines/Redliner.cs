using DiffPlex;
using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>
/// Compares two drafts into a <see cref="Redline"/>: paragraphs are aligned first (by similarity, so a
/// change in OP3 never spills into OP4; moved paragraphs become moves; an inserted or deleted
/// paragraph stands whole), then words are diffed inside each changed pair. Configure it with
/// <see cref="RedlinerBuilder"/>; immutable, thread-safe and meant to be reused.
/// </summary>
public sealed class Redliner
{
    private readonly ParagraphAligner aligner;
    private readonly WordDiffer wordDiffer;

    internal Redliner(double minimumSimilarity, bool detectMoves)
    {
        MinimumSimilarity = minimumSimilarity;
        DetectsMoves = detectMoves;
        aligner = new ParagraphAligner(minimumSimilarity, detectMoves);
        wordDiffer = new WordDiffer(new Differ());
    }

    /// <summary>A redliner with the default settings.</summary>
    public static Redliner Default { get; } = new RedlinerBuilder().Build();

    /// <summary>How similar (0 to 1, Dice coefficient over words and punctuation) two paragraphs must be to be compared as one.</summary>
    public double MinimumSimilarity { get; }

    /// <summary>Whether paragraphs found at another place are shown as moves (otherwise as changes in place order).</summary>
    public bool DetectsMoves { get; }

    /// <summary>The redline from <paramref name="oldDraft"/> to <paramref name="newDraft"/>.</summary>
    public Redline Compare(Draft oldDraft, Draft newDraft)
    {
        ArgumentNullException.ThrowIfNull(oldDraft);
        ArgumentNullException.ThrowIfNull(newDraft);
        var table = new TokenTable();
        var oldIds = oldDraft.Paragraphs.Select(static p => p.Id.Value).ToArray();
        var newIds = newDraft.Paragraphs.Select(static p => p.Id.Value).ToArray();
        var oldTexts = oldDraft.Paragraphs.Select(TextOf).ToArray();
        var newTexts = newDraft.Paragraphs.Select(TextOf).ToArray();
        return new Redline(
            HeadingOf(oldDraft),
            HeadingOf(newDraft),
            CompareTitles(oldDraft.Title, newDraft.Title, table),
            CompareParagraphs(oldTexts, newTexts, oldIds, newIds, table));
    }

    /// <summary>The redline between two draft sources (the draft format, see <c>docs/notation.md</c>).</summary>
    /// <exception cref="DraftFormatException">A source is not a valid draft; the message names which one.</exception>
    public Redline Compare(string oldSource, string newSource)
    {
        ArgumentNullException.ThrowIfNull(oldSource);
        ArgumentNullException.ThrowIfNull(newSource);
        return Compare(Parse(oldSource, "old"), Parse(newSource, "new"));
    }

    /// <summary>The redline between two lists of paragraph texts (no title, no ids).</summary>
    public Redline Compare(IReadOnlyList<string> oldParagraphs, IReadOnlyList<string> newParagraphs)
    {
        ArgumentNullException.ThrowIfNull(oldParagraphs);
        ArgumentNullException.ThrowIfNull(newParagraphs);
        if (oldParagraphs.Any(static p => p is null) || newParagraphs.Any(static p => p is null))
        {
            throw new ArgumentException("a paragraph text is null");
        }

        return new Redline(
            RedlineHeading.None,
            RedlineHeading.None,
            null,
            CompareParagraphs(oldParagraphs, newParagraphs, null, null, new TokenTable()));
    }

    /// <summary>
    /// A paragraph as the redline compares it: its number ("PP1.", "2 bis."), text and bullet items
    /// (each on its own line with its marker), without its id.
    /// </summary>
    public static string TextOf(Paragraph paragraph)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (paragraph.Label is null && paragraph.Items.Count == 0)
        {
            return paragraph.Text;
        }

        // One allocation of the exact length: drafts of hundreds of thousands of words are compared in one go.
        var label = paragraph.Label;
        var length = paragraph.Text.Length;
        if (label is not null)
        {
            length += label.Length + 1 + (paragraph.Text.Length > 0 ? 1 : 0);
        }

        foreach (var item in paragraph.Items)
        {
            length += 1 + ParagraphItem.MarkerText(item.Marker).Length + item.Text.Length;
        }

        return string.Create(length, paragraph, static (span, paragraph) =>
        {
            var at = 0;
            if (paragraph.Label is { } label)
            {
                label.AsSpan().CopyTo(span);
                at = label.Length;
                span[at++] = '.';
                if (paragraph.Text.Length > 0)
                {
                    span[at++] = ' ';
                }
            }

            paragraph.Text.AsSpan().CopyTo(span[at..]);
            at += paragraph.Text.Length;
            foreach (var item in paragraph.Items)
            {
                span[at++] = '\n';
                var marker = ParagraphItem.MarkerText(item.Marker);
                marker.AsSpan().CopyTo(span[at..]);
                at += marker.Length;
                item.Text.AsSpan().CopyTo(span[at..]);
                at += item.Text.Length;
            }
        });
    }

    private static Draft Parse(string source, string which)
    {
        try
        {
            return DraftParser.Parse(source);
        }
        catch (DraftFormatException error)
        {
            throw new DraftFormatException(error.Line, error.Column, $"{which} draft: {error.Reason}");
        }
    }

    private static RedlineHeading HeadingOf(Draft draft) => new(draft.Metadata.Symbol, draft.Metadata.Date);

    private RedlineParagraph? CompareTitles(string? oldTitle, string? newTitle, TokenTable table) => (oldTitle, newTitle) switch
    {
        (null, null) => null,
        (null, { } inserted) => new RedlineParagraph(ParagraphStatus.Inserted, null, 0, null, null, [new RedlineRun(RunKind.Inserted, inserted)]),
        ({ } deleted, null) => new RedlineParagraph(ParagraphStatus.Deleted, 0, null, null, null, [new RedlineRun(RunKind.Deleted, deleted)]),
        ({ } older, { } newer) when older == newer =>
            new RedlineParagraph(ParagraphStatus.Unchanged, 0, 0, null, null, [new RedlineRun(RunKind.Unchanged, older)]),
        ({ } older, { } newer) =>
            new RedlineParagraph(ParagraphStatus.Changed, 0, 0, null, null, wordDiffer.Diff(older, newer, table)),
    };

    private RedlineParagraph[] CompareParagraphs(
        IReadOnlyList<string> oldTexts, IReadOnlyList<string> newTexts, string[]? oldIds, string[]? newIds, TokenTable table)
    {
        var oldSide = new ComparedSide(oldTexts);
        var newSide = new ComparedSide(newTexts);
        var matches = aligner.Align(oldSide, newSide);
        var paragraphs = new RedlineParagraph[matches.Count];
        for (var k = 0; k < matches.Count; k++)
        {
            var (i, j, moved) = matches[k];
            var oldId = i >= 0 ? oldIds?[i] : null;
            var newId = j >= 0 ? newIds?[j] : null;
            paragraphs[k] = (i, j) switch
            {
                (< 0, _) => new RedlineParagraph(
                    ParagraphStatus.Inserted, null, j, null, newId, Whole(RunKind.Inserted, newTexts[j])),
                (_, < 0) => new RedlineParagraph(
                    ParagraphStatus.Deleted, i, null, oldId, null, Whole(RunKind.Deleted, oldTexts[i])),
                _ when oldTexts[i] == newTexts[j] => new RedlineParagraph(
                    moved ? ParagraphStatus.Moved : ParagraphStatus.Unchanged, i, j, oldId, newId, Whole(RunKind.Unchanged, oldTexts[i])),
                _ => new RedlineParagraph(
                    moved ? ParagraphStatus.Moved : ParagraphStatus.Changed, i, j, oldId, newId,
                    wordDiffer.Diff(oldTexts[i], newTexts[j], table)),
            };
        }

        return paragraphs;
    }

    private static RedlineRun[] Whole(RunKind kind, string text) => text.Length == 0 ? [] : [new RedlineRun(kind, text)];
}
