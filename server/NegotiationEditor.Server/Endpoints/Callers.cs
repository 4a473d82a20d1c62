using Microsoft.AspNetCore.Authentication;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>
/// Who is calling: every <c>/api</c> request must carry a valid invite token (401 otherwise, with why: unknown,
/// revoked, removed). The participant is read from the current negotiation for each request.
/// </summary>
public static class Callers
{
    private const string Item = "NegotiationEditor.Caller";

    /// <summary>The participant making the request (set by <see cref="RequireParticipantAsync"/>).</summary>
    public static Participant Of(HttpContext context) =>
        context.Items[Item] as Participant ?? throw new InvalidOperationException("The caller filter did not run for this endpoint.");

    /// <summary>An endpoint filter: answers 401 unless the request comes from a current participant.</summary>
    public static async ValueTask<object?> RequireParticipantAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var workflow = context.RequestServices.GetRequiredService<LiveWorkflow>();
        string? problem = null;
        if (!workflow.Exists)
        {
            problem = "the server holds no negotiation yet";
        }
        else if (InviteAuthenticationHandler.ParticipantOf(context.User) is not { } id)
        {
            var result = await context.AuthenticateAsync().ConfigureAwait(false);
            problem = result.Failure?.Message ?? "send your invite token as 'Authorization: Bearer TOKEN'";
        }
        else if (workflow.State.FindParticipant(id) is not { IsRemoved: false } participant)
        {
            problem = "the participant of this invite has been removed";
        }
        else
        {
            context.Items[Item] = participant;
            return await next(invocation).ConfigureAwait(false);
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Unauthenticated(problem);
    }
}
