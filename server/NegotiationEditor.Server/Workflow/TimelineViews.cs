using System.Text.Json;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Timeline;

namespace NegotiationEditor.Server.Workflow;

/// <summary>One moment of a document's timeline.</summary>
/// <param name="Time">When it happened (for an edit: when the burst's last edit was stored).</param>
/// <param name="Kind">edit, tabled, amendment-proposed, co-sponsor-joined, amendment-withdrawn, position, amendment-accepted,
/// amendment-rejected, amendment-superseded, revision-circulated, adopted, drafting-switched.</param>
/// <param name="Summary">What happened, in a short sentence.</param>
/// <param name="Actors">The participants who did it (ids).</param>
/// <param name="Amendment">The amendment concerned (id), if any.</param>
/// <param name="AmendmentLabel">Its label on the document (A3), if any.</param>
/// <param name="Delegation">The delegation concerned (id), if any.</param>
/// <param name="Revision">The revision concerned (id), if any.</param>
/// <param name="Sequence">The entry's sequence in GET .../history; null for edits.</param>
public sealed record MomentView(
    DateTimeOffset Time,
    string Kind,
    string Summary,
    IReadOnlyList<string> Actors,
    string? Amendment,
    string? AmendmentLabel,
    string? Delegation,
    string? Revision,
    long? Sequence);

/// <summary>A document's timeline: from its tabling to now (or its adoption), with its moments oldest first.</summary>
public sealed record TimelineView(string DocumentId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<MomentView> Moments);

/// <summary>A document as it was at a moment: its text (read only), status, amendments and the revisions circulated by then.</summary>
public sealed record DocumentAtView(
    string DocumentId,
    DateTimeOffset Time,
    string Text,
    string Status,
    string OnScreenDrafting,
    IReadOnlyList<AmendmentView> Amendments,
    IReadOnlyList<string> Revisions);

/// <summary>Builds the timeline's views.</summary>
public static class TimelineViews
{
    /// <summary>The wire name of a moment's kind (<c>amendment-proposed</c>).</summary>
    public static string KindOf(MomentKind kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    /// <summary>A moment.</summary>
    public static MomentView Moment(TimelineMoment moment)
    {
        ArgumentNullException.ThrowIfNull(moment);
        return new MomentView(
            moment.At,
            KindOf(moment.Kind),
            moment.Summary,
            [.. moment.Actors.Select(a => a.ToString())],
            moment.Amendment?.ToString(),
            moment.AmendmentLabel,
            moment.Delegation?.ToString(),
            moment.Revision?.ToString(),
            moment.Sequence);
    }

    /// <summary>The document's status: negotiating or adopted.</summary>
    public static string StatusOf(NegotiatedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.IsAdopted ? "adopted" : "negotiating";
    }
}
