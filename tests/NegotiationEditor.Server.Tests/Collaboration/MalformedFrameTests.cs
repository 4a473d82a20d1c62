using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Collaboration;

/// <summary>Bad frames get a clear error, never change the document, and a client that keeps sending them is disconnected.</summary>
public sealed class MalformedFrameTests
{
    private const int MaxFrameBytes = 16 * 1024;
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start() => _server = new NegotiationServerFactory(new Dictionary<string, string>
    {
        ["Collaboration:MaxFrameBytes"] = MaxFrameBytes.ToString(),
        ["Collaboration:MaxFaults"] = "3",
        ["Collaboration:MaxDocumentBytes"] = "8192",
    }).Started();

    [TearDown]
    public void Stop() => _server.Dispose();

    private string Document => _server.Document.ToString();

    private Task<byte[]> ServerState() =>
        _server.Services.GetRequiredService<DocumentRooms>().ReadAsync(_server.Document, doc => NegotiationEditor.Crdt.Y.EncodeStateAsUpdate(doc));

    [Test]
    public async Task Random_bytes_are_answered_with_an_error_and_change_nothing()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        var before = await ServerState();
        var random = new Random(20101217);
        var frame = new byte[64];
        random.NextBytes(frame);
        frame[0] = 0; // a sync frame, so that the bytes reach the update decoder
        frame[1] = 2;
        frame[2] = 61;

        await chair.SendAsync([frame]);

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Does.StartWith("malformed"));
        Assert.That(await ServerState(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_truncated_update_is_answered_with_an_error_and_changes_nothing()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        var before = await ServerState();
        var writer = new SyncingPeer();
        var update = ((WebsocketSyncMessage)WebsocketMessage.Read(writer.Append("a sentence that will be cut in half").Single())).Sync.Payload.ToArray();
        var truncated = new WebsocketSyncMessage(SyncMessage.Update(update[..(update.Length / 2)])).ToArray();

        await chair.SendAsync([truncated]);

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Does.StartWith("malformed update"));
        Assert.That(await ServerState(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_oversized_frame_is_refused_with_the_limit_over_the_hub()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        var before = await ServerState();

        await chair.SendAsync(chair.Peer.Append(new string('x', MaxFrameBytes + 10)));

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Does.StartWith("frame too large").And.Contain(MaxFrameBytes.ToString()));
        Assert.That(await ServerState(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_oversized_frame_is_refused_with_the_limit_over_the_websocket()
    {
        await using var chair = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        var before = await ServerState();

        await chair.SendAsync(chair.Peer.Append(new string('x', (MaxFrameBytes * 3) + 10)));

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Does.StartWith("frame too large"));
        Assert.That(await ServerState(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_update_past_the_document_size_limit_is_refused_and_changes_nothing()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);
        var before = await ServerState();

        await chair.SendAsync(chair.Peer.Append(new string('y', 8192)));

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 1), Is.True);
        Assert.That(chair.Peer.Denials[0], Does.StartWith("document too large"));
        Assert.That(await ServerState(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_hub_client_that_keeps_sending_bad_frames_is_disconnected()
    {
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);

        await chair.SendAsync([[0, 9, 9], [0, 9, 9]]);
        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Denials.Count == 2), Is.True);
        Assert.That(chair.Closed.IsCompleted, Is.False);

        // The third fault closes the connection while the call is running: send it without waiting for an answer.
        await chair.Connection.SendAsync("Send", Document, new byte[] { 0, 9, 9 });

        Assert.That(await Eventually.HoldsAsync(() => chair.Closed.IsCompleted), Is.True);
    }

    [Test]
    public async Task A_websocket_client_that_keeps_sending_bad_frames_is_closed_with_the_reason()
    {
        await using var chair = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document);

        await chair.SendAsync([[7], [0, 1], [1, 200, 1]]);

        Assert.That(await Eventually.HoldsAsync(() => chair.Receiving.IsCompleted), Is.True);
        Assert.That(chair.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
        Assert.That(chair.CloseReason, Does.Contain("malformed"));
        Assert.That(chair.Peer.Denials, Has.Count.EqualTo(3));
    }
}
