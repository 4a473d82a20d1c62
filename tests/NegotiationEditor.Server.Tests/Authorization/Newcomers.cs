using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Access;

namespace NegotiationEditor.Server.Tests.Authorization;

/// <summary>Seats a new delegate with a valid invite on the live negotiation (there is no REST endpoint to add one), so
/// that a test can remove them or revoke their invite over REST.</summary>
public static class Newcomers
{
    private static readonly NegotiationWorkflow Workflow = new(TimeProvider.System, CryptographicRandomSource.Instance, new NoText());
    private static int _seated;

    /// <summary>Adds an alternate delegate of <paramref name="delegation"/> and issues their invite; returns their id.</summary>
    public static ParticipantId Seat(LiveNegotiation negotiation, string delegation) => SeatWithInvite(negotiation, delegation).Participant;

    /// <summary>Adds an alternate delegate of <paramref name="delegation"/> and issues their invite; returns their id and token.</summary>
    public static (ParticipantId Participant, string Token) SeatWithInvite(LiveNegotiation negotiation, string delegation)
    {
        var name = $"Alternate delegate of {delegation} {Interlocked.Increment(ref _seated)}";
        var added = negotiation.Apply(state => Workflow.AddParticipant(
            state, Chair(state), name, ParticipantRole.MemberStateDelegate, state.Delegations.Single(d => d.Name == delegation).Id));
        Assert.That(added.Succeeded, Is.True, () => added.Refusal!.Message);
        var invited = negotiation.Apply(state => Workflow.IssueInvite(state, Chair(state), added.Value.Id));
        Assert.That(invited.Succeeded, Is.True, () => invited.Refusal!.Message);
        return (added.Value.Id, invited.Value.Value);
    }

    private static ParticipantId Chair(NegotiationState state) => state.Participants.Single(p => p.Role == ParticipantRole.Chair).Id;

    private sealed class NoText : IAnchorResolver
    {
        public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) => null;
    }
}
