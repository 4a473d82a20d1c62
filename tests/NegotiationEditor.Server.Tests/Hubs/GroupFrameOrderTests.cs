using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Hubs;

/// <summary>
/// A document's frames reach every client in the order the server sent them, although the writes to a document's
/// clients are spread over sending lanes (one per processor): hub clients on the server's own WebSocket transport and
/// on SignalR's, and plain WebSockets on <c>/ws</c>.
/// </summary>
[TestFixture(true, TestName = "GroupFrameOrderTests(own transport)")]
[TestFixture(false, TestName = "GroupFrameOrderTests(SignalR's transport)")]
public sealed class GroupFrameOrderTests(bool direct)
{
    private NegotiationServerFactory _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new NegotiationServerFactory(
        new Dictionary<string, string> { ["Collaboration:DirectHubSockets"] = direct.ToString() }).Started();

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task Every_member_of_a_document_receives_a_burst_of_updates_in_the_order_they_were_sent()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack: true);
        var listeners = new List<(HubConnection Connection, ConcurrentQueue<byte[]> Updates)>();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var connection = HubPeer.Build(_server.Server, _server.Invites.Observer, messagePack: i % 2 == 0);
                var updates = new ConcurrentQueue<byte[]>();
                connection.On<string, byte[]>("Receive", (_, frame) =>
                {
                    // Update frames only (00 02 ...): the sync steps of the join come before and are not part of the burst.
                    if (frame.Length > 2 && frame[0] == 0 && frame[1] == 2)
                    {
                        updates.Enqueue(frame);
                    }
                });
                await connection.StartAsync();
                await connection.InvokeAsync("Join", document);
                listeners.Add((connection, updates));
            }

            // One update per keystroke, sent without waiting for each to be handled.
            var sent = new List<byte[]>();
            for (var i = 0; i < 120; i++)
            {
                foreach (var frame in chair.Peer.Append(((char)('a' + (i % 26))).ToString()))
                {
                    sent.Add(frame);
                    await chair.Connection.SendAsync("Send", document, frame);
                }
            }

            foreach (var (_, updates) in listeners)
            {
                Assert.That(await Eventually.HoldsAsync(() => updates.Count >= sent.Count), Is.True,
                    $"{updates.Count} of {sent.Count} updates arrived");
                Assert.That(updates.ToArray(), Is.EqualTo(sent), "the updates arrived in the order they were sent");
            }
        }
        finally
        {
            foreach (var (connection, _) in listeners)
            {
                await connection.DisposeAsync();
            }
        }
    }

    [Test]
    public async Task Every_plain_websocket_on_the_document_receives_a_burst_of_updates_in_the_order_they_were_sent()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack: true);
        var listeners = new List<(WebSocket Socket, ConcurrentQueue<byte[]> Updates, Task Reading)>();
        using var stop = new CancellationTokenSource();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                var socket = await WebsocketPeer.ConnectAsync(_server.Server, _server.Invites.Observer, document);
                var updates = new ConcurrentQueue<byte[]>();
                listeners.Add((socket, updates, ReadUpdatesAsync(socket, updates, stop.Token)));
            }
            // Every listener has joined once it has had the server's sync step 2 (the join sends it).
            await Task.Delay(200);

            var sent = new List<byte[]>();
            for (var i = 0; i < 120; i++)
            {
                foreach (var frame in chair.Peer.Append(((char)('a' + (i % 26))).ToString()))
                {
                    sent.Add(frame);
                    await chair.Connection.SendAsync("Send", document, frame);
                }
            }

            foreach (var (_, updates, _) in listeners)
            {
                Assert.That(await Eventually.HoldsAsync(() => updates.Count >= sent.Count), Is.True,
                    $"{updates.Count} of {sent.Count} updates arrived");
                Assert.That(updates.ToArray(), Is.EqualTo(sent), "the updates arrived in the order they were sent");
            }
        }
        finally
        {
            stop.Cancel();
            foreach (var (socket, _, reading) in listeners)
            {
                socket.Abort();
                try
                {
                    await reading;
                }
                catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
                {
                    // Aborted above.
                }
                socket.Dispose();
            }
        }
    }

    private static async Task ReadUpdatesAsync(WebSocket socket, ConcurrentQueue<byte[]> updates, CancellationToken stop)
    {
        var buffer = new byte[64 * 1024];
        while (!stop.IsCancellationRequested)
        {
            var length = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), stop);
                length += result.Count;
            }
            while (!result.EndOfMessage);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return;
            }
            if (length > 2 && buffer[0] == 0 && buffer[1] == 2)
            {
                updates.Enqueue(buffer.AsSpan(0, length).ToArray());
            }
        }
    }
}
