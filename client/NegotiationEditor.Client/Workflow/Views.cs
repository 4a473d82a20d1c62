namespace NegotiationEditor.Client.Workflow;

// The JSON shapes of the REST API (docs/protocol.md, "REST API"), as the client reads them.

/// <summary>A delegation: <c>kind</c> is memberState, observerState, intergovernmentalOrganisation or stakeholder.</summary>
public sealed record Delegation(string Id, string Name, string Kind);

/// <summary>The negotiation a participant belongs to.</summary>
public sealed record NegotiationSummary(string Id, string Title);

/// <summary>Who the invite token is.</summary>
public sealed record Me(string ParticipantId, string Name, string Role, Delegation? Delegation, NegotiationSummary Negotiation);

/// <summary>A document in the list of documents.</summary>
public sealed record DocumentSummary(string Id, string Title, string Symbol, string Status, string OnScreenDrafting, int OpenAmendments, int Revisions);

/// <summary>The seal of an adopted text.</summary>
public sealed record Adoption(string TextSha256, DateTimeOffset AdoptedAt, string AdoptedBy, string Text);

/// <summary>A document with its live text.</summary>
public sealed record Document(
    string Id,
    string Title,
    string Symbol,
    string Status,
    string? Text,
    int TextLength,
    string OnScreenDrafting,
    bool? MayTypeInText,
    int OpenAmendments,
    IReadOnlyList<RevisionSummary> Revisions,
    Adoption? Adoption);

/// <summary>An anchor's two CRDT relative positions, base64.</summary>
public sealed record Anchor(string Start, string End);

/// <summary>UTF-16 indexes in the live text, end exclusive.</summary>
public sealed record TextRange(int Start, int End);

/// <summary>A delegation's position on an amendment: supports, objects, reserves or canLiveWith.</summary>
public sealed record DelegationPosition(Delegation Delegation, string Position, string Note, DateTimeOffset TakenAt, string TakenBy);

/// <summary>The member states' reading of an amendment.</summary>
public sealed record Consensus(bool IsConsensus, IReadOnlyList<string> Supporting, IReadOnlyList<string> Objecting, IReadOnlyList<string> Reserving, IReadOnlyList<string> CanLiveWith);

/// <summary>An amendment with its ledger, current positions and collisions. <c>Proposer</c> is delegation or chair;
/// <c>ProposedBy</c> is null for a chair's proposal.</summary>
public sealed record Amendment(
    string Id,
    string DocumentId,
    string Kind,
    string Paragraph,
    Anchor Anchor,
    TextRange? Span,
    string OriginalText,
    IReadOnlyList<string> ProposedTexts,
    string Proposer,
    Delegation? ProposedBy,
    IReadOnlyList<Delegation> CoSponsors,
    string Justification,
    string Status,
    DateTimeOffset ProposedAt,
    DateTimeOffset? DecidedAt,
    int? AcceptedAlternative,
    string? SupersededBy,
    string Ledger,
    IReadOnlyList<DelegationPosition> Positions,
    Consensus Consensus,
    IReadOnlyList<string> CollidesWith)
{
    /// <summary>The proposer's kind on the wire for a chair's proposal.</summary>
    public const string Chair = "chair";

    /// <summary>Whether the chair proposed it (the office, for no delegation).</summary>
    public bool IsChairsProposal => Proposer == Chair;

    /// <summary>Who proposed it, as the ledger names them: "the Chair" or the delegation's name.</summary>
    public string ProposerName => ProposedBy?.Name ?? "the Chair";
}

/// <summary>The current position of each delegation and every position ever taken.</summary>
public sealed record Positions(IReadOnlyList<DelegationPosition> Current, IReadOnlyList<DelegationPosition> History);

/// <summary>A position just taken, and the amendment after it.</summary>
public sealed record TakenPosition(DelegationPosition Position, Amendment Amendment);

/// <summary>One change the server made to the live text.</summary>
public sealed record TextEdit(int Index, int DeleteLength, string InsertText);

/// <summary>An accepted amendment: the edits applied, the amendments superseded and the live text after.</summary>
public sealed record Acceptance(Amendment Amendment, IReadOnlyList<TextEdit> Edits, IReadOnlyList<Amendment> Superseded, string Text);

/// <summary>A circulated revision in a list.</summary>
public sealed record RevisionSummary(string Id, int Number, string Label, string Symbol, DateTimeOffset CirculatedAt, string CirculatedBy);

/// <summary>The status an amendment had when a revision was circulated.</summary>
public sealed record AmendmentState(string Amendment, string Status);

/// <summary>A circulated revision, whole.</summary>
public sealed record Revision(
    string Id,
    int Number,
    string Label,
    string Symbol,
    DateTimeOffset CirculatedAt,
    string CirculatedBy,
    string Text,
    string CompilationText,
    IReadOnlyList<AmendmentState> AmendmentStates,
    string CrdtSnapshot);

/// <summary>A participant as the officers see them (<c>GET /api/participants</c>).</summary>
public sealed record Participant(string Id, string Name, string Role, Delegation? Delegation, bool Removed);

/// <summary>A participant whose invites were revoked, and how many were.</summary>
public sealed record RevokedInvites(Participant Participant, int Revoked);

/// <summary>One entry of a document's timeline.</summary>
public sealed record HistoryEntry(long Sequence, DateTimeOffset At, string Actor, string Event, string Description, string? Amendment, string? Revision, string? Delegation);

/// <summary>
/// What to propose. Anchor the span either with <see cref="Range"/> (the server makes the relative positions) or
/// with <see cref="Anchor"/> (base64 relative positions made by the client), not both.
/// </summary>
public sealed record AmendmentProposal
{
    /// <summary>insert, delete, replace, alternatives, newParagraph or deleteParagraph.</summary>
    public required string Kind { get; init; }

    /// <summary>The id of the paragraph the span is in (p-1, op-2 ...).</summary>
    public required string Paragraph { get; init; }

    /// <summary>The span in the live text now.</summary>
    public TextRange? Range { get; init; }

    /// <summary>The span as CRDT relative positions.</summary>
    public Anchor? Anchor { get; init; }

    /// <summary>The text the span holds now (empty for a point).</summary>
    public string OriginalText { get; init; } = "";

    /// <summary>The proposed text(s).</summary>
    public IReadOnlyList<string> ProposedTexts { get; init; } = [];

    /// <summary>The proposing delegation's id; the caller's own when null.</summary>
    public string? ProposedBy { get; init; }

    /// <summary>"chair" for a chair's proposal (the chair, or the secretariat on its behalf; then no ProposedBy);
    /// null for a delegation's.</summary>
    public string? Proposer { get; init; }

    /// <summary>Co-sponsoring delegations' ids.</summary>
    public IReadOnlyList<string> CoSponsors { get; init; } = [];

    /// <summary>Why.</summary>
    public string Justification { get; init; } = "";
}

/// <summary>A redline or printed revision as the server sent it.</summary>
public sealed record RenderedOutput(string ContentType, byte[] Content)
{
    /// <summary>The content as UTF-8 text (for text, json and html).</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(Content);
}
