namespace NegotiationEditor.Negotiation.Access;

/// <summary>The part a participant plays in the negotiation.</summary>
public enum ParticipantRole
{
    /// <summary>Presides: accepts and rejects amendments, circulates revisions, adopts, controls on-screen drafting.</summary>
    Chair,

    /// <summary>Serves the chair: types on screen (by default), circulates revisions, manages participants.</summary>
    Secretariat,

    /// <summary>A delegate of a member state: proposes, withdraws and takes positions for its own delegation.</summary>
    MemberStateDelegate,

    /// <summary>A representative of a stakeholder or organisation: proposes and takes positions, shown apart; does not count toward consensus.</summary>
    Stakeholder,

    /// <summary>Follows the negotiation: reads only.</summary>
    Observer,
}
