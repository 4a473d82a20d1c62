namespace NegotiationEditor.Drafting.Redlines;

/// <summary>What the redline says about each draft besides its paragraphs: its symbol and date, when known.</summary>
/// <param name="Symbol">The document symbol, e.g. <c>E/CN.16/2011/CRP.1/Rev.1</c>.</param>
/// <param name="Date">The draft's date as written in its front matter.</param>
public sealed record RedlineHeading(string? Symbol, string? Date)
{
    /// <summary>A heading with nothing known.</summary>
    public static RedlineHeading None { get; } = new(null, null);
}

/// <summary>
/// The inline redline between an old and a new draft: the title and every paragraph of both drafts,
/// in the new draft's order, each deleted paragraph after the one that preceded it in the old draft.
/// Produced by <see cref="Redliner.Compare(Drafts.Draft, Drafts.Draft)"/>; immutable.
/// </summary>
public sealed class Redline
{
    /// <summary>Creates a redline from its parts.</summary>
    public Redline(RedlineHeading old, RedlineHeading @new, RedlineParagraph? title, IReadOnlyList<RedlineParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(@new);
        ArgumentNullException.ThrowIfNull(paragraphs);
        Old = old;
        New = @new;
        Title = title;
        Paragraphs = paragraphs;
    }

    /// <summary>The old draft's symbol and date.</summary>
    public RedlineHeading Old { get; }

    /// <summary>The new draft's symbol and date.</summary>
    public RedlineHeading New { get; }

    /// <summary>The redline of the title; null when neither draft has a title.</summary>
    public RedlineParagraph? Title { get; }

    /// <summary>The paragraphs, in reading order.</summary>
    public IReadOnlyList<RedlineParagraph> Paragraphs { get; }

    /// <summary>True when the drafts' titles and paragraphs are the same, in the same order.</summary>
    public bool IsEmpty => Title is not { Status: not ParagraphStatus.Unchanged } && Paragraphs.All(static p => p.Status == ParagraphStatus.Unchanged);

    /// <summary>How many paragraphs have <paramref name="status"/>.</summary>
    public int Count(ParagraphStatus status) => Paragraphs.Count(p => p.Status == status);

    /// <summary>The same redline as aligned rows of old and new cells.</summary>
    public SideBySideRedline ToSideBySide() => SideBySideRedline.From(this);
}
