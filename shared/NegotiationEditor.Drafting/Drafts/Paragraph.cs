namespace NegotiationEditor.Drafting.Drafts;

/// <summary>
/// A paragraph of a draft: preambular (<c>PP1.</c>), operative (<c>2 bis.</c>) or unnumbered, with its
/// text (bracket notation source, see <c>docs/notation.md</c>), its bullet items and its stable id. Immutable.
/// </summary>
public sealed class Paragraph : IEquatable<Paragraph>
{
    /// <summary>The provisional id of an unnumbered paragraph without an explicit id until it is placed in a <see cref="Draft"/>.</summary>
    public static readonly ParagraphId UnplacedId = new("p");

    /// <summary>Creates a paragraph; without <paramref name="id"/> its id is derived (<c>pp-1</c>, <c>op-2-bis</c>, <c>p-3</c>).</summary>
    /// <exception cref="ArgumentException">The number does not fit the kind, or the text could not be written back as this paragraph.</exception>
    public Paragraph(
        ParagraphKind kind,
        ParagraphNumber? number,
        string text,
        IEnumerable<ParagraphItem>? items = null,
        ParagraphId? id = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (kind == ParagraphKind.Unnumbered && number is not null)
        {
            throw new ArgumentException("an unnumbered paragraph has no number", nameof(number));
        }

        if (kind != ParagraphKind.Unnumbered && number is null)
        {
            throw new ArgumentException($"a {kind.ToString().ToLowerInvariant()} paragraph needs a number", nameof(number));
        }

        if (id is { Value: null })
        {
            throw new ArgumentException("the id is empty", nameof(id));
        }

        SourceRules.CheckParagraphText(kind, text, nameof(text));
        Kind = kind;
        Number = number;
        Text = text;
        Items = items is null ? [] : Array.AsReadOnly(items.ToArray());
        HasExplicitId = id is not null;
        Id = id ?? DeriveId(kind, number, 0);
    }

    private Paragraph(Paragraph source, ParagraphId id, bool explicitId)
    {
        Kind = source.Kind;
        Number = source.Number;
        Text = source.Text;
        Items = source.Items;
        Id = id;
        HasExplicitId = explicitId;
    }

    /// <summary>A preambular paragraph, written <c>PP&lt;n&gt;. text</c>.</summary>
    public static Paragraph Preambular(ParagraphNumber number, string text, IEnumerable<ParagraphItem>? items = null, ParagraphId? id = null) =>
        new(ParagraphKind.Preambular, number, text, items, id);

    /// <summary>An operative paragraph, written <c>&lt;n&gt;. text</c>.</summary>
    public static Paragraph Operative(ParagraphNumber number, string text, IEnumerable<ParagraphItem>? items = null, ParagraphId? id = null) =>
        new(ParagraphKind.Operative, number, text, items, id);

    /// <summary>An unnumbered paragraph.</summary>
    public static Paragraph Unnumbered(string text, IEnumerable<ParagraphItem>? items = null, ParagraphId? id = null) =>
        new(ParagraphKind.Unnumbered, null, text, items, id);

    /// <summary>The stable id: explicit (<c>{#id}</c>) or derived.</summary>
    public ParagraphId Id { get; }

    /// <summary>True when the id is written in the source as <c>{#id}</c>; false when it is derived.</summary>
    public bool HasExplicitId { get; }

    /// <summary>Preambular, operative or unnumbered.</summary>
    public ParagraphKind Kind { get; }

    /// <summary>The number ("1", "2 bis", "2 (new)"); null for an unnumbered paragraph.</summary>
    public ParagraphNumber? Number { get; }

    /// <summary>The paragraph's text in bracket notation, lines separated by '\n', without its number, id or bullet items.</summary>
    public string Text { get; }

    /// <summary>The bullet items that belong to the paragraph, in order.</summary>
    public IReadOnlyList<ParagraphItem> Items { get; }

    /// <summary>The number as printed before the text: "PP1", "2 bis"; null when unnumbered.</summary>
    public string? Label => Kind switch
    {
        ParagraphKind.Preambular => $"PP{Number}",
        ParagraphKind.Operative => Number!.ToString(),
        _ => null,
    };

    /// <summary>The same paragraph with another text.</summary>
    public Paragraph WithText(string text) => Rebuild(Kind, Number, text, Items);

    /// <summary>The same paragraph with other bullet items.</summary>
    public Paragraph WithItems(IEnumerable<ParagraphItem> items) => Rebuild(Kind, Number, Text, items);

    /// <summary>The same paragraph renumbered (kind and number must fit together).</summary>
    public Paragraph WithNumber(ParagraphKind kind, ParagraphNumber? number) => Rebuild(kind, number, Text, Items);

    /// <summary>The same paragraph with an explicit id, or with a derived one when <paramref name="id"/> is null.</summary>
    public Paragraph WithId(ParagraphId? id) => new(Kind, Number, Text, Items, id);

    internal Paragraph WithDerivedId(ParagraphId id) => new(this, id, explicitId: false);

    internal static ParagraphId DeriveId(ParagraphKind kind, ParagraphNumber? number, int unnumberedPosition) => kind switch
    {
        ParagraphKind.Preambular => new ParagraphId("pp-" + number!.ToIdFragment()),
        ParagraphKind.Operative => new ParagraphId("op-" + number!.ToIdFragment()),
        _ => unnumberedPosition > 0 ? new ParagraphId($"p-{unnumberedPosition}") : UnplacedId,
    };

    private Paragraph Rebuild(ParagraphKind kind, ParagraphNumber? number, string text, IEnumerable<ParagraphItem> items) =>
        new(kind, number, text, items, HasExplicitId ? Id : null);

    /// <inheritdoc />
    public bool Equals(Paragraph? other) =>
        other is not null
        && Kind == other.Kind
        && Equals(Number, other.Number)
        && Text == other.Text
        && Id == other.Id
        && HasExplicitId == other.HasExplicitId
        && Items.SequenceEqual(other.Items);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Paragraph);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Number, Text, Id, Items.Count);

    /// <inheritdoc />
    public override string ToString() => Label is null ? $"[{Id}] {Text}" : $"[{Id}] {Label}. {Text}";
}
