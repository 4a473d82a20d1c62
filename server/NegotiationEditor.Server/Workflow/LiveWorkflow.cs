using NegotiationEditor.Crdt;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Workflow;

/// <summary>What a delegation tables, as read from a request: the span either as indexes or as encoded relative positions.</summary>
/// <param name="Kind">What the amendment does.</param>
/// <param name="Paragraph">The paragraph the span is in; null to let the server find it from the span's start.</param>
/// <param name="Range">The span as UTF-16 indexes of the live text, end exclusive; null when <paramref name="Anchor"/> is given.</param>
/// <param name="Anchor">The span as encoded relative positions (start, end); null when <paramref name="Range"/> is given.</param>
/// <param name="OriginalText">The words the span holds (empty for a point).</param>
/// <param name="ProposedTexts">The words proposed.</param>
/// <param name="ProposedBy">The proposing delegation; null for the caller's own.</param>
/// <param name="CoSponsors">Other delegations joining.</param>
/// <param name="Justification">Why (may be empty).</param>
/// <param name="Proposer">A delegation proposes it, or the chair (then <paramref name="ProposedBy"/> is null: a chair's proposal).</param>
public sealed record AmendmentTabling(
    AmendmentKind Kind,
    ParagraphId? Paragraph,
    (int Start, int End)? Range,
    (byte[] Start, byte[] End)? Anchor,
    string OriginalText,
    IReadOnlyList<string> ProposedTexts,
    DelegationId? ProposedBy,
    IReadOnlyList<DelegationId> CoSponsors,
    string Justification,
    ProposerKind Proposer = ProposerKind.Delegation);

/// <summary>
/// The negotiation workflow on live documents: runs the domain's commands (<see cref="NegotiationWorkflow"/>) on the
/// shared negotiation (<see cref="LiveNegotiation"/>), with amendment anchors resolved on the document's CRDT under
/// its room's lock, applies accepted amendments to the CRDT text in one transaction under the server's client id, and
/// pushes every change to the document's hub connections. Access is the domain's; a refusal changes nothing.
/// Locks are always taken room first, then negotiation.
/// </summary>
public sealed class LiveWorkflow(
    LiveNegotiation negotiation,
    DocumentRooms rooms,
    IDocumentUpdateLog log,
    NegotiationEvents events,
    TimeProvider time,
    IRandomSource random)
{
    /// <summary>The negotiation now.</summary>
    public NegotiationState State => negotiation.Current;

    /// <summary>Whether there is a negotiation at all (an empty data folder has none).</summary>
    public bool Exists => negotiation.Exists;

    /// <summary>
    /// Checks that the document exists (not found otherwise) and that <paramref name="actor"/> may do
    /// <paramref name="action"/> on it now (forbidden otherwise); null when both hold.
    /// </summary>
    public static Refusal? Check(NegotiationState state, ParticipantId actor, NegotiationAction action, DocumentId document, DelegationId? actingFor = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.FindDocument(document) is null)
        {
            return Refusal.NotFound("there is no such document in this negotiation");
        }

        var decision = state.MayDo(actor, action, document, actingFor);
        return decision.IsAllowed ? null : Refusal.Forbidden(decision.Reason!);
    }

    /// <summary>Reads a document's negotiation state and live text together, under the room's lock.</summary>
    public Task<T> ReadAsync<T>(DocumentId document, Func<NegotiationState, CrdtAnchors, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return rooms.ReadAsync(document, doc => read(negotiation.Current, new CrdtAnchors(doc)));
    }

    /// <summary>Tables a new document with its first text (chair, secretariat).</summary>
    /// <remarks>
    /// The document and its text land together: under the negotiation's command lock, the first text's update is
    /// stored with the state that lists the document (one transaction where the log allows: LiteDB, PostgreSQL), then
    /// that state is saved again and becomes current. A new document has no room yet (a room opens only for a document
    /// the negotiation lists), so the text goes to the update log directly and the room loads it from there. A failed
    /// store tables nothing and throws <see cref="DocumentNotStoredException"/>; a state save that fails after the
    /// store takes the state stored with the text, as an acceptance does.
    /// </remarks>
    /// <exception cref="DocumentNotStoredException">The text could not be stored; nothing was tabled.</exception>
    public async Task<Outcome<NegotiatedDocument>> TableDocumentAsync(ParticipantId actor, string title, string symbol, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstText = FirstText(text);
        var recorded = new Recorded();
        DocumentId? stored = null;
        Outcome<NegotiatedDocument> tabled;
        try
        {
            tabled = Run(state =>
            {
                var decided = On(Unanchored.Instance).TableDocument(state, actor, title, symbol);
                if (decided.Succeeded && firstText is not null)
                {
                    StoreFirstText(decided.Value.Value, firstText, decided.Value.Negotiation);
                    stored = decided.Value.Value.Id;
                }
                return decided;
            }, recorded);
        }
        catch (Exception exception) when (stored is { } id && exception is not DocumentNotStoredException)
        {
            // The text landed but the state could not be saved on its own: take what the store holds, which is the
            // state stored with the text.
            negotiation.Reload();
            if (State.FindDocument(id) is not { } now)
            {
                throw;
            }
            tabled = now;
        }

        if (!tabled.Succeeded)
        {
            return tabled.Refusal!;
        }

        await PublishAsync(tabled.Value.Id, recorded).ConfigureAwait(false);
        return tabled;
    }

    // The update that writes a new document's first text (null for an empty text), made once, outside every lock.
    private static byte[]? FirstText(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var document = new YDoc(new YDocOptions { Gc = false });
        document.GetText(LiveText.RootName).Insert(0, text);
        return Y.EncodeStateAsUpdate(document);
    }

    private void StoreFirstText(NegotiatedDocument document, byte[] update, NegotiationState negotiationAfter)
    {
        try
        {
            // Under the negotiation's command lock, which is not async: the store is awaited here, as a server change's is.
            log.AppendAsync(document.Id, update, negotiationAfter).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new DocumentNotStoredException(
                $"the text of {document.Symbol} could not be stored, so the document was not tabled: {exception.Message}", exception);
        }
    }

    /// <summary>A delegation (or the chair) proposes an amendment, anchored on the live text now.</summary>
    public async Task<Outcome<AmendmentView>> ProposeAsync(ParticipantId actor, DocumentId documentId, AmendmentTabling tabling)
    {
        ArgumentNullException.ThrowIfNull(tabling);
        var state = State;
        var forTheChair = tabling.Proposer == ProposerKind.Chair;
        var proposer = forTheChair ? null : tabling.ProposedBy ?? state.FindParticipant(actor)?.Delegation;
        if (Check(state, actor, forTheChair ? NegotiationAction.ProposeForTheChair : NegotiationAction.Propose, documentId, proposer) is { } refusal)
        {
            return refusal;
        }

        var recorded = new Recorded();
        var outcome = await rooms.ReadAsync(documentId, doc =>
        {
            var anchors = new CrdtAnchors(doc);
            var text = anchors.CurrentText;
            if (tabling.Anchor is { } encoded && (anchors.IndexOf(encoded.Start) is null || anchors.IndexOf(encoded.End) is null))
            {
                return Outcome<AmendmentView>.Refused(Refusal.Invalid(
                    "the anchor is not a relative position in this document's text (base64 of yjs encodeRelativePosition on the shared text \""
                    + LiveText.RootName + "\", known to the server)"));
            }

            if (tabling.Range is { } bounds && anchors.CheckRange(bounds.Start, bounds.End) is { } outside)
            {
                return Outcome<AmendmentView>.Refused(outside);
            }

            var start = tabling.Range is { } given ? given.Start : anchors.IndexOf(tabling.Anchor!.Value.Start);
            var paragraph = ParagraphOf(tabling, text, start);
            if (!paragraph.Succeeded)
            {
                return Outcome<AmendmentView>.Refused(paragraph.Refusal!);
            }

            var anchor = tabling.Range is { } range
                ? anchors.AnchorOf(paragraph.Value, range.Start, range.End)
                : AnchorFromClient(tabling, paragraph.Value);
            if (!anchor.Succeeded)
            {
                return Outcome<AmendmentView>.Refused(anchor.Refusal!);
            }

            var proposal = new AmendmentProposal(
                tabling.Kind, anchor.Value, tabling.OriginalText, tabling.ProposedTexts, proposer, tabling.CoSponsors, tabling.Justification);
            var tabled = Run(s => On(anchors).Propose(s, actor, documentId, proposal, text), recorded);
            return tabled.Succeeded
                ? AmendmentNow(documentId, tabled.Value.Amendment.Id, anchors)
                : Outcome<AmendmentView>.Refused(tabled.Refusal!);
        }).ConfigureAwait(false);
        await PublishAsync(documentId, recorded).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>The proposing delegation withdraws its amendment.</summary>
    public Task<Outcome<AmendmentView>> WithdrawAsync(ParticipantId actor, DocumentId documentId, AmendmentId amendment) =>
        DecideAsync(documentId, amendment, (workflow, state) => workflow.Withdraw(state, actor, documentId, amendment));

    /// <summary>The chair rejects an amendment.</summary>
    public Task<Outcome<AmendmentView>> RejectAsync(ParticipantId actor, DocumentId documentId, AmendmentId amendment) =>
        DecideAsync(documentId, amendment, (workflow, state) => workflow.Reject(state, actor, documentId, amendment));

    /// <summary>A delegation takes or changes its position on an amendment.</summary>
    public async Task<Outcome<TakenPositionView>> TakePositionAsync(
        ParticipantId actor, DocumentId documentId, AmendmentId amendment, DelegationId delegation, PositionKind kind, string note)
    {
        if (State.FindDocument(documentId) is null)
        {
            return Refusal.NotFound("there is no such document in this negotiation");
        }

        var recorded = new Recorded();
        var outcome = await rooms.ReadAsync(documentId, doc =>
        {
            var anchors = new CrdtAnchors(doc);
            var taken = Run(s => On(anchors).TakePosition(s, actor, documentId, amendment, delegation, kind, note), recorded);
            if (!taken.Succeeded)
            {
                return Outcome<TakenPositionView>.Refused(taken.Refusal!);
            }

            var state = negotiation.Current;
            return new TakenPositionView(Views.Position(state, taken.Value), AmendmentNow(documentId, amendment, anchors).Value);
        }).ConfigureAwait(false);
        await PublishAsync(documentId, recorded).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// The chair accepts an amendment: in one CRDT transaction under the server's client id, the edits are applied to
    /// the live text and the room stores and broadcasts the update like any other. Refused, with nothing changed,
    /// when the anchored span no longer exists or no longer holds the original words.
    /// </summary>
    /// <remarks>
    /// In the room's write turn and under the negotiation's command lock, the acceptance is computed on a copy of the
    /// text without saving anything; its update is stored (with the new negotiation state, in one transaction of the
    /// LiteDB file or of PostgreSQL); then the state is saved and becomes current, and the update is applied and
    /// broadcast. A failed store changes neither the text nor the amendment and throws
    /// <see cref="DocumentNotStoredException"/>. A state save that fails after the update was stored takes the state
    /// stored with it (docs/architecture.md, "Accept").
    /// </remarks>
    /// <exception cref="DocumentNotStoredException">The text's update could not be stored; nothing changed.</exception>
    public async Task<Outcome<AcceptanceView>> AcceptAsync(ParticipantId actor, DocumentId documentId, AmendmentId amendment, int? alternative)
    {
        if (Check(State, actor, NegotiationAction.Accept, documentId) is { } refusal)
        {
            return refusal;
        }

        var recorded = new Recorded();
        var result = await rooms.ChangeAsync(documentId, server =>
        {
            var anchors = new CrdtAnchors(server.Document);
            var text = anchors.CurrentText;
            IReadOnlyList<TextEdit> edits = [];
            var stored = false;
            Outcome<Acceptance> accepted;
            try
            {
                accepted = Run(state =>
                {
                    var decided = On(anchors).Accept(state, actor, documentId, amendment, text, alternative);
                    if (decided.Succeeded)
                    {
                        // The text's update is stored before the state that records the acceptance is saved (which
                        // happens when this returns), and with it in one transaction where the log allows.
                        edits = decided.Value.Value.Edits;
                        server.Store(doc => Edit(doc.GetText(LiveText.RootName), edits), decided.Value.Negotiation);
                        stored = true;
                    }
                    return decided;
                }, recorded);
            }
            catch (Exception exception) when (stored && exception is not DocumentNotStoredException)
            {
                // The text landed but the state could not be saved on its own: take what the store holds, which is the
                // state stored with the update.
                negotiation.Reload();
                if (State.FindDocument(documentId)?.FindAmendment(amendment) is not { Status: AmendmentStatus.Accepted } now)
                {
                    throw;
                }
                accepted = new Acceptance(now, edits, []);
            }

            if (!accepted.Succeeded)
            {
                return Outcome<AcceptanceView>.Refused(accepted.Refusal!);
            }

            var live = server.Document.GetText(LiveText.RootName);
            return new AcceptanceView(
                AmendmentNow(documentId, amendment, anchors).Value,
                [.. accepted.Value.Edits.Select(e => new EditView(e.Index, e.DeleteLength, e.InsertText))],
                [.. accepted.Value.Superseded.Select(s => AmendmentNow(documentId, s.Id, anchors).Value)],
                live.ToString());
        }).ConfigureAwait(false);
        await PublishAsync(documentId, recorded).ConfigureAwait(false);
        return result;
    }

    private static void Edit(YText live, IReadOnlyList<TextEdit> edits)
    {
        foreach (var edit in edits)
        {
            if (edit.DeleteLength > 0)
            {
                live.Delete(edit.Index, edit.DeleteLength);
            }

            if (edit.InsertText.Length > 0)
            {
                live.Insert(edit.Index, edit.InsertText);
            }
        }
    }

    /// <summary>The chair decides who may type directly in the text.</summary>
    public async Task<Outcome<NegotiatedDocument>> SwitchOnScreenDraftingAsync(ParticipantId actor, DocumentId documentId, OnScreenDrafting mode)
    {
        var recorded = new Recorded();
        var switched = Run(state => On(Unanchored.Instance).SwitchOnScreenDrafting(state, actor, documentId, mode), recorded);
        await PublishAsync(documentId, recorded).ConfigureAwait(false);
        return switched;
    }

    /// <summary>Circulates the next revision: the live text, its bracketed compilation, the amendments' states and the CRDT snapshot.</summary>
    public async Task<Outcome<RevisionView>> CirculateAsync(ParticipantId actor, DocumentId documentId)
    {
        if (Check(State, actor, NegotiationAction.Circulate, documentId) is { } refusal)
        {
            return refusal;
        }

        var recorded = new Recorded();
        var outcome = await rooms.ReadAsync(documentId, doc =>
        {
            var anchors = new CrdtAnchors(doc);
            var text = anchors.CurrentText;
            var snapshot = Snapshot.Take(doc).Encode();
            var circulated = Run(
                s => On(anchors).Circulate(s, actor, documentId, text, BracketedCompilation.Of(s, s.FindDocument(documentId)!, text, anchors), snapshot),
                recorded);
            return circulated.Succeeded ? Views.Revision(circulated.Value) : Outcome<RevisionView>.Refused(circulated.Refusal!);
        }).ConfigureAwait(false);
        await PublishAsync(documentId, recorded).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>
    /// The chair adopts the live text: sealed with its SHA-256; from then on only reading remains. The text is read
    /// between client updates, so no update allowed before the adoption lands after the seal.
    /// </summary>
    public async Task<Outcome<AdoptionView>> AdoptAsync(ParticipantId actor, DocumentId documentId)
    {
        if (Check(State, actor, NegotiationAction.Adopt, documentId) is { } refusal)
        {
            return refusal;
        }

        var recorded = new Recorded();
        var outcome = await rooms.ReadBetweenUpdatesAsync(documentId, doc =>
        {
            var anchors = new CrdtAnchors(doc);
            var text = anchors.CurrentText;
            var adopted = Run(s => On(anchors).Adopt(s, actor, documentId, text), recorded);
            return adopted.Succeeded ? Views.Adoption(adopted.Value) : Outcome<AdoptionView>.Refused(adopted.Refusal!);
        }).ConfigureAwait(false);
        await PublishAsync(documentId, recorded).ConfigureAwait(false);
        return outcome;
    }

    private async Task<Outcome<AmendmentView>> DecideAsync(
        DocumentId documentId, AmendmentId amendment, Func<NegotiationWorkflow, NegotiationState, Outcome<Change<Amendment>>> command)
    {
        if (State.FindDocument(documentId) is null)
        {
            return Refusal.NotFound("there is no such document in this negotiation");
        }

        var recorded = new Recorded();
        var outcome = await rooms.ReadAsync(documentId, doc =>
        {
            var anchors = new CrdtAnchors(doc);
            var decided = Run(s => command(On(anchors), s), recorded);
            return decided.Succeeded ? AmendmentNow(documentId, amendment, anchors) : Outcome<AmendmentView>.Refused(decided.Refusal!);
        }).ConfigureAwait(false);
        await PublishAsync(documentId, recorded).ConfigureAwait(false);
        return outcome;
    }

    private Outcome<AmendmentView> AmendmentNow(DocumentId documentId, AmendmentId amendmentId, CrdtAnchors anchors)
    {
        var state = negotiation.Current;
        var document = state.FindDocument(documentId);
        return document?.FindAmendment(amendmentId) is { } amendment
            ? Views.Amendment(state, document, amendment, anchors)
            : Refusal.NotFound("there is no such amendment on this document");
    }

    // The paragraph named, checked against where the span starts; or found from there when none is named. A live text
    // that is not a well-formed draft (someone typed a broken front matter) cannot be checked: the name is taken as given.
    private static Outcome<ParagraphId> ParagraphOf(AmendmentTabling tabling, string text, int? start)
    {
        var located = start is { } index && index >= 0 && index <= text.Length ? ParagraphLocator.Locate(text, index) : null;
        if (tabling.Paragraph is not { } named)
        {
            return located is { } found
                ? found
                : Refusal.Invalid("the span does not start inside a paragraph of the text: name its \"paragraph\"");
        }

        if (located is { } at && at != named)
        {
            return Refusal.Invalid($"the span starts in paragraph {at}, not in {named}");
        }

        return named;
    }

    private static Outcome<TextAnchor> AnchorFromClient(AmendmentTabling tabling, ParagraphId paragraph)
    {
        return tabling.Anchor is { } given
            ? TextAnchor.Create(paragraph, given.Start, given.End)
            : Refusal.Invalid("give the span either as \"range\" (indexes) or as \"anchor\" (relative positions)");
    }

    private NegotiationWorkflow On(IAnchorResolver anchors) => new(time, random, anchors);

    private Outcome<T> Run<T>(Func<NegotiationState, Outcome<Change<T>>> command, Recorded recorded) =>
        negotiation.Apply(state =>
        {
            var outcome = command(state);
            if (outcome.Succeeded)
            {
                var after = outcome.Value.Negotiation.History;
                recorded.Entries = after.GetRange(state.History.Count, after.Count - state.History.Count);
            }

            return outcome;
        });

    private async Task PublishAsync(DocumentId documentId, Recorded recorded)
    {
        if (recorded.Entries.Count == 0)
        {
            return;
        }

        var changes = await rooms.ReadAsync(documentId, doc =>
        {
            var anchors = new CrdtAnchors(doc);
            var state = negotiation.Current;
            var document = state.FindDocument(documentId)!;
            return recorded.Entries.Select(entry =>
            {
                var amendment = entry.Amendment is { } id && document.FindAmendment(id) is { } found
                    ? Views.Amendment(state, document, found, anchors)
                    : null;
                var revision = entry.Revision is { } revisionId && document.Revisions.Find(r => r.Id == revisionId) is { } circulated
                    ? Views.RevisionSummary(circulated)
                    : null;
                var whole = entry.Event is HistoryEvent.OnScreenDraftingSwitched or HistoryEvent.TextAdopted or HistoryEvent.DocumentTabled
                    ? Views.Document(document, null, anchors.CurrentText.Length, mayTypeInText: null)
                    : null;
                return NegotiationEvents.For(entry, state, amendment, revision, whole);
            }).ToList();
        }).ConfigureAwait(false);

        foreach (var change in changes)
        {
            await events.PublishAsync(change).ConfigureAwait(false);
        }
    }

    private sealed class Recorded
    {
        public IReadOnlyList<HistoryEntry> Entries { get; set; } = [];
    }

    private sealed class Unanchored : IAnchorResolver
    {
        public static Unanchored Instance { get; } = new();

        public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) => null;
    }
}
