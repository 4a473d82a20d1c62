using System.Text;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Negotiation.Timeline;

/// <summary>
/// A document's day as a list of moments, oldest first: its tabling, every change of the negotiation recorded on it
/// (amendments, positions, decisions, revisions, the drafting switch, adoption) and the bursts of typing in its text,
/// each with a short sentence ("UK objects to A3", "Rev.1 circulated").
/// </summary>
public static class DocumentTimeline
{
    private const int QuoteLength = 60;

    /// <summary>The moments of <paramref name="document"/>.</summary>
    /// <param name="state">The negotiation now.</param>
    /// <param name="document">The document.</param>
    /// <param name="bursts">The bursts of typing in its text, oldest first (the server reads them from the edit history).</param>
    /// <param name="textTabledAt">When the tabled text was stored, when it was after the tabling itself was recorded: the
    /// tabling moment is put there, so that the text at that moment is the tabled text.</param>
    public static IReadOnlyList<TimelineMoment> Of(NegotiationState state, DocumentId document, IReadOnlyList<EditBurst> bursts, DateTimeOffset? textTabledAt = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(bursts);
        var found = state.FindDocument(document) ?? throw new ArgumentException("there is no such document in this negotiation", nameof(document));
        var moments = new List<TimelineMoment>();
        foreach (var entry in state.History.Where(e => e.Document == document))
        {
            if (MomentOf(state, found, entry) is { } moment)
            {
                moments.Add(moment.Kind == MomentKind.Tabled && textTabledAt is { } stored && stored > moment.At ? moment with { At = stored } : moment);
            }
        }

        moments.AddRange(bursts.Select(burst => Edit(state, burst)));
        return [.. moments.OrderBy(m => m.At)];
    }

    /// <summary>The label of an amendment on its document: A1 for the first one tabled, A2 for the next ...</summary>
    public static string LabelOf(NegotiatedDocument document, AmendmentId amendment)
    {
        ArgumentNullException.ThrowIfNull(document);
        var index = document.Amendments.FindIndex(a => a.Id == amendment);
        return index < 0 ? "an amendment" : $"A{index + 1}";
    }

    /// <summary>What an amendment proposes, in a sentence ("Greece proposes to replace 'in accordance with' by 'bearing in mind'").</summary>
    public static string Proposal(NegotiationState state, Amendment amendment)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(amendment);
        var who = Sponsors(state, amendment);
        var verb = amendment.CoSponsors.IsEmpty ? "proposes" : "propose";
        var original = Quote(amendment.OriginalText);
        var paragraph = amendment.Anchor.Paragraph.ToString();
        return amendment.Kind switch
        {
            AmendmentKind.Insert => $"{who} {verb} to insert {Quote(amendment.ProposedTexts.FirstOrDefault() ?? "")} in {paragraph}",
            AmendmentKind.Delete => $"{who} {verb} to delete {original}",
            AmendmentKind.Replace => $"{who} {verb} to replace {original} by {Quote(amendment.ProposedTexts.FirstOrDefault() ?? "")}",
            AmendmentKind.Alternatives => $"{who} {verb} alternatives to {original}: {string.Join(" / ", amendment.ProposedTexts.Select(Quote))}",
            AmendmentKind.NewParagraph => $"{who} {verb} a new paragraph after {paragraph}: {Quote(amendment.ProposedTexts.FirstOrDefault() ?? "")}",
            AmendmentKind.DeleteParagraph => $"{who} {verb} to delete {paragraph}",
            _ => $"{who} {verb} an amendment in {paragraph}",
        };
    }

    private static TimelineMoment? MomentOf(NegotiationState state, NegotiatedDocument document, HistoryEntry entry)
    {
        var amendment = entry.Amendment is { } id ? document.FindAmendment(id) : null;
        var label = amendment is null ? null : LabelOf(document, amendment.Id);
        var delegation = entry.Delegation is { } d ? Name(state, d) : null;
        TimelineMoment Moment(MomentKind kind, string summary) =>
            new(entry.At, kind, summary, [entry.Actor], entry.Amendment, label, entry.Delegation, entry.Revision, entry.Sequence);

        return entry.Event switch
        {
            HistoryEvent.DocumentTabled => Moment(MomentKind.Tabled, $"{document.Symbol} tabled: {document.Title}"),
            HistoryEvent.OnScreenDraftingSwitched => Moment(MomentKind.DraftingSwitched, Sentence(entry.Description)),
            HistoryEvent.AmendmentProposed when amendment is not null
                => Moment(MomentKind.AmendmentProposed, $"{Proposal(state, amendment with { CoSponsors = InitialCoSponsors(state, amendment) })} ({label})"),
            HistoryEvent.CoSponsorJoined => Moment(MomentKind.CoSponsorJoined, $"{delegation} co-sponsors {label}"),
            HistoryEvent.AmendmentWithdrawn when amendment is not null
                => Moment(MomentKind.AmendmentWithdrawn, $"{ProposerOf(state, amendment)} withdraws {label}"),
            HistoryEvent.PositionTaken => Moment(MomentKind.Position, $"{delegation} {Verb(PositionOf(document, entry))} {label}"),
            HistoryEvent.AmendmentAccepted when amendment is not null
                => Moment(MomentKind.AmendmentAccepted, $"The chair accepts {label} ({ProposerOf(state, amendment)}){Alternative(amendment)}"),
            HistoryEvent.AmendmentRejected when amendment is not null
                => Moment(MomentKind.AmendmentRejected, $"The chair rejects {label} ({ProposerOf(state, amendment)})"),
            HistoryEvent.AmendmentSuperseded when amendment is not null
                => Moment(MomentKind.AmendmentSuperseded, $"{label} ({ProposerOf(state, amendment)}) is superseded"
                    + (amendment.SupersededBy is { } by ? $" by {LabelOf(document, by)}" : "")),
            HistoryEvent.RevisionCirculated => Moment(MomentKind.RevisionCirculated,
                (document.Revisions.Find(r => r.Id == entry.Revision)?.Label ?? "A revision") + " circulated"),
            HistoryEvent.TextAdopted => Moment(MomentKind.Adopted, $"{document.Symbol} adopted"),
            _ => null,
        };
    }

    private static TimelineMoment Edit(NegotiationState state, EditBurst burst)
    {
        var who = burst.Editors.Count == 0
            ? "Someone"
            : string.Join(", ", burst.Editors.Select(id => state.FindParticipant(id)?.Name ?? "a former participant"));
        var where = burst.Paragraph is { } paragraph ? $" in {paragraph}" : "";
        var change = burst.Change;
        var what = change switch
        {
            { IsNone: true } => "typed, leaving the text as it was",
            { Removed.Length: 0 } => $"inserted {Quote(change.Inserted)}{where}",
            { Inserted.Length: 0 } => $"deleted {Quote(change.Removed)}{where}",
            _ => $"replaced {Quote(change.Removed)} by {Quote(change.Inserted)}{where}",
        };
        return new TimelineMoment(burst.End, MomentKind.Edit, $"{who} {what}", burst.Editors);
    }

    // The co-sponsors named in the proposal itself: those who joined later are not there yet.
    private static System.Collections.Immutable.ImmutableArray<Delegations.DelegationId> InitialCoSponsors(NegotiationState state, Amendment amendment)
    {
        var joined = state.History
            .Where(e => e.Event == HistoryEvent.CoSponsorJoined && e.Amendment == amendment.Id && e.Delegation is not null)
            .Select(e => e.Delegation!.Value)
            .ToHashSet();
        return [.. amendment.CoSponsors.Where(d => !joined.Contains(d))];
    }

    private static PositionKind? PositionOf(NegotiatedDocument document, HistoryEntry entry) =>
        document.Positions.LastOrDefault(p => p.Amendment == entry.Amendment && p.Delegation == entry.Delegation && p.TakenAt <= entry.At)?.Kind;

    private static string Verb(PositionKind? kind) => kind switch
    {
        PositionKind.Supports => "supports",
        PositionKind.Objects => "objects to",
        PositionKind.Reserves => "reserves its position on",
        PositionKind.CanLiveWith => "can live with",
        _ => "takes a position on",
    };

    private static string Alternative(Amendment amendment) =>
        amendment.AcceptedAlternative is { } index && index >= 0 && index < amendment.ProposedTexts.Length
            ? $": {Quote(amendment.ProposedTexts[index])}"
            : "";

    private static string Sponsors(NegotiationState state, Amendment amendment) =>
        string.Join(", ", amendment.CoSponsors.Select(d => Name(state, d)).Prepend(ProposerOf(state, amendment)));

    // A chair's proposal is made by the chair's office, for no delegation.
    private static string ProposerOf(NegotiationState state, Amendment amendment) =>
        amendment.ProposedBy is { } delegation ? Name(state, delegation) : "The chair";

    private static string Name(NegotiationState state, Delegations.DelegationId delegation) =>
        state.FindDelegation(delegation)?.Name ?? "an unknown delegation";

    private static string Sentence(string description) =>
        description.Length == 0 ? description : char.ToUpperInvariant(description[0]) + description[1..];

    private static string Quote(string text)
    {
        var oneLine = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            oneLine.Append(char.IsControl(c) ? ' ' : c);
        }

        var line = oneLine.ToString().Trim();
        if (line.Length > QuoteLength)
        {
            // Cut between words where there is a space late enough, else inside the word (never inside a character).
            var space = line.LastIndexOf(' ', QuoteLength);
            var cut = space > QuoteLength / 2 ? space : char.IsHighSurrogate(line[QuoteLength - 1]) ? QuoteLength - 1 : QuoteLength;
            line = line[..cut].TrimEnd() + "…";
        }

        return $"'{line}'";
    }
}
