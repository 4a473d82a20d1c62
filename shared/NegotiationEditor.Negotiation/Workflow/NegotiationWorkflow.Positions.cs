using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;

namespace NegotiationEditor.Negotiation.Workflow;

public sealed partial class NegotiationWorkflow
{
    /// <summary>A delegation takes (or changes) its position on an open amendment; the earlier positions stay in the history.
    /// The sponsors' position is their sponsorship: they take none.</summary>
    public Outcome<Change<Position>> TakePosition(
        NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentId amendmentId,
        DelegationId delegation, PositionKind kind, string note = "")
    {
        if (FindAmendment(state, documentId, amendmentId) is var (document, amendment, missing) && missing is not null)
        {
            return missing;
        }

        if (Check(state, actor, NegotiationAction.TakePosition, document!, delegation) is { } refusal)
        {
            return refusal;
        }

        if (!Enum.IsDefined(kind))
        {
            return Refusal.Invalid("unknown position");
        }

        if (note is null || note.Length > Position.MaxNoteLength)
        {
            return Refusal.Invalid($"a note has at most {Position.MaxNoteLength} characters (empty when none)");
        }

        var name = NameOf(state, delegation);
        if (!amendment!.IsOpen)
        {
            return Refusal.Conflict($"the amendment is {AmendmentLifecycle.Describe(amendment.Status)}: positions are taken only on proposed amendments");
        }

        if (amendment.IsSponsoredBy(delegation))
        {
            return Refusal.Conflict($"{name} sponsors this amendment: its sponsorship is its position");
        }

        var position = new Position(amendment.Id, delegation, kind, _time.GetUtcNow(), actor, note);
        var updated = document! with { Positions = document.Positions.Add(position) };
        var next = Record(Replace(state, document, updated), actor, HistoryEvent.PositionTaken,
            $"{name} {Verb(kind)} {TheAmendmentOf(state, amendment)} in {amendment.Anchor.Paragraph}",
            document.Id, amendment.Id, delegation: delegation);
        return new Change<Position>(next, position);
    }

    private static string Verb(PositionKind kind) => kind switch
    {
        PositionKind.Supports => "supports",
        PositionKind.Objects => "objects to",
        PositionKind.Reserves => "reserves its position on",
        _ => "can live with",
    };
}
