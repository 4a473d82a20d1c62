using System.Collections.Immutable;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Adoption;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Revisions;

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

/// <summary>
/// Applies the commands of a negotiation to its state: checks access (deny by default), checks the request, and
/// returns the new state with the change recorded in the history. A refused command returns a <see cref="Refusal"/>
/// and the state it was given stays as it was. Time and randomness are injected; the live text is reached only
/// through <see cref="IAnchorResolver"/> and the text the caller passes.
/// </summary>
public sealed class NegotiationWorkflow
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

    /// <summary>Adds a delegation (chair or secretariat).</summary>
    public Outcome<Change<Delegation>> AddDelegation(NegotiationState state, ParticipantId actor, string name, DelegationKind kind)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (Delegation.CheckName(name) is { } problem)
        {
            return Refusal.Invalid(problem);
        }

        if (!Enum.IsDefined(kind))
        {
            return Refusal.Invalid("unknown kind of delegation");
        }

        if (state.Delegations.Any(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return Refusal.Conflict($"there is already a delegation named {name}");
        }

        var delegation = new Delegation(DelegationId.New(_random), name, kind);
        var next = state with { Delegations = state.Delegations.Add(delegation) };
        next = Record(next, actor, HistoryEvent.DelegationAdded, $"{name} joined the negotiation", delegation: delegation.Id);
        return new Change<Delegation>(next, delegation);
    }

    /// <summary>Adds a participant in a role, for a delegation where the role has one (chair or secretariat).</summary>
    public Outcome<Change<Participant>> AddParticipant(
        NegotiationState state, ParticipantId actor, string name, ParticipantRole role, DelegationId? delegation)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (Participant.CheckName(name) is { } nameProblem)
        {
            return Refusal.Invalid(nameProblem);
        }

        if (!Enum.IsDefined(role))
        {
            return Refusal.Invalid("unknown role");
        }

        Delegation? found = null;
        if (delegation is { } id && (found = state.FindDelegation(id)) is null)
        {
            return Refusal.NotFound("there is no such delegation in this negotiation");
        }

        if (Participant.CheckRole(role, found) is { } roleProblem)
        {
            return Refusal.Invalid(roleProblem);
        }

        if (role == ParticipantRole.Chair && state.Participants.Any(p => p.Role == ParticipantRole.Chair && !p.IsRemoved))
        {
            return Refusal.Conflict("the negotiation already has a chair");
        }

        var participant = new Participant(ParticipantId.New(_random), name, role, delegation);
        var next = state with { Participants = state.Participants.Add(participant) };
        var what = found is null ? Participant.Describe(role) : $"{Participant.Describe(role)} for {found.Name}";
        next = Record(next, actor, HistoryEvent.ParticipantAdded, $"{name} joined as {what}", delegation: delegation);
        return new Change<Participant>(next, participant);
    }

    /// <summary>Removes a participant: from then on refused everything, invites included.</summary>
    public Outcome<Change<Participant>> RemoveParticipant(NegotiationState state, ParticipantId actor, ParticipantId participant)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (state.FindParticipant(participant) is not { } found)
        {
            return Refusal.NotFound("there is no such participant in this negotiation");
        }

        if (found.IsRemoved)
        {
            return Refusal.Conflict($"{found.Name} has already been removed");
        }

        if (found.Id == actor)
        {
            return Refusal.Invalid("a participant cannot remove themselves");
        }

        var removed = found with { IsRemoved = true };
        var next = state with { Participants = state.Participants.Replace(found, removed) };
        next = Record(next, actor, HistoryEvent.ParticipantRemoved, $"{found.Name} was removed from the negotiation");
        return new Change<Participant>(next, removed);
    }

    /// <summary>Issues an invite to a participant. The token is returned once, here; only its SHA-256 is kept.</summary>
    public Outcome<Change<InviteToken>> IssueInvite(NegotiationState state, ParticipantId actor, ParticipantId participant)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (state.FindParticipant(participant) is not { } found)
        {
            return Refusal.NotFound("there is no such participant in this negotiation");
        }

        if (found.IsRemoved)
        {
            return Refusal.Conflict($"{found.Name} has been removed: no invite can be issued");
        }

        var token = InviteToken.New(_random);
        var invite = new Invite(participant, Invite.Hash(token), _time.GetUtcNow());
        var next = state with { Invites = state.Invites.Add(invite) };
        next = Record(next, actor, HistoryEvent.InviteIssued, $"an invite was issued to {found.Name}");
        return new Change<InviteToken>(next, token);
    }

    /// <summary>Revokes every valid invite of a participant; returns how many were revoked.</summary>
    public Outcome<Change<int>> RevokeInvites(NegotiationState state, ParticipantId actor, ParticipantId participant)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (CheckNegotiationWide(state, actor) is { } refusal)
        {
            return refusal;
        }

        if (state.FindParticipant(participant) is not { } found)
        {
            return Refusal.NotFound("there is no such participant in this negotiation");
        }

        var valid = state.Invites.Where(i => i.Participant == participant && !i.IsRevoked).ToList();
        if (valid.Count == 0)
        {
            return Refusal.Conflict($"{found.Name} holds no valid invite");
        }

        var now = _time.GetUtcNow();
        var invites = state.Invites.Select(i => valid.Contains(i) ? i with { RevokedAt = now } : i).ToImmutableList();
        var next = Record(state with { Invites = invites }, actor, HistoryEvent.InvitesRevoked, $"the invites of {found.Name} were revoked");
        return new Change<int>(next, valid.Count);
    }

    /// <summary>Tables a new document for negotiation (chair or secretariat: the same right as circulating).</summary>
    public Outcome<Change<NegotiatedDocument>> TableDocument(NegotiationState state, ParticipantId actor, string title, string symbol)
    {
        ArgumentNullException.ThrowIfNull(state);
        var decision = AccessPolicy.Decide(state.FindParticipant(actor), NegotiationAction.Circulate, isAdopted: false, OnScreenDrafting.ChairAndSecretariat);
        if (!decision.IsAllowed)
        {
            return Refusal.Forbidden(decision.Reason!);
        }

        if (string.IsNullOrWhiteSpace(title) || title.Length > 300 || title.Any(char.IsControl))
        {
            return Refusal.Invalid("a document needs a title of one line (at most 300 characters)");
        }

        if (NegotiatedDocument.CheckSymbol(symbol) is { } problem)
        {
            return Refusal.Invalid(problem);
        }

        if (state.Documents.Any(d => d.Symbol == symbol))
        {
            return Refusal.Conflict($"a document with the symbol {symbol} is already on the table");
        }

        var document = new NegotiatedDocument(DocumentId.New(_random), title.Trim(), symbol, OnScreenDrafting.ChairAndSecretariat, [], [], [], null);
        var next = Record(state with { Documents = state.Documents.Add(document) }, actor, HistoryEvent.DocumentTabled,
            $"{symbol} \"{document.Title}\" was tabled", document.Id);
        return new Change<NegotiatedDocument>(next, document);
    }

    /// <summary>The chair decides who may type directly in the text of a document.</summary>
    public Outcome<Change<NegotiatedDocument>> SwitchOnScreenDrafting(
        NegotiationState state, ParticipantId actor, DocumentId documentId, OnScreenDrafting mode)
    {
        if (Find(state, documentId, actor, NegotiationAction.SwitchOnScreenDrafting, null) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (!Enum.IsDefined(mode))
        {
            return Refusal.Invalid("unknown on-screen drafting mode");
        }

        if (document!.OnScreenDrafting == mode)
        {
            return Refusal.Conflict("on-screen drafting is already so");
        }

        var switched = document with { OnScreenDrafting = mode };
        var next = Record(Replace(state, document, switched), actor, HistoryEvent.OnScreenDraftingSwitched,
            $"on-screen drafting of {document.Symbol} switched to {mode}", document.Id);
        return new Change<NegotiatedDocument>(next, switched);
    }

    /// <summary>A delegation proposes an amendment. The anchor must resolve in <paramref name="currentText"/> to the
    /// words the proposal names as original (to a point, for insertions and new paragraphs).</summary>
    public Outcome<Change<TabledAmendment>> Propose(
        NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentProposal proposal, string currentText)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(currentText);
        if (Find(state, documentId, actor, NegotiationAction.Propose, proposal.ProposedBy) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (proposal.CheckShape() is { } shapeProblem)
        {
            return Refusal.Invalid(shapeProblem);
        }

        var proposer = state.FindDelegation(proposal.ProposedBy)!;
        if (proposal.CoSponsors.Distinct().Count() != proposal.CoSponsors.Count || proposal.CoSponsors.Contains(proposal.ProposedBy))
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
        var next = Record(Replace(state, document, tabled), actor, HistoryEvent.AmendmentProposed,
            $"{proposer.Name} proposed {AmendmentProposal.Describe(proposal.Kind)} in {proposal.Anchor.Paragraph} of {document.Symbol}",
            document.Id, amendment.Id, delegation: proposer.Id);
        return new Change<TabledAmendment>(next, new TabledAmendment(amendment, collisions));
    }

    /// <summary>The proposing delegation withdraws its amendment.</summary>
    public Outcome<Change<Amendment>> Withdraw(NegotiationState state, ParticipantId actor, DocumentId documentId, AmendmentId amendmentId)
    {
        if (FindAmendment(state, documentId, amendmentId) is var (document, amendment, missing) && missing is not null)
        {
            return missing;
        }

        if (Check(state, actor, NegotiationAction.Withdraw, document!, amendment!.ProposedBy) is { } refusal)
        {
            return refusal;
        }

        return Decide(state, actor, document!, amendment, AmendmentStatus.Withdrawn, HistoryEvent.AmendmentWithdrawn,
            $"{NameOf(state, amendment.ProposedBy)} withdrew its amendment in {amendment.Anchor.Paragraph}");
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
            $"the chair rejected the amendment of {NameOf(state, amendment!.ProposedBy)} in {amendment.Anchor.Paragraph}");
    }

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
            $"{name} {Verb(kind)} the amendment of {NameOf(state, amendment.ProposedBy)} in {amendment.Anchor.Paragraph}",
            document.Id, amendment.Id, delegation: delegation);
        return new Change<Position>(next, position);
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
            $"the chair accepted the amendment of {NameOf(state, amendment.ProposedBy)} in {amendment.Anchor.Paragraph}",
            document.Id, amendment.Id);
        foreach (var other in superseded)
        {
            next = Record(next, actor, HistoryEvent.AmendmentSuperseded,
                $"the amendment of {NameOf(state, other.ProposedBy)} in {other.Anchor.Paragraph} was superseded",
                document.Id, other.Id);
        }

        return new Change<Acceptance>(next, new Acceptance(accepted, edits.Value, superseded));
    }

    /// <summary>Circulates the next revision of a document (Rev.1, Rev.2 ...): the text, the bracketed compilation text,
    /// the state of every amendment and the CRDT snapshot, frozen at this moment.</summary>
    public Outcome<Change<Revision>> Circulate(
        NegotiationState state, ParticipantId actor, DocumentId documentId, string text, string compilationText, ReadOnlySpan<byte> crdtSnapshot)
    {
        if (Find(state, documentId, actor, NegotiationAction.Circulate, null) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (text is null || compilationText is null)
        {
            return Refusal.Invalid("a revision needs its text and its compilation text");
        }

        if (text.Length > Revision.MaxTextLength || compilationText.Length > Revision.MaxTextLength)
        {
            return Refusal.Invalid($"a revision's text has at most {Revision.MaxTextLength} characters");
        }

        var number = document!.Revisions.Count + 1;
        var revision = new Revision(
            RevisionId.New(_random), document.Id, number, Revision.SymbolFor(document.Symbol, number), _time.GetUtcNow(), actor,
            text, compilationText, [.. document.Amendments.Select(a => new AmendmentState(a.Id, a.Status))], [.. crdtSnapshot]);
        var next = Record(Replace(state, document, document with { Revisions = document.Revisions.Add(revision) }), actor,
            HistoryEvent.RevisionCirculated, $"{revision.Symbol} was circulated", document.Id, revision: revision.Id);
        return new Change<Revision>(next, revision);
    }

    /// <summary>The chair adopts the text: seals it with its SHA-256 and the time. Refused while amendments are still open.
    /// From then on everything but reading is refused on the document, for everyone.</summary>
    public Outcome<Change<AdoptionSeal>> Adopt(NegotiationState state, ParticipantId actor, DocumentId documentId, string text)
    {
        if (Find(state, documentId, actor, NegotiationAction.Adopt, null) is var (document, refusal) && refusal is not null)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Refusal.Invalid("there is no text to adopt");
        }

        var open = document!.Amendments.Count(a => a.IsOpen);
        if (open > 0)
        {
            return Refusal.Conflict($"{open} amendment(s) are still open: accept, reject or have them withdrawn before adopting");
        }

        var seal = AdoptionSeal.Seal(text, _time.GetUtcNow(), actor);
        var next = Record(Replace(state, document, document with { Adoption = seal }), actor, HistoryEvent.TextAdopted,
            $"{document.Symbol} was adopted (SHA-256 {seal.TextSha256})", document.Id);
        return new Change<AdoptionSeal>(next, seal);
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

    private static NegotiationState Replace(NegotiationState state, NegotiatedDocument old, NegotiatedDocument updated) =>
        state with { Documents = state.Documents.Replace(old, updated) };

    private static string Verb(PositionKind kind) => kind switch
    {
        PositionKind.Supports => "supports",
        PositionKind.Objects => "objects to",
        PositionKind.Reserves => "reserves its position on",
        _ => "can live with",
    };

    private static string NameOf(NegotiationState state, DelegationId delegation) =>
        state.FindDelegation(delegation)?.Name ?? "an unknown delegation";

    private NegotiationState Record(
        NegotiationState state, ParticipantId actor, HistoryEvent what, string description,
        DocumentId? document = null, AmendmentId? amendment = null, RevisionId? revision = null, DelegationId? delegation = null)
    {
        var entry = new HistoryEntry(state.History.Count + 1, _time.GetUtcNow(), actor, what, description, document, amendment, revision, delegation);
        return state with { History = state.History.Add(entry) };
    }
}
