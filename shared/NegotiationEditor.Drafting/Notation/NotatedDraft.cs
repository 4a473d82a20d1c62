using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Notation;

/// <summary>A paragraph with its text and bullet items read as bracket notation.</summary>
/// <param name="Paragraph">The paragraph.</param>
/// <param name="Text">Its text read as notation.</param>
/// <param name="Items">Its bullet items read as notation, in order.</param>
public sealed record NotatedParagraph(Paragraph Paragraph, BracketedText Text, IReadOnlyList<BracketedText> Items);

/// <summary>A bracket and where it stands in the draft.</summary>
/// <param name="Location">The title, paragraph or bullet item holding it.</param>
/// <param name="Bracket">The bracket.</param>
public sealed record LocatedBracket(NotationLocation Location, Bracket Bracket);

/// <summary>
/// A draft whose title, paragraph texts and bullet items are read as bracket notation; the source of its
/// <see cref="Compile">compilation text</see> and <see cref="Clean">clean text</see>. Immutable.
/// </summary>
public sealed class NotatedDraft
{
    private NotatedDraft(Draft draft, BracketedText? title, IReadOnlyList<NotatedParagraph> paragraphs)
    {
        Draft = draft;
        Title = title;
        Paragraphs = paragraphs;
    }

    /// <summary>The draft.</summary>
    public Draft Draft { get; }

    /// <summary>The title read as notation, or null.</summary>
    public BracketedText? Title { get; }

    /// <summary>The paragraphs read as notation, in order.</summary>
    public IReadOnlyList<NotatedParagraph> Paragraphs { get; }

    /// <summary>Every bracket of the draft in reading order (title, then each paragraph's text and items).</summary>
    public IEnumerable<LocatedBracket> Brackets
    {
        get
        {
            if (Title is not null)
            {
                foreach (var bracket in Title.Brackets)
                {
                    yield return new LocatedBracket(NotationLocation.Title, bracket);
                }
            }

            foreach (var paragraph in Paragraphs)
            {
                foreach (var bracket in paragraph.Text.Brackets)
                {
                    yield return new LocatedBracket(new NotationLocation(paragraph.Paragraph.Id), bracket);
                }

                for (var i = 0; i < paragraph.Items.Count; i++)
                {
                    foreach (var bracket in paragraph.Items[i].Brackets)
                    {
                        yield return new LocatedBracket(new NotationLocation(paragraph.Paragraph.Id, i), bracket);
                    }
                }
            }
        }
    }

    /// <summary>True when the draft holds no bracket.</summary>
    public bool IsAgreed => !Brackets.Any();

    /// <summary>Reads the notation of every text of <paramref name="draft"/>.</summary>
    /// <exception cref="NotationFormatException">Bad notation; names the paragraph (or item, or title) and the line and column in its text.</exception>
    public static NotatedDraft Of(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return Read(draft, null);
    }

    /// <summary>Parses a draft's source and reads its notation.</summary>
    /// <exception cref="DraftFormatException">The draft or its notation is not valid; line and column count in <paramref name="source"/>
    /// (a <see cref="NotationFormatException"/> for bad notation).</exception>
    public static NotatedDraft Parse(string source)
    {
        var draft = DraftParser.Parse(source, out var map);
        return Read(draft, map);
    }

    /// <summary>The compilation text: brackets kept, attributions printed as numbered footnotes.</summary>
    public Compilation Compile() => Compilation.Build(this);

    /// <summary>The clean text: brackets dropped, with a report of every bracket that was not resolved.</summary>
    public CleanText Clean() => CleanText.Build(this);

    private static NotatedDraft Read(Draft draft, DraftSourceMap? map)
    {
        BracketedText? title = null;
        if (draft.Title is not null)
        {
            title = ReadText(draft.Title, NotationLocation.Title, map?.Title);
        }

        var paragraphs = new List<NotatedParagraph>();
        for (var p = 0; p < draft.Paragraphs.Count; p++)
        {
            var paragraph = draft.Paragraphs[p];
            var text = ReadText(paragraph.Text, new NotationLocation(paragraph.Id), map?.TextStart(p));
            var items = new List<BracketedText>();
            for (var i = 0; i < paragraph.Items.Count; i++)
            {
                items.Add(ReadText(paragraph.Items[i].Text, new NotationLocation(paragraph.Id, i), map?.ItemStart(p, i)));
            }

            paragraphs.Add(new NotatedParagraph(paragraph, text, items.AsReadOnly()));
        }

        return new NotatedDraft(draft, title, paragraphs.AsReadOnly());
    }

    private static BracketedText ReadText(string text, NotationLocation location, SourcePosition? start)
    {
        try
        {
            return BracketParser.Parse(text);
        }
        catch (NotationFormatException e)
        {
            var located = e.Within(location);
            throw start is { } position ? located.InSource(position) : located;
        }
    }
}
