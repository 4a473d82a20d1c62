namespace NegotiationEditor.Negotiation.Access;

/// <summary>The chair's switch: who may type directly in the text of a document.</summary>
public enum OnScreenDrafting
{
    /// <summary>The chair and the secretariat type; delegations work through amendments (the default).</summary>
    ChairAndSecretariat,

    /// <summary>The chair, the secretariat and member-state delegates type.</summary>
    MemberStates,

    /// <summary>Nobody types; the text changes only by accepted amendments.</summary>
    Closed,
}
