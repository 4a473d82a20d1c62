using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Positions;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>A delegation's position on an amendment.</summary>
/// <param name="Position">supports, objects, reserves or canLiveWith.</param>
/// <param name="Note">An optional remark.</param>
public sealed record TakePositionRequest(string? Position, string? Note);

/// <summary>Positions of delegations on amendments: take or change one's own, read all with their history.</summary>
public static class PositionEndpoints
{
    /// <summary>Maps the endpoints on the API group.</summary>
    public static RouteGroupBuilder MapPositions(this RouteGroupBuilder api)
    {
        var positions = api.MapGroup("/documents/{documentId}/amendments/{amendmentId}/positions").WithTags("Positions");
        positions.MapGet("/", List).WithName("ListPositions").WithSummary("The current positions and their full history.");
        positions.MapPut("/{delegationId}", Take).WithName("TakePosition")
            .WithSummary("Takes or changes the position of the caller's own delegation.")
            .Accepts<TakePositionRequest>("application/json");
        return api;
    }

    private static Results<Ok<PositionsView>, ProblemHttpResult> List(string documentId, string amendmentId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem) || !Ids.TryAmendment(amendmentId, out var amendment, out problem))
        {
            return problem;
        }

        var state = workflow.State;
        if (LiveWorkflow.Check(state, Callers.Of(context).Id, NegotiationAction.Read, id) is { } refusal)
        {
            return Problems.Refused(refusal);
        }

        var document = state.FindDocument(id)!;
        if (document.FindAmendment(amendment) is null)
        {
            return Problems.NotFound("there is no such amendment on this document");
        }

        return TypedResults.Ok(new PositionsView(
            [.. PositionHistory.Current(document.Positions, amendment).Select(p => Views.Position(state, p))],
            [.. document.Positions.Where(p => p.Amendment == amendment).Select(p => Views.Position(state, p))]));
    }

    private static async Task<Results<Ok<TakenPositionView>, ProblemHttpResult>> Take(
        string documentId, string amendmentId, string delegationId, HttpContext context, LiveWorkflow workflow)
    {
        if (!Ids.TryDocument(documentId, out var id, out var problem)
            || !Ids.TryAmendment(amendmentId, out var amendment, out problem)
            || !Ids.TryDelegation(delegationId, out var delegation, out problem))
        {
            return problem;
        }

        var caller = Callers.Of(context);
        var state = workflow.State;
        if (LiveWorkflow.Check(state, caller.Id, NegotiationAction.TakePosition, id, delegation) is { } refusal)
        {
            return Problems.Refused(refusal, state, id);
        }

        var (request, bodyProblem) = await RequestBody.ReadAsync<TakePositionRequest>(context);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (!WireNames.TryParse<PositionKind>(request!.Position, out var kind))
        {
            return Problems.Invalid($"'{request.Position}' is not a position: use {WireNames.All<PositionKind>()}");
        }

        var taken = await workflow.TakePositionAsync(caller.Id, id, amendment, delegation, kind, request.Note ?? string.Empty);
        return taken.Succeeded ? TypedResults.Ok(taken.Value) : Problems.Refused(taken.Refusal!, workflow.State, id);
    }
}
