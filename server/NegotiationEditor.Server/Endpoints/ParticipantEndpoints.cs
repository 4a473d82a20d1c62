using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>
/// <c>GET /api/me</c> and <c>GET /api/delegations</c>: who the caller is, and who takes part; and for the chair and the
/// secretariat, the participants: list, remove one, revoke one's invites. A revoked invite or a removed participant is
/// refused at once over REST; its live connections (hub, /ws) are closed as the negotiation changes.
/// </summary>
public static class ParticipantEndpoints
{
    /// <summary>Maps the endpoints on the API group.</summary>
    public static RouteGroupBuilder MapParticipants(this RouteGroupBuilder api)
    {
        api.MapGet("/me", Me).WithName("GetMe").WithSummary("Who the invite token is: participant, role, delegation.").WithTags("Participants");
        api.MapGet("/delegations", Delegations).WithName("ListDelegations").WithSummary("The negotiation's delegations.").WithTags("Participants");
        var participants = api.MapGroup("/participants").WithTags("Participants");
        participants.MapGet("/", List).WithName("ListParticipants").WithSummary("The participants, removed ones included (chair, secretariat).");
        participants.MapDelete("/{participantId}", Remove).WithName("RemoveParticipant")
            .WithSummary("Removes a participant: refused everything from then on, live connections closed (chair, secretariat).");
        participants.MapDelete("/{participantId}/invites", RevokeInvites).WithName("RevokeInvites")
            .WithSummary("Revokes every valid invite of a participant: its token is refused at once, live connections closed (chair, secretariat).");
        return api;
    }

    private static Ok<MeView> Me(HttpContext context, LiveWorkflow workflow) =>
        TypedResults.Ok(Views.Me(workflow.State, Callers.Of(context)));

    private static Ok<List<DelegationView>> Delegations(LiveWorkflow workflow)
    {
        var state = workflow.State;
        return TypedResults.Ok(state.Delegations.Select(d => Views.Delegation(state, d.Id)).ToList());
    }

    private static Results<Ok<List<ParticipantView>>, ProblemHttpResult> List(HttpContext context, LiveWorkflow workflow)
    {
        var state = workflow.State;
        var decision = state.MayDo(Callers.Of(context).Id, NegotiationAction.ManageParticipants, null);
        return decision.IsAllowed
            ? TypedResults.Ok(state.Participants.Select(p => Views.Participant(state, p)).ToList())
            : Problems.Refused(Refusal.Forbidden(decision.Reason!));
    }

    private static Results<Ok<ParticipantView>, ProblemHttpResult> Remove(
        string participantId, HttpContext context, LiveNegotiation negotiation, TimeProvider time, IRandomSource random)
    {
        if (!Ids.TryParticipant(participantId, out var id, out var problem))
        {
            return problem;
        }

        var actor = Callers.Of(context).Id;
        var removed = negotiation.Apply(state => Commands(time, random).RemoveParticipant(state, actor, id));
        return removed.Succeeded
            ? TypedResults.Ok(Views.Participant(negotiation.Current, removed.Value))
            : Problems.Refused(removed.Refusal!);
    }

    private static Results<Ok<RevokedInvitesView>, ProblemHttpResult> RevokeInvites(
        string participantId, HttpContext context, LiveNegotiation negotiation, TimeProvider time, IRandomSource random)
    {
        if (!Ids.TryParticipant(participantId, out var id, out var problem))
        {
            return problem;
        }

        var actor = Callers.Of(context).Id;
        var revoked = negotiation.Apply(state => Commands(time, random).RevokeInvites(state, actor, id));
        if (!revoked.Succeeded)
        {
            return Problems.Refused(revoked.Refusal!);
        }

        var state = negotiation.Current;
        return TypedResults.Ok(new RevokedInvitesView(Views.Participant(state, state.FindParticipant(id)!), revoked.Value));
    }

    // Managing participants touches no text: no amendment anchor is ever resolved.
    private static NegotiationWorkflow Commands(TimeProvider time, IRandomSource random) => new(time, random, NoText.Instance);

    private sealed class NoText : IAnchorResolver
    {
        public static NoText Instance { get; } = new();

        public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) => null;
    }
}
