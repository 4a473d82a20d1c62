using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;

namespace NegotiationEditor.Negotiation.Workflow;

/// <summary>An amendment just tabled and the open amendments it collides with at that moment.</summary>
/// <param name="Amendment">The amendment.</param>
/// <param name="CollidesWith">Open amendments on overlapping spans (accepting one supersedes the others).</param>
public sealed record TabledAmendment(Amendment Amendment, IReadOnlyList<Amendment> CollidesWith);

/// <summary>An accepted amendment: the exact edits to apply to the live text, and the amendments it superseded.</summary>
/// <param name="Amendment">The amendment, now accepted.</param>
/// <param name="Edits">The edits to apply to the live text, in order (empty when the text already reads so).</param>
/// <param name="Superseded">The open amendments on overlapping spans, now superseded.</param>
public sealed record Acceptance(Amendment Amendment, IReadOnlyList<TextEdit> Edits, IReadOnlyList<Amendment> Superseded);

public sealed partial class NegotiationWorkflow
{
    /// <summary>A delegation proposes an amendment; or, with no proposing delegation, the chair does (a chair's proposal,
    /// tabled by the chair or by the secretariat on the chair's behalf). The anchor must resolve in
    /// <paramref name="currentText"/> to the words the proposal names as original (to a point, for insertions and new
    /// paragraphs).</summary>
    public Outcome<Change<TabledAmendment>> Propose(
        NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentProposal proposal, string currentText)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(currentText);
        var action = proposal.Proposer == ProposerKind.Chair ? NegotiationAction.ProposeForTheChair : NegotiationAction.Propose;
        if (Find(state, documentId, actor, action, proposal.ProposedBy) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (proposal.CheckShape() is { } shapeProblem)
        {
            return Refusal.Invalid(shapeProblem);
        }

        var proposer = proposal.ProposedBy is { } proposing ? state.FindDelegation(proposing)!.Name : AmendmentLedger.Chair;
        if (proposal.CoSponsors.Distinct().Count() != proposal.CoSponsors.Count
            || (proposal.ProposedBy is { } by && proposal.CoSponsors.Contains(by)))
        {
            return Refusal.Invalid("each co-sponsor is named once, and the proposer is not one of them");
        }

        foreach (var sponsor in proposal.CoSponsors)
        {
            if (state.FindDelegation(sponsor) is not { } coSponsor)
            {
                return Refusal.NotFound("a co-sponsor is not a delegation of this negotiation");
            }

            if (!coSponsor.MayTakePart)
            {
                return Refusal.Invalid($"{coSponsor.Name} attends as observer and cannot co-sponsor");
            }
        }

        var span = _anchors.Resolve(document!.Id, proposal.Anchor);
        if (AmendmentEdits.CheckAnchoredText(proposal.Kind, proposal.OriginalText, span, currentText) is { } anchorProblem)
        {
            return anchorProblem;
        }

        var amendment = new Amendment(
            AmendmentId.New(_random), document.Id, proposal.Kind, proposal.Anchor, proposal.OriginalText,
            [.. proposal.ProposedTexts], proposal.ProposedBy, [.. proposal.CoSponsors], proposal.Justification,
            actor, _time.GetUtcNow());
        var collisions = _collisions.CollidingWith(amendment, document.Amendments);
        var tabled = document with { Amendments = document.Amendments.Add(amendment) };
        var tabledBy = proposal.Proposer == ProposerKind.Chair && state.FindParticipant(actor) is { Role: not ParticipantRole.Chair } secretariat
            ? $" (tabled by {secretariat.Name} on the chair's behalf)"
            : "";
        var next = Record(Replace(state, document, tabled), actor, HistoryEvent.AmendmentProposed,
            $"{proposer} proposed {AmendmentProposal.Describe(proposal.Kind)} in {proposal.Anchor.Paragraph} of {document.Symbol}{tabledBy}",
            document.Id, amendment.Id, delegation: proposal.ProposedBy);
        return new Change<TabledAmendment>(next, new TabledAmendment(amendment, collisions));
    }

    /// <summary>The proposing delegation withdraws its amendment; a chair's proposal is withdrawn by whoever may table one.</summary>
    public Outcome<Change<Amendment>> Withdraw(NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentId amendmentId)
    {
        if (FindAmendment(state, documentId, amendmentId) is var (document, amendment, missing) && missing is not null)
        {
            return missing;
        }

        var action = amendment!.Proposer == ProposerKind.Chair ? NegotiationAction.ProposeForTheChair : NegotiationAction.Withdraw;
        if (Check(state, actor, action, document!, amendment.ProposedBy) is { } refusal)
        {
            return refusal;
        }

        return Decide(state, actor, document!, amendment, AmendmentStatus.Withdrawn, HistoryEvent.AmendmentWithdrawn,
            amendment.ProposedBy is { } proposer
                ? $"{NameOf(state, proposer)} withdrew its amendment in {amendment.Anchor.Paragraph}"
                : $"{AmendmentLedger.Chair} withdrew the chair's proposal in {amendment.Anchor.Paragraph}");
    }

    /// <summary>A delegation joins an open amendment as co-sponsor. From then on its sponsorship is its position:
    /// any position it took before no longer shows in the ledger.</summary>
    public Outcome<Change<Amendment>> JoinAsCoSponsor(
        NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentId amendmentId, DelegationId delegation)
    {
        if (FindAmendment(state, documentId, amendmentId) is var (document, amendment, missing) && missing is not null)
        {
            return missing;
        }

        if (Check(state, actor, NegotiationAction.Propose, document!, delegation) is { } refusal)
        {
            return refusal;
        }

        var name = NameOf(state, delegation);
        if (!amendment!.IsOpen)
        {
            return Refusal.Conflict($"the amendment is {AmendmentLifecycle.Describe(amendment.Status)}: only a proposed amendment gains co-sponsors");
        }

        if (amendment.IsSponsoredBy(delegation))
        {
            return Refusal.Conflict($"{name} already sponsors this amendment");
        }

        var joined = amendment with { CoSponsors = amendment.CoSponsors.Add(delegation) };
        var next = Record(Replace(state, document!, document! with { Amendments = document.Amendments.Replace(amendment, joined) }), actor,
            HistoryEvent.CoSponsorJoined,
            $"{name} joined {TheAmendmentOf(state, amendment)} in {amendment.Anchor.Paragraph} as co-sponsor",
            document.Id, amendment.Id, delegation: delegation);
        return new Change<Amendment>(next, joined);
    }

    /// <summary>The chair rejects an amendment.</summary>
    public Outcome<Change<Amendment>> Reject(NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentId amendmentId)
    {
        if (FindAmendment(state, documentId, amendmentId) is var (document, amendment, missing) && missing is not null)
        {
            return missing;
        }

        if (Check(state, actor, NegotiationAction.Reject, document!, null) is { } refusal)
        {
            return refusal;
        }

        return Decide(state, actor, document!, amendment!, AmendmentStatus.Rejected, HistoryEvent.AmendmentRejected,
            $"the chair rejected {TheAmendmentOf(state, amendment!)} in {amendment!.Anchor.Paragraph}");
    }

    /// <summary>
    /// The chair accepts an amendment: returns the exact edits to apply to <paramref name="currentText"/> (the live text
    /// now) and supersedes the open amendments that collide with it. Refused, with nothing changed, when the anchored
    /// span no longer exists or no longer holds the original words.
    /// </summary>
    /// <param name="state">The negotiation.</param>
    /// <param name="actor">The chair.</param>
    /// <param name="documentId">The document.</param>
    /// <param name="amendmentId">The amendment.</param>
    /// <param name="currentText">The live text now.</param>
    /// <param name="alternative">For alternatives, the index of the one accepted; null otherwise.</param>
    public Outcome<Change<Acceptance>> Accept(
        NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentId amendmentId, string currentText, int? alternative = null)
    {
        ArgumentNullException.ThrowIfNull(currentText);
        if (FindAmendment(state, documentId, amendmentId) is var (document, amendment, missing) && missing is not null)
        {
            return missing;
        }

        if (Check(state, actor, NegotiationAction.Accept, document!, null) is { } refusal)
        {
            return refusal;
        }

        var now = _time.GetUtcNow();
        var moved = amendment!.MoveTo(AmendmentStatus.Accepted, now);
        if (!moved.Succeeded)
        {
            return moved.Refusal!;
        }

        var edits = AmendmentEdits.For(amendment, _anchors.Resolve(document!.Id, amendment.Anchor), currentText, alternative, _paragraphBreak);
        if (!edits.Succeeded)
        {
            return edits.Refusal!;
        }

        var accepted = moved.Value with { AcceptedAlternative = alternative };
        var superseded = _collisions.CollidingWith(amendment, document.Amendments)
            .Select(other => other.MoveTo(AmendmentStatus.Superseded, now).Value with { SupersededBy = amendment.Id })
            .ToList();
        var amendments = document.Amendments.Replace(amendment, accepted);
        foreach (var other in superseded)
        {
            amendments = amendments.Replace(document.FindAmendment(other.Id)!, other);
        }

        var next = Replace(state, document, document with { Amendments = amendments });
        next = Record(next, actor, HistoryEvent.AmendmentAccepted,
            $"the chair accepted {TheAmendmentOf(state, amendment)} in {amendment.Anchor.Paragraph}",
            document.Id, amendment.Id);
        foreach (var other in superseded)
        {
            next = Record(next, actor, HistoryEvent.AmendmentSuperseded,
                $"{TheAmendmentOf(state, other)} in {other.Anchor.Paragraph} was superseded",
                document.Id, other.Id);
        }

        return new Change<Acceptance>(next, new Acceptance(accepted, edits.Value, superseded));
    }

    private Outcome<Change<Amendment>> Decide(
        NegotiationState state, ParticipantId actor, NegotiatedDocument document, Amendment amendment,
        AmendmentStatus status, HistoryEvent what, string description)
    {
        var moved = amendment.MoveTo(status, _time.GetUtcNow());
        if (!moved.Succeeded)
        {
            return moved.Refusal!;
        }

        var updated = document with { Amendments = document.Amendments.Replace(amendment, moved.Value) };
        var next = Record(Replace(state, document, updated), actor, what, description, document.Id, amendment.Id);
        return new Change<Amendment>(next, moved.Value);
    }
}
