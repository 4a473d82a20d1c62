namespace NegotiationEditor.Drafting.Drafts;

/// <summary>
/// A draft resolution: front matter, an optional title and its paragraphs. Immutable; the paragraph
/// ids are unique (explicit ids as given, the others derived on construction).
/// </summary>
public sealed class Draft : IEquatable<Draft>
{
    /// <summary>A draft with no front matter, no title and no paragraph.</summary>
    public static Draft Empty { get; } = new(DraftMetadata.Empty, null, []);

    /// <summary>Creates a draft and gives every paragraph without an explicit id its derived id.</summary>
    /// <param name="metadata">The front matter.</param>
    /// <param name="title">The title (one line), or null.</param>
    /// <param name="paragraphs">The paragraphs in order.</param>
    /// <param name="newLine">The line ending the draft is written with: "\n" or "\r\n".</param>
    /// <exception cref="ArgumentException">Two paragraphs carry the same explicit id, the title is not one line,
    /// or the first paragraph would be read back as front matter or title.</exception>
    public Draft(DraftMetadata metadata, string? title, IEnumerable<Paragraph> paragraphs, string newLine = "\n")
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(paragraphs);
        if (newLine is not ("\n" or "\r\n"))
        {
            throw new ArgumentException("the line ending is \"\\n\" or \"\\r\\n\"", nameof(newLine));
        }

        if (title is not null)
        {
            SourceRules.CheckSingleLine(title, "the title", nameof(title));
            if (SourceRules.IsBlank(title))
            {
                throw new ArgumentException("the title is empty; use null for a draft without title", nameof(title));
            }
        }

        var list = paragraphs.ToArray();
        if (Array.IndexOf(list, null) >= 0)
        {
            throw new ArgumentException("a paragraph is null", nameof(paragraphs));
        }

        if (title is null && list.Length > 0 && list[0].Kind == ParagraphKind.Unnumbered)
        {
            var first = list[0];
            var firstLine = first.Text.Split('\n')[0];
            if (metadata.Entries.Count == 0 && firstLine == SourceRules.FrontMatterFence)
            {
                throw new ArgumentException("the first paragraph '---' would be read as front matter", nameof(paragraphs));
            }

            if (SourceRules.IsTitleLine(firstLine))
            {
                throw new ArgumentException($"the first paragraph '{firstLine}' would be read as the title", nameof(paragraphs));
            }
        }

        Metadata = metadata;
        Title = title;

        // An empty draft is written as no text at all, which carries no line ending to read back.
        NewLine = metadata.Entries.Count == 0 && title is null && list.Length == 0 ? "\n" : newLine;
        Paragraphs = Array.AsReadOnly(AssignIds(list));
    }

    /// <summary>The front matter (symbol, date, status, other keys).</summary>
    public DraftMetadata Metadata { get; }

    /// <summary>The title, without its <c># </c>; null when the draft has none.</summary>
    public string? Title { get; }

    /// <summary>The paragraphs in order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; }

    /// <summary>The line ending of the source: "\n" or "\r\n" (always "\n" for an empty draft).</summary>
    public string NewLine { get; }

    /// <summary>The paragraph with <paramref name="id"/>, or null.</summary>
    public Paragraph? FindParagraph(ParagraphId id)
    {
        foreach (var paragraph in Paragraphs)
        {
            if (paragraph.Id == id)
            {
                return paragraph;
            }
        }

        return null;
    }

    /// <summary>The same draft with other paragraphs (derived ids are derived again).</summary>
    public Draft WithParagraphs(IEnumerable<Paragraph> paragraphs) => new(Metadata, Title, paragraphs, NewLine);

    /// <summary>The same draft with another title (null for none).</summary>
    public Draft WithTitle(string? title) => new(Metadata, title, Paragraphs, NewLine);

    /// <summary>The same draft with other front matter.</summary>
    public Draft WithMetadata(DraftMetadata metadata) => new(metadata, Title, Paragraphs, NewLine);

    /// <summary>The same draft written with another line ending ("\n" or "\r\n").</summary>
    public Draft WithNewLine(string newLine) => new(Metadata, Title, Paragraphs, newLine);

    /// <summary>
    /// Explicit ids are kept (a repeated one is an error). A derived id already taken by an explicit id
    /// or an earlier paragraph gets a suffix "-2", "-3" ... so every id stays unique.
    /// </summary>
    private static Paragraph[] AssignIds(Paragraph[] paragraphs)
    {
        var taken = new HashSet<ParagraphId>();
        foreach (var paragraph in paragraphs)
        {
            if (paragraph.HasExplicitId && !taken.Add(paragraph.Id))
            {
                throw new ArgumentException($"two paragraphs have the id '{paragraph.Id}'", nameof(paragraphs));
            }
        }

        var result = new Paragraph[paragraphs.Length];
        var unnumbered = 0;
        for (var i = 0; i < paragraphs.Length; i++)
        {
            var paragraph = paragraphs[i];
            if (paragraph.Kind == ParagraphKind.Unnumbered)
            {
                unnumbered++;
            }

            if (paragraph.HasExplicitId)
            {
                result[i] = paragraph;
                continue;
            }

            var id = Paragraph.DeriveId(paragraph.Kind, paragraph.Number, unnumbered);
            var candidate = id;
            for (var n = 2; taken.Contains(candidate); n++)
            {
                candidate = new ParagraphId($"{id.Value}-{n}");
            }

            taken.Add(candidate);
            result[i] = paragraph.Id == candidate ? paragraph : paragraph.WithDerivedId(candidate);
        }

        return result;
    }

    /// <inheritdoc />
    public bool Equals(Draft? other) =>
        other is not null
        && Metadata.Equals(other.Metadata)
        && Title == other.Title
        && NewLine == other.NewLine
        && Paragraphs.SequenceEqual(other.Paragraphs);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Draft);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Title, Paragraphs.Count, Metadata);

    /// <summary>The draft's source, as <see cref="DraftWriter.Write"/> gives it.</summary>
    public override string ToString() => DraftWriter.Write(this);
}
