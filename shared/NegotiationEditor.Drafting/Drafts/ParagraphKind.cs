namespace NegotiationEditor.Drafting.Drafts;

/// <summary>The kind of a paragraph of a draft resolution.</summary>
public enum ParagraphKind
{
    /// <summary>A preambular paragraph, written <c>PP1.</c>, <c>PP2.</c> ...</summary>
    Preambular,

    /// <summary>An operative paragraph, written <c>1.</c>, <c>2 bis.</c>, <c>2 (new).</c> ...</summary>
    Operative,

    /// <summary>A paragraph without a number.</summary>
    Unnumbered,
}
