using System.Collections.Immutable;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>An amendment tabled on a document, with its current status.</summary>
/// <param name="Id">The amendment's id.</param>
/// <param name="Document">The document it amends.</param>
/// <param name="Kind">What it does to the text.</param>
/// <param name="Anchor">Where it sits in the live text.</param>
/// <param name="OriginalText">The words it touches as they stood when tabled (empty for insertions and new paragraphs).</param>
/// <param name="ProposedTexts">The proposed words (none for deletions, several for alternatives).</param>
/// <param name="ProposedBy">The proposing delegation; null for a chair's proposal (<see cref="ProposerKind.Chair"/>).</param>
/// <param name="CoSponsors">The co-sponsoring delegations.</param>
/// <param name="Justification">Why, in the proposer's words.</param>
/// <param name="TabledBy">The participant who tabled it.</param>
/// <param name="ProposedAt">When it was tabled.</param>
/// <param name="Status">Where it stands.</param>
/// <param name="DecidedAt">When it left <see cref="AmendmentStatus.Proposed"/>; null while proposed.</param>
/// <param name="AcceptedAlternative">For accepted alternatives: the index of the alternative the chair accepted.</param>
/// <param name="SupersededBy">For a superseded amendment: the accepted amendment that overtook it.</param>
public sealed record Amendment(
    AmendmentId Id,
    DocumentId Document,
    AmendmentKind Kind,
    TextAnchor Anchor,
    string OriginalText,
    ImmutableArray<string> ProposedTexts,
    DelegationId? ProposedBy,
    ImmutableArray<DelegationId> CoSponsors,
    string Justification,
    ParticipantId TabledBy,
    DateTimeOffset ProposedAt,
    AmendmentStatus Status = AmendmentStatus.Proposed,
    DateTimeOffset? DecidedAt = null,
    int? AcceptedAlternative = null,
    AmendmentId? SupersededBy = null)
{
    /// <summary>Who proposes it: a delegation, or the chair (the office, for no delegation).</summary>
    public ProposerKind Proposer => ProposedBy is null ? ProposerKind.Chair : ProposerKind.Delegation;

    /// <summary>Whether the amendment is still on the table.</summary>
    public bool IsOpen => Status == AmendmentStatus.Proposed;

    /// <summary>The delegations sponsoring it: the proposing delegation (none for a chair's proposal), then the co-sponsors.</summary>
    /// <remarks>A method, not a property: it is derived, and stored states keep only what it is derived from.</remarks>
    public IEnumerable<DelegationId> SponsoringDelegations() => ProposedBy is { } proposer ? CoSponsors.Prepend(proposer) : CoSponsors;

    /// <summary>Whether <paramref name="delegation"/> proposed or co-sponsors the amendment.</summary>
    public bool IsSponsoredBy(DelegationId delegation) => ProposedBy == delegation || CoSponsors.Contains(delegation);

    /// <summary>This amendment moved to <paramref name="status"/> at <paramref name="at"/>, or a refusal when the move is not allowed.</summary>
    public Outcome<Amendment> MoveTo(AmendmentStatus status, DateTimeOffset at)
    {
        if (!AmendmentLifecycle.CanMove(Status, status))
        {
            return Refusal.Conflict(
                $"the amendment is {AmendmentLifecycle.Describe(Status)}: it cannot become {AmendmentLifecycle.Describe(status)}");
        }

        return this with { Status = status, DecidedAt = at };
    }
}
