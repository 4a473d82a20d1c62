using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary><c>GET /api/me</c> and <c>GET /api/delegations</c>: who the caller is, and who takes part.</summary>
public static class ParticipantEndpoints
{
    /// <summary>Maps the endpoints on the API group.</summary>
    public static RouteGroupBuilder MapParticipants(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithName("GetMe").WithSummary("Who the invite token is: participant, role, delegation.").WithTags("Participants");
        api.MapGet("/delegations", Delegations).WithName("ListDelegations").WithSummary("The negotiation's delegations.").WithTags("Participants");
        return api;
    }

    private static Ok<MeView> Me(HttpContext context, LiveWorkflow workflow) =>
        TypedResults.Ok(Views.Me(workflow.State, Callers.Of(context)));

    private static Ok<List<DelegationView>> Delegations(LiveWorkflow workflow)
    {
        var state = workflow.State;
        return TypedResults.Ok(state.Delegations.Select(d => Views.Delegation(state, d.Id)).ToList());
    }
}
