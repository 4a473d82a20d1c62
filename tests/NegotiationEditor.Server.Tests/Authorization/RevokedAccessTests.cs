using System.Net;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Endpoints;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Authorization;

/// <summary>A revoked invite or a removed participant is refused on every channel, and changes nothing.</summary>
public sealed class RevokedAccessTests
{
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start() => _server = new NegotiationServerFactory().Started();

    [TearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task A_revoked_invite_is_refused_over_REST_the_hub_and_ws_and_its_open_connection_can_no_longer_type()
    {
        var token = _server.Invites.Delegate("Greece");
        var document = _server.Document.ToString();
        using var chair = ApiSession.As(_server, _server.Invites.Chair);
        await ApiSession.Expect(await chair.PutAsync($"/api/documents/{document}/on-screen-drafting", new { mode = "memberStates" }), HttpStatusCode.OK);
        var open = await WebsocketPeer.JoinAsync(_server.Server, token, document);
        using var greece = ApiSession.As(_server, token);
        await ApiSession.Expect(await greece.GetAsync("/api/me"), HttpStatusCode.OK);

        var revoked = _server.Negotiation.Apply(state => Workflow.RevokeInvites(state, ChairOf(state), state.Participants.Single(p => p.Name == "Delegate of Greece").Id));
        Assert.That(revoked.Succeeded, Is.True, revoked.ToString());
        var before = _server.Negotiation.Current;
        var text = await LiveTextAsync();

        var problem = await ApiSession.Expect(await greece.GetAsync("/api/me"), HttpStatusCode.Unauthorized);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("revoked"));
        await ApiSession.Expect(
            await greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, "Working Group", "working group")),
            HttpStatusCode.Unauthorized);

        var hub = HubPeer.Build(_server.Server, token, messagePack: false);
        Assert.That(async () => await HubPeer.JoinAsync(hub, document), Throws.Exception, "the hub refuses the connection");
        Assert.That(async () => await WebsocketPeer.ConnectAsync(_server.Server, token, document), Throws.Exception, "/ws refuses the upgrade");

        // The connection opened before the revocation is closed: it can send nothing more.
        Assert.That(await Eventually.HoldsAsync(() => open.CloseStatus is not null), Is.True, "the open /ws connection was closed");
        await ApiSession.LeaveAsync(open);
        Assert.Multiple(async () =>
        {
            Assert.That(await LiveTextAsync(), Is.EqualTo(text));
            Assert.That(_server.Negotiation.Current, Is.SameAs(before));
        });
    }

    [Test]
    public async Task A_removed_participant_is_refused_over_REST_and_changes_nothing()
    {
        var token = _server.Invites.Delegate("Iran");
        var removed = _server.Negotiation.Apply(state => Workflow.RemoveParticipant(state, ChairOf(state), state.Participants.Single(p => p.Name == "Delegate of Iran").Id));
        Assert.That(removed.Succeeded, Is.True, removed.ToString());
        var before = _server.Negotiation.Current;

        using var iran = ApiSession.As(_server, token);
        var problem = await ApiSession.Expect(await iran.GetAsync($"/api/documents/{_server.Document}"), HttpStatusCode.Unauthorized);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("removed"));
        Assert.That(_server.Negotiation.Current, Is.SameAs(before));
    }

    // Revoking and removing have no REST endpoint: the chair's commands run on the live negotiation, as a future one would.
    private static NegotiationWorkflow Workflow { get; } = new(TimeProvider.System, CryptographicRandomSource.Instance, new NoAnchors());

    private static ParticipantId ChairOf(NegotiationState state) => state.Participants.Single(p => p.Role == ParticipantRole.Chair).Id;

    private Task<string> LiveTextAsync() =>
        _server.Services.GetRequiredService<DocumentRooms>().ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());

    private sealed class NoAnchors : IAnchorResolver
    {
        public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) => null;
    }
}
