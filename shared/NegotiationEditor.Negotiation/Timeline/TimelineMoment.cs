using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Revisions;

namespace NegotiationEditor.Negotiation.Timeline;

/// <summary>What a moment of a document's timeline is.</summary>
public enum MomentKind
{
    /// <summary>The document was tabled (its first text on the table).</summary>
    Tabled,

    /// <summary>A burst of typing in the text.</summary>
    Edit,

    /// <summary>The chair switched on-screen drafting.</summary>
    DraftingSwitched,

    /// <summary>An amendment was proposed.</summary>
    AmendmentProposed,

    /// <summary>A delegation joined an amendment as co-sponsor.</summary>
    CoSponsorJoined,

    /// <summary>An amendment was withdrawn.</summary>
    AmendmentWithdrawn,

    /// <summary>A delegation took or changed its position on an amendment.</summary>
    Position,

    /// <summary>The chair accepted an amendment.</summary>
    AmendmentAccepted,

    /// <summary>The chair rejected an amendment.</summary>
    AmendmentRejected,

    /// <summary>An amendment was overtaken by an accepted one.</summary>
    AmendmentSuperseded,

    /// <summary>A revision was circulated.</summary>
    RevisionCirculated,

    /// <summary>The text was adopted.</summary>
    Adopted,
}

/// <summary>One moment of a document's timeline, with a short sentence saying what happened.</summary>
/// <param name="At">When it happened (for an edit burst: when its last edit was stored).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Summary">The moment in a sentence ("Greece proposes to replace 'in accordance with' by 'bearing in mind'").</param>
/// <param name="Actors">Who did it (for an edit burst: everyone who typed in it).</param>
/// <param name="Amendment">The amendment concerned, if any.</param>
/// <param name="AmendmentLabel">Its label on the document (A1 for the first amendment tabled), if any.</param>
/// <param name="Delegation">The delegation concerned, if any.</param>
/// <param name="Revision">The revision concerned, if any.</param>
/// <param name="Sequence">The history entry's sequence number; null for edit bursts.</param>
public sealed record TimelineMoment(
    DateTimeOffset At,
    MomentKind Kind,
    string Summary,
    IReadOnlyList<ParticipantId> Actors,
    AmendmentId? Amendment = null,
    string? AmendmentLabel = null,
    DelegationId? Delegation = null,
    RevisionId? Revision = null,
    long? Sequence = null);
