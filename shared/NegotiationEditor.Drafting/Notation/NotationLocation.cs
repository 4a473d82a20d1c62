using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Notation;

/// <summary>Where a text of a draft sits: the title, a paragraph's text, or one of its bullet items.</summary>
/// <param name="Paragraph">The paragraph's id; null for the title.</param>
/// <param name="Item">The 0-based index of the bullet item; null for the paragraph's own text.</param>
public sealed record NotationLocation(ParagraphId? Paragraph, int? Item = null)
{
    /// <summary>The draft's title.</summary>
    public static NotationLocation Title { get; } = new(null, null);

    /// <summary>"title", "op-2" or "op-2, item 3" (items counted from 1).</summary>
    public override string ToString() => Paragraph is not { } id
        ? "title"
        : Item is { } item ? $"{id}, item {item + 1}" : id.ToString();
}
