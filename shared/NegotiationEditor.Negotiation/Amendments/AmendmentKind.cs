namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>What an amendment does to the text.</summary>
public enum AmendmentKind
{
    /// <summary>Inserts words at a point.</summary>
    Insert,

    /// <summary>Deletes a span.</summary>
    Delete,

    /// <summary>Replaces a span by other words.</summary>
    Replace,

    /// <summary>Offers two or more alternatives for a span (one may be the original, one may be empty: delete); the chair accepts one.</summary>
    Alternatives,

    /// <summary>Inserts a new paragraph after the anchored paragraph.</summary>
    NewParagraph,

    /// <summary>Deletes the anchored paragraph.</summary>
    DeleteParagraph,
}
