using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Hubs;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Access;

/// <summary>Who may type on the live channels: deny by default, decided on the server for every update.</summary>
public sealed class ChannelAccessTests
{
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start() => _server = new NegotiationServerFactory().Started();

    [TearDown]
    public void Stop() => _server.Dispose();

    private string Document => _server.Document.ToString();

    private Task<string> ServerText() =>
        _server.Services.GetRequiredService<DocumentRooms>().ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());

    [Test]
    public async Task An_observers_update_is_dropped_and_answered_with_an_auth_frame()
    {
        await using var observer = await HubPeer.JoinAsync(_server.Server, _server.Invites.Observer, Document);
        var before = await ServerText();

        await observer.AppendAsync(" [observer typing]");

        Assert.That(await Eventually.HoldsAsync(() => observer.Peer.Denials.Count == 1), Is.True);
        Assert.That(observer.Peer.Denials[0], Does.Contain("observer may not type"));
        Assert.That(await ServerText(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_member_state_delegate_may_not_type_until_the_chair_opens_on_screen_drafting()
    {
        await using (var early = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Delegate("Greece"), Document))
        {
            await early.AppendAsync(" [Greece, too early]");
            Assert.That(await Eventually.HoldsAsync(() => early.Peer.Denials.Count == 1), Is.True);
            Assert.That(early.Peer.Denials[0], Does.Contain("chair and the secretariat"));
        }

        new Chair(_server.Negotiation).SwitchOnScreenDrafting(_server.Document, OnScreenDrafting.MemberStates);
        // A refused client's own copy holds the refused text; like a browser it reloads the document.
        await using var greece = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Delegate("Greece"), Document);
        await greece.AppendAsync(" [Greece, on screen]");

        Assert.That(await Eventually.HoldsAsync(async () => (await ServerText()).EndsWith(" [Greece, on screen]")), Is.True);
        Assert.That(await ServerText(), Does.Not.Contain("too early"));
    }

    [Test]
    public async Task A_stakeholder_may_not_type_even_when_member_states_may()
    {
        new Chair(_server.Negotiation).SwitchOnScreenDrafting(_server.Document, OnScreenDrafting.MemberStates);
        await using var icc = await HubPeer.JoinAsync(_server.Server, _server.Invites.Stakeholder("ICC"), Document, messagePack: true);
        var before = await ServerText();

        await icc.AppendAsync(" [ICC]");

        Assert.That(await Eventually.HoldsAsync(() => icc.Peer.Denials.Count == 1), Is.True);
        Assert.That(await ServerText(), Is.EqualTo(before));
    }

    [Test]
    public async Task After_adoption_even_the_chair_cannot_change_the_text()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        var adopted = await ServerText();
        new Chair(_server.Negotiation).Adopt(_server.Document, adopted);

        await chair.AppendAsync(" [after adoption]");

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Does.Contain("adopted"));
        Assert.That(await ServerText(), Is.EqualTo(adopted));
    }

    [Test]
    public async Task A_revoked_invite_closes_the_open_connection_and_refuses_new_ones()
    {
        var token = _server.Invites.Secretariat;
        await using var secretariat = await HubPeer.JoinAsync(_server.Server, token, Document);

        new Chair(_server.Negotiation).RevokeInvitesOf(p => p.Role == ParticipantRole.Secretariat);

        Assert.That(await Eventually.HoldsAsync(() => secretariat.Closed.IsCompleted), Is.True, "the open connection was closed");
        var again = HubPeer.Build(_server.Server, token, messagePack: false);
        Assert.That(async () => await again.StartAsync(), Throws.Exception);
        Assert.That(async () => await WebsocketPeer.ConnectAsync(_server.Server, token, Document), Throws.InstanceOf<InvalidOperationException>());
    }

    [Test]
    public async Task A_hub_connection_without_an_invite_is_refused()
    {
        var anonymous = HubPeer.Build(_server.Server, "not-an-invite", messagePack: false);

        Assert.That(async () => await anonymous.StartAsync(), Throws.Exception);
        await anonymous.DisposeAsync();
    }

    [Test]
    public async Task Joining_an_unknown_document_is_refused_with_a_clear_error()
    {
        var chair = HubPeer.Build(_server.Server, _server.Invites.Chair, messagePack: false);
        await chair.StartAsync();

        var refused = Assert.ThrowsAsync<HubException>(() => chair.InvokeAsync("Join", Guid.NewGuid().ToString()));
        Assert.That(refused!.Message, Does.Contain("no document"));
        await chair.DisposeAsync();
    }

    [Test]
    public async Task Frames_for_a_document_not_joined_are_refused_with_an_auth_frame_and_change_nothing()
    {
        var chair = HubPeer.Build(_server.Server, _server.Invites.Chair, messagePack: false);
        var answers = System.Threading.Channels.Channel.CreateUnbounded<(string Document, byte[] Frame)>();
        chair.On<string, byte[]>("Receive", (document, frame) => answers.Writer.TryWrite((document, frame)));
        await chair.StartAsync();
        var before = await ServerText();
        var update = new SyncingPeer().Append(" [chair, not joined]").Single();

        // Awaited (an invocation) and sent without waiting for an answer: the same refusal comes back either way.
        await chair.InvokeAsync("Send", Document, update);
        await chair.SendAsync("Send", Document, update);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 2; i++)
        {
            var (document, frame) = await answers.Reader.ReadAsync(timeout.Token);
            Assert.That(document, Is.EqualTo(Document));
            var denied = WebsocketMessage.Read(frame) as WebsocketPermissionDeniedMessage;
            Assert.That(denied?.Reason, Is.EqualTo(CollabHub.NotJoined));
        }
        Assert.That(await ServerText(), Is.EqualTo(before));
        await chair.DisposeAsync();
    }
}
