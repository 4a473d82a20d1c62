using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Revisions;

namespace NegotiationEditor.Negotiation.Workflow;

/// <summary>
/// Applies the commands of a negotiation to its state: checks access (deny by default), checks the request, and
/// returns the new state with the change recorded in the history. A refused command returns a <see cref="Refusal"/>
/// and the state it was given stays as it was. Time and randomness are injected; the live text is reached only
/// through <see cref="IAnchorResolver"/> and the text the caller passes.
/// </summary>
public sealed partial class NegotiationWorkflow
{
    private readonly TimeProvider _time;
    private readonly IRandomSource _random;
    private readonly IAnchorResolver _anchors;
    private readonly AmendmentCollisions _collisions;
    private readonly string _paragraphBreak;

    /// <summary>Creates the workflow.</summary>
    /// <param name="time">The clock that stamps every change.</param>
    /// <param name="random">The source of ids and invite tokens.</param>
    /// <param name="anchors">Resolves amendment anchors in the live text.</param>
    /// <param name="paragraphBreak">What separates an accepted new paragraph from the one it follows.</param>
    public NegotiationWorkflow(TimeProvider time, IRandomSource random, IAnchorResolver anchors, string paragraphBreak = AmendmentEdits.DefaultParagraphBreak)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _random = random ?? throw new ArgumentNullException(nameof(random));
        _anchors = anchors ?? throw new ArgumentNullException(nameof(anchors));
        _paragraphBreak = paragraphBreak ?? throw new ArgumentNullException(nameof(paragraphBreak));
        _collisions = new AmendmentCollisions(anchors);
    }

    /// <summary>Opens a negotiation presided by a chair named <paramref name="chairName"/>; the chair is its first participant.</summary>
    public Outcome<Change<Participant>> Open(string title, string chairName)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length > 300 || title.Any(char.IsControl))
        {
            return Refusal.Invalid("a negotiation needs a title of one line (at most 300 characters)");
        }

        if (Participant.CheckName(chairName) is { } nameProblem)
        {
            return Refusal.Invalid(nameProblem);
        }

        var chair = new Participant(ParticipantId.New(_random), chairName, ParticipantRole.Chair, null);
        var state = new NegotiationState(NegotiationId.New(_random), title.Trim(), [], [chair], [], [], []);
        state = Record(state, chair.Id, HistoryEvent.NegotiationOpened, $"{chairName} opened the negotiation \"{state.Title}\" as chair");
        return new Change<Participant>(state, chair);
    }

    private static Refusal? CheckNegotiationWide(NegotiationState state, ParticipantId actor)
    {
        var decision = state.MayDo(actor, NegotiationAction.ManageParticipants, null);
        return decision.IsAllowed ? null : Refusal.Forbidden(decision.Reason!);
    }

    private static Refusal? Check(NegotiationState state, ParticipantId actor, NegotiationAction action, NegotiatedDocument document, DelegationId? actingFor)
    {
        var decision = AccessPolicy.Decide(state.FindParticipant(actor), action, document.IsAdopted, document.OnScreenDrafting, actingFor);
        return decision.IsAllowed ? null : Refusal.Forbidden(decision.Reason!);
    }

    private static (NegotiatedDocument? Document, Refusal? Refusal) Find(
        NegotiationState state, DocumentId documentId, ParticipantId actor, NegotiationAction action, DelegationId? actingFor)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.FindDocument(documentId) is not { } document)
        {
            return (null, Refusal.NotFound("there is no such document in this negotiation"));
        }

        return (document, Check(state, actor, action, document, actingFor));
    }

    private static (NegotiatedDocument? Document, Amendment? Amendment, Refusal? Refusal) FindAmendment(
        NegotiationState state, DocumentId documentId, AmendmentId amendmentId)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.FindDocument(documentId) is not { } document)
        {
            return (null, null, Refusal.NotFound("there is no such document in this negotiation"));
        }

        return document.FindAmendment(amendmentId) is { } amendment
            ? (document, amendment, null)
            : (document, null, Refusal.NotFound("there is no such amendment on this document"));
    }

    private static NegotiationState Replace(NegotiationState state, NegotiatedDocument old, NegotiatedDocument updated) =>
        state with { Documents = state.Documents.Replace(old, updated) };

    private static string NameOf(NegotiationState state, DelegationId delegation) =>
        state.FindDelegation(delegation)?.Name ?? "an unknown delegation";

    // "the amendment of Greece", or "the chair's proposal".
    private static string TheAmendmentOf(NegotiationState state, Amendment amendment) =>
        amendment.ProposedBy is { } proposer ? $"the amendment of {NameOf(state, proposer)}" : "the chair's proposal";

    private NegotiationState Record(
        NegotiationState state, ParticipantId actor, HistoryEvent what, string description,
        DocumentId? document = null, AmendmentId? amendment = null, RevisionId? revision = null, DelegationId? delegation = null)
    {
        var entry = new HistoryEntry(state.History.Count + 1, _time.GetUtcNow(), actor, what, description, document, amendment, revision, delegation);
        return state with { History = state.History.Add(entry) };
    }
}
