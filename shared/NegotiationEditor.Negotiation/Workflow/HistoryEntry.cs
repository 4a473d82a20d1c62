using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Revisions;

namespace NegotiationEditor.Negotiation.Workflow;

/// <summary>What happened, for the timeline.</summary>
public enum HistoryEvent
{
    /// <summary>The negotiation was opened, with its chair.</summary>
    NegotiationOpened,

    /// <summary>A delegation was added.</summary>
    DelegationAdded,

    /// <summary>A participant was added.</summary>
    ParticipantAdded,

    /// <summary>A participant was removed.</summary>
    ParticipantRemoved,

    /// <summary>An invite was issued to a participant.</summary>
    InviteIssued,

    /// <summary>A participant's invites were revoked.</summary>
    InvitesRevoked,

    /// <summary>A document was tabled.</summary>
    DocumentTabled,

    /// <summary>The chair switched on-screen drafting.</summary>
    OnScreenDraftingSwitched,

    /// <summary>An amendment was proposed.</summary>
    AmendmentProposed,

    /// <summary>A delegation joined an amendment as co-sponsor.</summary>
    CoSponsorJoined,

    /// <summary>An amendment was withdrawn.</summary>
    AmendmentWithdrawn,

    /// <summary>A delegation took or changed its position.</summary>
    PositionTaken,

    /// <summary>The chair accepted an amendment.</summary>
    AmendmentAccepted,

    /// <summary>The chair rejected an amendment.</summary>
    AmendmentRejected,

    /// <summary>An amendment was superseded by an accepted one.</summary>
    AmendmentSuperseded,

    /// <summary>A revision was circulated.</summary>
    RevisionCirculated,

    /// <summary>The text was adopted.</summary>
    TextAdopted,
}

/// <summary>One change to the negotiation, as the timeline shows it.</summary>
/// <param name="Sequence">1 for the first change, then increasing by one.</param>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it.</param>
/// <param name="Event">What happened.</param>
/// <param name="Description">The change in a sentence ("Greece proposed a replacement in op-1").</param>
/// <param name="Document">The document concerned, if any.</param>
/// <param name="Amendment">The amendment concerned, if any.</param>
/// <param name="Revision">The revision concerned, if any.</param>
/// <param name="Delegation">The delegation concerned, if any.</param>
public sealed record HistoryEntry(
    long Sequence,
    DateTimeOffset At,
    ParticipantId Actor,
    HistoryEvent Event,
    string Description,
    DocumentId? Document = null,
    AmendmentId? Amendment = null,
    RevisionId? Revision = null,
    DelegationId? Delegation = null);
