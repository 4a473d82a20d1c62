using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Access;

namespace NegotiationEditor.Server.Tests.Support;

/// <summary>Runs chair commands of the negotiation workflow on the server's live negotiation, as the REST API will.</summary>
public sealed class Chair(LiveNegotiation negotiation)
{
    private readonly NegotiationWorkflow _workflow = new(TimeProvider.System, CryptographicRandomSource.Instance, new NoAmendmentsInTheseTests());

    private ParticipantId Id => negotiation.Current.Participants.Single(p => p.Role == ParticipantRole.Chair).Id;

    public void SwitchOnScreenDrafting(DocumentId document, OnScreenDrafting mode) =>
        Expect(negotiation.Apply(state => _workflow.SwitchOnScreenDrafting(state, Id, document, mode)));

    public void Adopt(DocumentId document, string text) =>
        Expect(negotiation.Apply(state => _workflow.Adopt(state, Id, document, text)));

    public void RevokeInvitesOf(Func<Participant, bool> who) =>
        Expect(negotiation.Apply(state => _workflow.RevokeInvites(state, Id, state.Participants.Single(who).Id)));

    private static void Expect<T>(Outcome<T> outcome) =>
        Assert.That(outcome.Succeeded, Is.True, () => outcome.Refusal!.Message);

    // These commands never resolve an amendment anchor: no amendment is tabled in the server's channel tests.
    private sealed class NoAmendmentsInTheseTests : IAnchorResolver
    {
        public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) =>
            throw new AssertionException("no amendment anchor is resolved in these tests");
    }
}
