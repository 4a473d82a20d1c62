using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Timeline;
using NegotiationEditor.Server.Collaboration.Hooks;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>A document through time: its timeline of moments, and the document as it was at any moment (read only).</summary>
public static partial class TimelineEndpoints
{
    private const string Example = "2010-12-17T17:05:00Z";

    /// <summary>Adds the edit history's recorder (used by the history hook) and what the endpoints read: the texts through time.</summary>
    public static IServiceCollection AddTimeline(this IServiceCollection services)
    {
        services.AddSingleton<HistoryRecorder>();
        services.AddSingleton<TextHistory>();
        return services;
    }

    /// <summary>Maps the endpoints on the API group.</summary>
    public static RouteGroupBuilder MapTimeline(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents/{documentId}").WithTags("Timeline");
        documents.MapGet("/timeline", Timeline).WithName("GetDocumentTimeline")
            .WithSummary("The document's moments, from its tabling to now: edits (grouped by bursts), amendments, positions, revisions, adoption.");
        documents.MapGet("/at", At).WithName("GetDocumentAtMoment")
            .WithSummary("The document as it was at ?time=ISO-8601: its text (read only), status, amendments and revisions circulated by then.");
        return api;
    }

    private static async Task<Results<Ok<TimelineView>, ProblemHttpResult>> Timeline(
        string documentId, HttpContext context, LiveWorkflow workflow, TextHistory texts, HistoryRecorder recorder, TimeProvider clock)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        var state = workflow.State;
        if (LiveWorkflow.Check(state, Callers.Of(context).Id, NegotiationAction.Read, id) is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        await BringHistoryUpToDateAsync(workflow, recorder, id);
        var text = texts.Timeline(state, id);
        var moments = DocumentTimeline.Of(state, id, text.Bursts, text.TextTabledAt);
        var adoption = state.FindDocument(id)!.Adoption;
        var end = adoption?.AdoptedAt ?? clock.GetUtcNow();
        return TypedResults.Ok(new TimelineView(id.ToString(), text.Start, end < text.Start ? text.Start : end, [.. moments.Select(TimelineViews.Moment)]));
    }

    private static async Task<Results<Ok<DocumentAtView>, ProblemHttpResult>> At(
        string documentId, string? time, HttpContext context, LiveWorkflow workflow, TextHistory texts, HistoryRecorder recorder, TimeProvider clock)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        var state = workflow.State;
        if (LiveWorkflow.Check(state, Callers.Of(context).Id, NegotiationAction.Read, id) is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        if (string.IsNullOrWhiteSpace(time))
        {
            return Problems.Invalid($"say which moment: ?time= followed by an ISO 8601 time, e.g. {Example}");
        }

        if (!TryParseMoment(time, out var moment))
        {
            return Problems.Invalid($"'{time}' is not an ISO 8601 time: give one such as {Example}");
        }

        if (moment >= clock.GetUtcNow())
        {
            // Now or later: the document as it stands.
            return TypedResults.Ok(await workflow.ReadAsync(id, (now, anchors) => View(now, id, moment, anchors.CurrentText, anchors)));
        }

        await BringHistoryUpToDateAsync(workflow, recorder, id);
        var records = texts.Records(id, moment);
        var start = texts.StartOf(state, id, records);
        if (moment < start)
        {
            return Problems.Invalid(
                $"the timeline of this document starts at {start.ToString("O", CultureInfo.InvariantCulture)}, when it was tabled: {time} is before it");
        }

        var then = NegotiationAtMoment.At(state, moment);
        var doc = TextHistory.Build(records);
        var anchorsThen = new CrdtAnchors(doc);
        return TypedResults.Ok(View(then, id, moment, anchorsThen.CurrentText, anchorsThen));
    }

    // Loading a document records in its history whatever the update log holds that the history lacks (see HistoryHook):
    // a document nobody has opened since the server started (the seeded one) has its text there only. Then every
    // update recorded so far is written.
    private static async Task BringHistoryUpToDateAsync(LiveWorkflow workflow, HistoryRecorder recorder, Negotiation.Documents.DocumentId id)
    {
        await workflow.ReadAsync(id, (_, _) => 0);
        await recorder.FlushAsync();
    }

    private static DocumentAtView View(Negotiation.Workflow.NegotiationState state, Negotiation.Documents.DocumentId id, DateTimeOffset moment, string text, CrdtAnchors anchors)
    {
        var document = state.FindDocument(id)!;
        return new DocumentAtView(
            id.ToString(),
            moment,
            text,
            TimelineViews.StatusOf(document),
            WireNames.Of(document.OnScreenDrafting),
            [.. document.Amendments.Select(a => Views.Amendment(state, document, a, anchors))],
            [.. document.Revisions.Select(r => r.Label)]);
    }

    // ISO 8601, with an offset or Z (a time without one is taken as UTC). A '+' that reached us as a space (an
    // offset not escaped in the query string) is read as the '+' it was.
    private static bool TryParseMoment(string text, out DateTimeOffset moment)
    {
        foreach (var candidate in new[] { text.Trim(), text.Trim().Replace(' ', '+') })
        {
            if (IsoTime().IsMatch(candidate)
                && DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment))
            {
                return true;
            }
        }

        moment = default;
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}([.,]\d{1,7})?)?(Z|z|[+-]\d{2}(:?\d{2})?)?)?\z")]
    private static partial Regex IsoTime();
}
