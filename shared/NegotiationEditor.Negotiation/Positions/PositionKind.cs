namespace NegotiationEditor.Negotiation.Positions;

/// <summary>A delegation's position on an amendment.</summary>
public enum PositionKind
{
    /// <summary>Supports the amendment.</summary>
    Supports,

    /// <summary>Objects to the amendment (a member state's objection blocks consensus).</summary>
    Objects,

    /// <summary>Reserves its position (does not block).</summary>
    Reserves,

    /// <summary>Can live with the amendment (does not block).</summary>
    CanLiveWith,
}
