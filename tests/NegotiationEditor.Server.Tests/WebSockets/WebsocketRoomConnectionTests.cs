using System.Net.Sockets;
using System.Net.WebSockets;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Tests.WebSockets;

/// <summary>
/// A <c>/ws</c> connection whose WebSocket writes straight to a real loopback socket: broadcast frames, prepared once
/// for every receiver, and the connection's own frames reach the client as y-websocket's binary messages, in order.
/// </summary>
public sealed class WebsocketRoomConnectionTests
{
    private static readonly Participant Someone = new(new ParticipantId(Guid.NewGuid()), "Someone", ParticipantRole.Observer, null);

    [Test]
    public async Task Broadcast_frames_and_the_connections_own_frames_arrive_in_order_and_receivers_share_one_prepared_frame()
    {
        var (server1, client1) = await LoopbackSockets.ConnectAsync();
        var (server2, client2) = await LoopbackSockets.ConnectAsync();
        await using var first = Connection(server1, client1);
        await using var second = Connection(server2, client2);

        var broadcast = new BroadcastFrame([0, 2, 1, 9]);
        await first.Room.DeliverBroadcastAsync(broadcast);
        await first.Room.DeliverAsync([0, 1, 5]);
        await second.Room.DeliverBroadcastAsync(broadcast);
        await first.Room.DeliverBroadcastAsync(new BroadcastFrame(new byte[300]));

        Assert.That(await first.ReceiveAsync(), Is.EqualTo(new byte[] { 0, 2, 1, 9 }));
        Assert.That(await first.ReceiveAsync(), Is.EqualTo(new byte[] { 0, 1, 5 }));
        Assert.That(await first.ReceiveAsync(), Is.EqualTo(new byte[300]));
        Assert.That(await second.ReceiveAsync(), Is.EqualTo(new byte[] { 0, 2, 1, 9 }));
        var prepared = broadcast.Prepared<ServerFrame>(_ => throw new AssertionException("prepared by the first receiver already"));
        Assert.That(prepared.Payload.ToArray(), Is.EqualTo(broadcast.Bytes));
    }

    [Test]
    public async Task A_broadcast_frame_for_a_socket_whose_websocket_was_aborted_reaches_nobody_and_finishes_the_connection()
    {
        var (server, client) = await LoopbackSockets.ConnectAsync();
        await using var connection = Connection(server, client);
        connection.Server.Abort();

        await connection.Room.DeliverBroadcastAsync(new BroadcastFrame([0, 2, 1, 1]));

        var sending = connection.Room.CloseWhenFinishedAsync();
        await sending.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        Assert.That(client.Available, Is.Zero, "nothing reached the socket");
    }

    private static Ends Connection(Socket server, Socket client)
    {
        var direct = new SocketOutputStream(Stream.Null, server);
        var serverSocket = WebSocket.CreateFromStream(direct, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var clientSocket = WebSocket.CreateFromStream(new NetworkStream(client, ownsSocket: true), new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        var room = new WebsocketRoomConnection("test", serverSocket, direct, Someone, new InviteToken("token"), maxQueuedFrames: 16, CancellationToken.None);
        return new Ends(room, serverSocket, clientSocket, server);
    }

    private sealed record Ends(WebsocketRoomConnection Room, WebSocket Server, WebSocket Client, Socket Socket) : IAsyncDisposable
    {
        public async Task<byte[]> ReceiveAsync()
        {
            var buffer = new byte[4096];
            var result = await Client.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            Assert.That(result.MessageType, Is.EqualTo(WebSocketMessageType.Binary));
            Assert.That(result.EndOfMessage, Is.True);
            return buffer[..result.Count];
        }

        public ValueTask DisposeAsync()
        {
            Server.Dispose();
            Client.Dispose();
            Socket.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
