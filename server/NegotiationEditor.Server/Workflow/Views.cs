using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Adoption;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Revisions;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Workflow;

/// <summary>A delegation as the API shows it.</summary>
public sealed record DelegationView(string Id, string Name, string Kind);

/// <summary>The negotiation a participant belongs to.</summary>
public sealed record NegotiationView(string Id, string Title);

/// <summary>Who an invite token is.</summary>
public sealed record MeView(string ParticipantId, string Name, string Role, DelegationView? Delegation, NegotiationView Negotiation);

/// <summary>A participant as the officers manage it: who, in which role, for which delegation, and whether removed.</summary>
public sealed record ParticipantView(string Id, string Name, string Role, DelegationView? Delegation, bool Removed);

/// <summary>A participant whose invites were just revoked, and how many were.</summary>
public sealed record RevokedInvitesView(ParticipantView Participant, int Revoked);

/// <summary>A document in the list of documents.</summary>
public sealed record DocumentSummaryView(string Id, string Title, string Symbol, string Status, string OnScreenDrafting, int OpenAmendments, int Revisions);

/// <summary>The seal of an adopted text.</summary>
public sealed record AdoptionView(string TextSha256, DateTimeOffset AdoptedAt, string AdoptedBy, string Text);

/// <summary>A document with its live text; in hub events the text and the caller's right to type are left out (null).</summary>
public sealed record DocumentView(
    string Id,
    string Title,
    string Symbol,
    string Status,
    string? Text,
    int TextLength,
    string OnScreenDrafting,
    bool? MayTypeInText,
    int OpenAmendments,
    IReadOnlyList<RevisionSummaryView> Revisions,
    AdoptionView? Adoption);

/// <summary>An anchor's two relative positions, base64.</summary>
public sealed record AnchorView(string Start, string End);

/// <summary>Where an anchor lies in the live text now: UTF-16 indexes, end exclusive.</summary>
public sealed record SpanView(int Start, int End);

/// <summary>A delegation's position on an amendment.</summary>
public sealed record PositionView(DelegationView Delegation, string Position, string Note, DateTimeOffset TakenAt, string TakenBy);

/// <summary>The member states' reading of an amendment (stakeholders do not count).</summary>
public sealed record ConsensusView(bool IsConsensus, IReadOnlyList<string> Supporting, IReadOnlyList<string> Objecting, IReadOnlyList<string> Reserving, IReadOnlyList<string> CanLiveWith);

/// <summary>An amendment with its ledger, current positions and collisions. <c>Proposer</c> is <c>delegation</c> or
/// <c>chair</c>; <c>ProposedBy</c> is null for a chair's proposal.</summary>
public sealed record AmendmentView(
    string Id,
    string DocumentId,
    string Kind,
    string Paragraph,
    AnchorView Anchor,
    SpanView? Span,
    string OriginalText,
    IReadOnlyList<string> ProposedTexts,
    string Proposer,
    DelegationView? ProposedBy,
    IReadOnlyList<DelegationView> CoSponsors,
    string Justification,
    string Status,
    DateTimeOffset ProposedAt,
    DateTimeOffset? DecidedAt,
    int? AcceptedAlternative,
    string? SupersededBy,
    string Ledger,
    IReadOnlyList<PositionView> Positions,
    ConsensusView Consensus,
    IReadOnlyList<string> CollidesWith);

/// <summary>The positions on an amendment: the current one of each delegation and every one ever taken.</summary>
public sealed record PositionsView(IReadOnlyList<PositionView> Current, IReadOnlyList<PositionView> History);

/// <summary>A position just taken, and the amendment as it stands after it.</summary>
public sealed record TakenPositionView(PositionView Position, AmendmentView Amendment);

/// <summary>One change made to the live text.</summary>
public sealed record EditView(int Index, int DeleteLength, string InsertText);

/// <summary>An accepted amendment: the edits applied, the amendments superseded and the live text after.</summary>
public sealed record AcceptanceView(AmendmentView Amendment, IReadOnlyList<EditView> Edits, IReadOnlyList<AmendmentView> Superseded, string Text);

/// <summary>A circulated revision in a list.</summary>
public sealed record RevisionSummaryView(string Id, int Number, string Label, string Symbol, DateTimeOffset CirculatedAt, string CirculatedBy);

/// <summary>The status an amendment had when a revision was circulated.</summary>
public sealed record AmendmentStateView(string Amendment, string Status);

/// <summary>A circulated revision, whole.</summary>
public sealed record RevisionView(
    string Id,
    int Number,
    string Label,
    string Symbol,
    DateTimeOffset CirculatedAt,
    string CirculatedBy,
    string Text,
    string CompilationText,
    IReadOnlyList<AmendmentStateView> AmendmentStates,
    string CrdtSnapshot);

/// <summary>The live text and its bracketed compilation now.</summary>
public sealed record CompilationView(string Text, string CompilationText);

/// <summary>One entry of a document's timeline.</summary>
public sealed record HistoryView(long Sequence, DateTimeOffset At, string Actor, string Event, string Description, string? Amendment, string? Revision, string? Delegation);

/// <summary>Who did something.</summary>
public sealed record ActorView(string Id, string Name, string Role);

/// <summary>A workflow change pushed to everyone in the document (hub client method <c>Negotiation</c>).</summary>
public sealed record NegotiationEventView(
    string Event,
    string DocumentId,
    long Sequence,
    DateTimeOffset At,
    ActorView? Actor,
    string Description,
    AmendmentView? Amendment,
    RevisionSummaryView? Revision,
    DocumentView? Document);

/// <summary>Builds the API's views of the domain's records.</summary>
public static class Views
{
    /// <summary>The view of a delegation (an unknown id shows as such rather than failing).</summary>
    public static DelegationView Delegation(NegotiationState state, DelegationId id) =>
        state.FindDelegation(id) is { } found
            ? new DelegationView(found.Id.ToString(), found.Name, WireNames.Of(found.Kind))
            : new DelegationView(id.ToString(), "an unknown delegation", "unknown");

    /// <summary>Who a participant is.</summary>
    public static MeView Me(NegotiationState state, Participant participant) => new(
        participant.Id.ToString(),
        participant.Name,
        WireNames.Of(participant.Role),
        participant.Delegation is { } delegation ? Delegation(state, delegation) : null,
        new NegotiationView(state.Id.ToString(), state.Title));

    /// <summary>A participant.</summary>
    public static ParticipantView Participant(NegotiationState state, Participant participant) => new(
        participant.Id.ToString(),
        participant.Name,
        WireNames.Of(participant.Role),
        participant.Delegation is { } delegation ? Delegation(state, delegation) : null,
        participant.IsRemoved);

    /// <summary>A document in the list.</summary>
    public static DocumentSummaryView Summary(NegotiatedDocument document) => new(
        document.Id.ToString(),
        document.Title,
        document.Symbol,
        StatusOf(document),
        WireNames.Of(document.OnScreenDrafting),
        document.Amendments.Count(a => a.IsOpen),
        document.Revisions.Count);

    /// <summary>A document with its live text (null to leave the text out).</summary>
    public static DocumentView Document(NegotiatedDocument document, string? text, int textLength, bool? mayTypeInText) => new(
        document.Id.ToString(),
        document.Title,
        document.Symbol,
        StatusOf(document),
        text,
        textLength,
        WireNames.Of(document.OnScreenDrafting),
        mayTypeInText,
        document.Amendments.Count(a => a.IsOpen),
        [.. document.Revisions.Select(RevisionSummary)],
        document.Adoption is { } seal ? Adoption(seal) : null);

    /// <summary>The seal of an adopted text.</summary>
    public static AdoptionView Adoption(AdoptionSeal seal) => new(seal.TextSha256, seal.AdoptedAt, seal.AdoptedBy.ToString(), seal.Text);

    /// <summary>An amendment, with its span and collisions read through <paramref name="anchors"/>.</summary>
    public static AmendmentView Amendment(NegotiationState state, NegotiatedDocument document, Amendment amendment, IAnchorResolver anchors)
    {
        var span = amendment.IsOpen ? anchors.Resolve(document.Id, amendment.Anchor) : null;
        var collisions = amendment.IsOpen
            ? new AmendmentCollisions(anchors).CollidingWith(amendment, document.Amendments).Select(a => a.Id.ToString()).ToList()
            : [];
        var consensus = ConsensusReading.Of(amendment, document.Positions, state.Delegations);
        List<string> Names(IReadOnlyList<DelegationId> ids) => [.. ids.Select(id => Delegation(state, id).Name)];
        return new AmendmentView(
            amendment.Id.ToString(),
            document.Id.ToString(),
            WireNames.Of(amendment.Kind),
            amendment.Anchor.Paragraph.ToString(),
            new AnchorView(Convert.ToBase64String(amendment.Anchor.Start.AsSpan()), Convert.ToBase64String(amendment.Anchor.End.AsSpan())),
            span is { } resolved ? new SpanView(resolved.Start, resolved.End) : null,
            amendment.OriginalText,
            [.. amendment.ProposedTexts],
            WireNames.Of(amendment.Proposer),
            amendment.ProposedBy is { } proposer ? Delegation(state, proposer) : null,
            [.. amendment.CoSponsors.Select(id => Delegation(state, id))],
            amendment.Justification,
            WireNames.Of(amendment.Status),
            amendment.ProposedAt,
            amendment.DecidedAt,
            amendment.AcceptedAlternative,
            amendment.SupersededBy?.ToString(),
            AmendmentLedger.Render(amendment, document.Positions, state.Delegations),
            [.. PositionHistory.Current(document.Positions, amendment.Id).Select(p => Position(state, p))],
            new ConsensusView(consensus.IsConsensus, Names(consensus.Supporting), Names(consensus.Objecting), Names(consensus.Reserving), Names(consensus.CanLiveWith)),
            collisions);
    }

    /// <summary>A position.</summary>
    public static PositionView Position(NegotiationState state, Position position) => new(
        Delegation(state, position.Delegation), WireNames.Of(position.Kind), position.Note, position.TakenAt, position.TakenBy.ToString());

    /// <summary>A revision in a list.</summary>
    public static RevisionSummaryView RevisionSummary(Revision revision) => new(
        revision.Id.ToString(), revision.Number, revision.Label, revision.Symbol, revision.CirculatedAt, revision.CirculatedBy.ToString());

    /// <summary>A revision, whole.</summary>
    public static RevisionView Revision(Revision revision) => new(
        revision.Id.ToString(),
        revision.Number,
        revision.Label,
        revision.Symbol,
        revision.CirculatedAt,
        revision.CirculatedBy.ToString(),
        revision.Text,
        revision.CompilationText,
        [.. revision.AmendmentStates.Select(s => new AmendmentStateView(s.Amendment.ToString(), WireNames.Of(s.Status)))],
        Convert.ToBase64String(revision.CrdtSnapshot.AsSpan()));

    /// <summary>An entry of the timeline.</summary>
    public static HistoryView History(HistoryEntry entry) => new(
        entry.Sequence,
        entry.At,
        entry.Actor.ToString(),
        WireNames.Of(entry.Event),
        entry.Description,
        entry.Amendment?.ToString(),
        entry.Revision?.ToString(),
        entry.Delegation?.ToString());

    /// <summary>Who did something.</summary>
    public static ActorView? Actor(NegotiationState state, ParticipantId id) =>
        state.FindParticipant(id) is { } participant
            ? new ActorView(participant.Id.ToString(), participant.Name, WireNames.Of(participant.Role))
            : null;

    private static string StatusOf(NegotiatedDocument document) => document.IsAdopted ? "adopted" : "negotiating";
}
