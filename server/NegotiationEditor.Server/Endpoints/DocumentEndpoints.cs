using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Revisions;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>A new document to table.</summary>
/// <param name="Title">Its title (one line).</param>
/// <param name="Symbol">Its document symbol (E/CN.16/2010/CRP.2).</param>
/// <param name="Text">Its first text: a draft in the format of docs/notation.md.</param>
public sealed record TableDocumentRequest(string? Title, string? Symbol, string? Text);

/// <summary>The chair's on-screen drafting switch.</summary>
/// <param name="Mode">chairAndSecretariat, memberStates or closed.</param>
public sealed record OnScreenDraftingRequest(string? Mode);

/// <summary>Documents: list, read, table, on-screen drafting, adoption, timeline.</summary>
public static class DocumentEndpoints
{
    /// <summary>Maps the endpoints on the API group.</summary>
    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("Documents");
        documents.MapGet("/", List).WithName("ListDocuments").WithSummary("The documents the caller may see.");
        documents.MapGet("/{documentId}", Get).WithName("GetDocument").WithSummary("A document with its live text.");
        documents.MapPost("/", Table).WithName("TableDocument").WithSummary("Tables a new document (chair, secretariat).")
            .Accepts<TableDocumentRequest>("application/json");
        documents.MapPut("/{documentId}/on-screen-drafting", SwitchOnScreenDrafting).WithName("SwitchOnScreenDrafting")
            .WithSummary("Who may type directly in the text (chair).").Accepts<OnScreenDraftingRequest>("application/json");
        documents.MapPost("/{documentId}/adopt", Adopt).WithName("AdoptDocument").WithSummary("Adopts the live text, sealing it (chair).");
        documents.MapGet("/{documentId}/compilation", Compilation).WithName("GetCompilation")
            .WithSummary("The live text with every open amendment in brackets, as the next revision would circulate it.");
        documents.MapGet("/{documentId}/history", History).WithName("GetDocumentHistory").WithSummary("Every change recorded on the document.");
        return api;
    }

    private static Ok<List<DocumentSummaryView>> List(HttpContext context, LiveWorkflow workflow)
    {
        var state = workflow.State;
        var caller = Callers.Of(context);
        return TypedResults.Ok(state.Documents
            .Where(d => state.MayDo(caller.Id, NegotiationAction.Read, d.Id).IsAllowed)
            .Select(Views.Summary)
            .ToList());
    }

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> Get(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        var caller = Callers.Of(context);
        if (LiveWorkflow.Check(workflow.State, caller.Id, NegotiationAction.Read, id) is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        return TypedResults.Ok(await DocumentNowAsync(workflow, caller, id));
    }

    private static async Task<Results<Created<DocumentView>, ProblemHttpResult>> Table(HttpContext context, LiveWorkflow workflow)
    {
        var caller = Callers.Of(context);
        // Tabling is the secretariat's work, the same right as circulating (as the domain decides it).
        var access = AccessPolicy.Decide(workflow.State.FindParticipant(caller.Id), NegotiationAction.Circulate, isAdopted: false, OnScreenDrafting.ChairAndSecretariat);
        if (!access.IsAllowed)
        {
            return Problems.Refused(Refusal.Forbidden($"only the chair and the secretariat table documents; {caller.Name} takes part as {Participant.Describe(caller.Role)}"));
        }

        var (request, problem) = await RequestBody.ReadAsync<TableDocumentRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(request!.Text))
        {
            return Problems.Invalid("a document needs its first text (\"text\")");
        }

        if (request.Text.Length > Revision.MaxTextLength)
        {
            return Problems.TooLarge($"a document's text has at most {Revision.MaxTextLength} characters");
        }

        try
        {
            DraftParser.Parse(request.Text);
        }
        catch (DraftFormatException exception)
        {
            return Problems.Invalid($"the text is not a draft in the format of docs/notation.md: {exception.Message}");
        }

        Negotiation.Outcome<NegotiatedDocument> tabled;
        try
        {
            tabled = await workflow.TableDocumentAsync(caller.Id, request.Title ?? string.Empty, request.Symbol ?? string.Empty, request.Text);
        }
        catch (DocumentNotStoredException exception)
        {
            return Problems.Unavailable(exception.Message);
        }
        if (!tabled.Succeeded)
        {
            return Problems.Refused(tabled.Refusal!);
        }

        return TypedResults.Created($"/api/documents/{tabled.Value.Id}", await DocumentNowAsync(workflow, caller, tabled.Value.Id));
    }

    private static async Task<Results<Ok<DocumentView>, ProblemHttpResult>> SwitchOnScreenDrafting(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        var caller = Callers.Of(context);
        if (LiveWorkflow.Check(workflow.State, caller.Id, NegotiationAction.SwitchOnScreenDrafting, id) is { } refusal)
        {
            return Problems.Refused(refusal, workflow.State, id);
        }

        var (request, bodyProblem) = await RequestBody.ReadAsync<OnScreenDraftingRequest>(context);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (!WireNames.TryParse<OnScreenDrafting>(request!.Mode, out var mode))
        {
            return Problems.Invalid($"'{request.Mode}' is not an on-screen drafting mode: use {WireNames.All<OnScreenDrafting>()}");
        }

        var switched = await workflow.SwitchOnScreenDraftingAsync(caller.Id, id, mode);
        return switched.Succeeded
            ? TypedResults.Ok(await DocumentNowAsync(workflow, caller, id))
            : Problems.Refused(switched.Refusal!, workflow.State, id);
    }

    private static async Task<Results<Ok<AdoptionView>, ProblemHttpResult>> Adopt(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        var adopted = await workflow.AdoptAsync(Callers.Of(context).Id, id);
        return adopted.Succeeded ? TypedResults.Ok(adopted.Value) : Problems.Refused(adopted.Refusal!, workflow.State, id);
    }

    private static async Task<Results<Ok<CompilationView>, ProblemHttpResult>> Compilation(string documentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem))
        {
            return problem;
        }

        if (LiveWorkflow.Check(workflow.State, Callers.Of(context).Id, NegotiationAction.Read, id) is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        return TypedResults.Ok(await workflow.ReadAsync(id, (state, anchors) =>
        {
            var text = anchors.CurrentText;
            return new CompilationView(text, BracketedCompilation.Of(state, state.FindDocument(id)!, text, anchors));
        }));
    }

    private static Results<Ok<List<HistoryView>>, ProblemHttpResult> History(string documentId, HttpContext context, LiveWorkflow workflow)
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

        return TypedResults.Ok(state.History.Where(e => e.Document == id).Select(Views.History).ToList());
    }

    private static Task<DocumentView> DocumentNowAsync(LiveWorkflow workflow, Participant caller, Negotiation.Documents.DocumentId id) =>
        workflow.ReadAsync(id, (state, anchors) =>
        {
            var text = anchors.CurrentText;
            return Views.Document(state.FindDocument(id)!, text, text.Length, state.MayDo(caller.Id, NegotiationAction.EditText, id).IsAllowed);
        });
}
