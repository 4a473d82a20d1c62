using System.Net;
using System.Net.WebSockets;
using Microsoft.AspNetCore.TestHost;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Collaboration;

public sealed class WebsocketSyncTests
{
    private NegotiationServerFactory _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new NegotiationServerFactory().Started();

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task A_raw_websocket_client_syncs_and_its_edits_reach_hub_clients()
    {
        var document = _server.Document.ToString();
        await using var socket = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document);
        await using var hub = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack: true);
        Assert.That(socket.Peer.Text, Does.Contain("# Composition of the Working Group"));

        await socket.AppendAsync(" [from the socket]");
        await hub.AppendAsync(" [from the hub]");

        Assert.That(await Eventually.HoldsAsync(() => socket.Peer.Text == hub.Peer.Text && hub.Peer.Text.Contains("[from the socket]")), Is.True,
            $"socket: {socket.Peer.Text}\nhub: {hub.Peer.Text}");
        Assert.That(socket.Peer.Text, Does.Contain("[from the hub]"));
    }

    [Test]
    public async Task Two_websocket_clients_typing_at_once_converge()
    {
        var document = _server.Document.ToString();
        await using var first = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Chair, document);
        await using var second = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document);

        await Task.WhenAll(
            Task.Run(async () =>
            {
                for (var i = 0; i < 30; i++)
                {
                    await first.SendAsync(first.Peer.Edit(t => t.Insert(0, $"a{i};")));
                }
            }),
            Task.Run(async () =>
            {
                for (var i = 0; i < 30; i++)
                {
                    await second.AppendAsync($"b{i};");
                }
            }));

        Assert.That(await Eventually.HoldsAsync(() => first.Peer.Text == second.Peer.Text && first.Peer.Text.Contains("b29;") && second.Peer.Text.Contains("a29;")), Is.True,
            $"first: {first.Peer.Text}\nsecond: {second.Peer.Text}");
    }

    [Test]
    public void A_websocket_without_an_invite_is_refused()
    {
        var document = _server.Document.ToString();
        var client = _server.Server.CreateWebSocketClient();

        var refused = Assert.ThrowsAsync<InvalidOperationException>(
            () => client.ConnectAsync(new Uri($"ws://localhost/ws/{document}"), CancellationToken.None));
        Assert.That(refused!.Message, Does.Contain("401"));
    }

    [Test]
    public async Task A_websocket_for_an_unknown_document_is_refused()
    {
        using var http = _server.CreateClient();
        var response = await http.GetAsync($"/ws/{Guid.NewGuid()}?access_token={_server.Invites.Chair}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound).Or.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task A_query_for_awareness_is_answered_with_every_known_state()
    {
        var document = _server.Document.ToString();
        using var raw = await WebsocketPeer.ConnectAsync(_server.Server, _server.Invites.Observer, document);
        var buffer = new byte[64 * 1024];
        async Task<NegotiationEditor.Crdt.Protocol.WebsocketAwarenessMessage> NextAwarenessAsync()
        {
            while (true)
            {
                var result = await raw.ReceiveAsync(buffer, new CancellationTokenSource(Eventually.Limit).Token);
                if (result.Count > 0 && buffer[0] == 1)
                {
                    return (NegotiationEditor.Crdt.Protocol.WebsocketAwarenessMessage)NegotiationEditor.Crdt.Protocol.WebsocketMessage.Read(buffer[..result.Count]);
                }
            }
        }

        await using var typist = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Chair, document);
        var state = NegotiationEditor.Crdt.Protocol.AwarenessUpdate.Write([new(777, 3, "{\"user\":\"chair\"}")]);
        await typist.SendAsync([new NegotiationEditor.Crdt.Protocol.WebsocketAwarenessMessage(state).ToArray()]);
        // Its broadcast shows the server knows the state; a query sent before that could find nothing to answer with.
        while (!(await NextAwarenessAsync()).ReadEntries().Any(entry => entry.ClientId == 777))
        {
        }

        await raw.SendAsync(new NegotiationEditor.Crdt.Protocol.WebsocketQueryAwarenessMessage().ToArray(), WebSocketMessageType.Binary, true, CancellationToken.None);
        var answer = await NextAwarenessAsync();

        Assert.That(answer.ReadEntries().Select(e => (e.ClientId, e.Clock, e.StateJson)), Is.EqualTo(new[] { (777UL, 3UL, (string?)"{\"user\":\"chair\"}") }));
    }
}
