using System.Buffers;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using NegotiationEditor.Server.Hubs.Sockets;
using NegotiationEditor.Server.Tests.WebSockets;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Tests.Hubs;

/// <summary>
/// The hub connection's output on a real <see cref="WebSocket"/> (the runtime's, as Kestrel hands it over) whose
/// network can be held up: what goes out, in which messages, and what happens to a receiver that does not keep up.
/// </summary>
public sealed class HubSocketWriterTests
{
    [Test]
    public async Task A_message_goes_out_as_one_websocket_message_of_the_protocols_type()
    {
        var network = new HeldNetwork();
        using var socket = network.ServerSocket();
        var writer = Writer(socket);

        var flushed = await writer.WriteAsync(Bytes("one"));

        Assert.That(flushed.IsCompleted, Is.False);
        Assert.That(network.Messages(), Is.EqualTo(new[] { (0x2, "one") }));
    }

    [Test]
    public async Task What_a_writer_puts_together_goes_out_at_its_flush()
    {
        var network = new HeldNetwork();
        using var socket = network.ServerSocket();
        var writer = Writer(socket, WebSocketMessageType.Text);

        writer.Write(Encoding.UTF8.GetBytes("{\"type\":6}\u001e"));
        Assert.That(writer.UnflushedBytes, Is.EqualTo(11));
        Assert.That(network.Messages(), Is.Empty);
        await writer.FlushAsync();

        Assert.That(network.Messages(), Is.EqualTo(new[] { (0x1, "{\"type\":6}\u001e") }));
        Assert.That(writer.UnflushedBytes, Is.Zero);
    }

    [Test]
    public async Task Messages_flushed_while_a_send_is_held_up_go_out_together_once_it_completes()
    {
        var network = new HeldNetwork();
        using var socket = network.ServerSocket();
        var writer = Writer(socket);
        network.Hold();

        await writer.WriteAsync(Bytes("first"));
        var second = await writer.WriteAsync(Bytes("second"));
        var third = await writer.WriteAsync(Bytes("third"));
        Assert.That(second.IsCompleted || third.IsCompleted, Is.False, "a queued message is accepted, not refused");
        Assert.That(network.Messages(), Is.Empty, "the first send is still held up");

        network.Release();

        Assert.That(await Eventually.HoldsAsync(() => network.Messages().Count == 2), Is.True);
        Assert.That(network.Messages(), Is.EqualTo(new[] { (0x2, "first"), (0x2, "secondthird") }));
    }

    [Test]
    public async Task A_receiver_that_lets_too_many_messages_wait_is_cut_off_and_nothing_more_is_taken()
    {
        var network = new HeldNetwork();
        using var socket = network.ServerSocket();
        Exception? failure = null;
        var writer = Writer(socket, maxQueuedMessages: 2, failed: e => failure = e);
        network.Hold();

        await writer.WriteAsync(Bytes("in flight"));
        await writer.WriteAsync(Bytes("waits 1"));
        await writer.WriteAsync(Bytes("waits 2"));
        Assert.That(failure, Is.Null);
        var refused = await writer.WriteAsync(Bytes("one too many"));

        Assert.That(refused.IsCompleted, Is.True);
        Assert.That(failure, Is.Not.Null);
        Assert.That(failure!.Message, Is.EqualTo(HubSocketWriter.TooSlow));
        Assert.That((await writer.WriteAsync(Bytes("later"))).IsCompleted, Is.True);

        network.Release();
        await writer.Drained.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(network.Messages(), Is.EqualTo(new[] { (0x2, "in flight") }), "the queue of a receiver that was cut off is dropped");
    }

    [Test]
    public async Task Completing_the_writer_waits_for_the_send_in_progress_and_what_was_queued_behind_it()
    {
        var network = new HeldNetwork();
        using var socket = network.ServerSocket();
        var writer = Writer(socket);
        network.Hold();
        await writer.WriteAsync(Bytes("last words"));
        await writer.WriteAsync(Bytes(" and more"));

        writer.Complete();
        Assert.That(writer.Drained.IsCompleted, Is.False);
        Assert.That((await writer.WriteAsync(Bytes("after completion"))).IsCompleted, Is.True);
        network.Release();

        await writer.Drained.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(network.Messages(), Is.EqualTo(new[] { (0x2, "last words"), (0x2, " and more") }));
    }

    [Test]
    public async Task A_send_that_fails_reports_it_once_and_completes_the_writer()
    {
        var network = new HeldNetwork();
        var socket = network.ServerSocket();
        var failures = new List<Exception?>();
        var writer = Writer(socket, failed: failures.Add);
        socket.Abort();

        var flushed = await writer.WriteAsync(Bytes("into the void"));
        await writer.WriteAsync(Bytes("and again"));

        Assert.That(flushed.IsCompleted, Is.True);
        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.That(writer.Drained.IsCompleted, Is.True);
        socket.Dispose();
    }

    [Test]
    public async Task A_prepared_frame_goes_straight_to_the_socket_in_order_with_the_connections_own_messages()
    {
        var (server, client) = await LoopbackSockets.ConnectAsync();
        using var direct = new SocketOutputStream(Stream.Null, server);
        using var serverSocket = WebSocket.CreateFromStream(direct, NoKeepAlive(isServer: true));
        using var clientSocket = WebSocket.CreateFromStream(new NetworkStream(client, ownsSocket: true), NoKeepAlive(isServer: false));
        var failures = new List<Exception?>();
        var writer = new HubSocketWriter(serverSocket, direct, () => WebSocketMessageType.Binary, maxQueuedMessages: 8, failed: failures.Add);

        writer.WriteFramed(new ServerFrame(WebSocketMessageType.Binary, Encoding.UTF8.GetBytes("broadcast 1")));
        await writer.WriteAsync(Bytes("the connection's own"));
        writer.WriteFramed(new ServerFrame(WebSocketMessageType.Binary, Encoding.UTF8.GetBytes("broadcast 2")));
        // Framed as text for a connection whose protocol is binary: sent through the WebSocket, as binary.
        writer.WriteFramed(new ServerFrame(WebSocketMessageType.Text, Encoding.UTF8.GetBytes("mis-framed")));

        var received = new List<(WebSocketMessageType, string)>();
        for (var i = 0; i < 4; i++)
        {
            received.Add(await ReceiveMessageAsync(clientSocket));
        }
        Assert.That(received, Is.EqualTo(new[]
        {
            (WebSocketMessageType.Binary, "broadcast 1"),
            (WebSocketMessageType.Binary, "the connection's own"),
            (WebSocketMessageType.Binary, "broadcast 2"),
            (WebSocketMessageType.Binary, "mis-framed"),
        }));
        Assert.That(failures, Is.Empty);
    }

    [Test]
    public async Task A_prepared_frame_waits_behind_a_send_in_progress_and_goes_out_with_what_is_queued()
    {
        var network = new HeldNetwork();
        using var socket = network.ServerSocket();
        var writer = Writer(socket);
        network.Hold();

        await writer.WriteAsync(Bytes("first"));
        writer.WriteFramed(new ServerFrame(WebSocketMessageType.Binary, Encoding.UTF8.GetBytes("framed")));
        await writer.WriteAsync(Bytes("+own"));
        network.Release();

        Assert.That(await Eventually.HoldsAsync(() => network.Messages().Count == 2), Is.True);
        Assert.That(network.Messages(), Is.EqualTo(new[] { (0x2, "first"), (0x2, "framed+own") }));
    }

    [Test]
    public async Task A_prepared_frame_for_an_aborted_socket_reaches_nobody_and_ends_the_connection()
    {
        var (server, client) = await LoopbackSockets.ConnectAsync();
        using var clientEnd = client;
        var direct = new SocketOutputStream(Stream.Null, server);
        using var serverSocket = WebSocket.CreateFromStream(direct, NoKeepAlive(isServer: true));
        var failures = new List<Exception?>();
        var writer = new HubSocketWriter(serverSocket, direct, () => WebSocketMessageType.Binary, maxQueuedMessages: 8, failed: failures.Add);

        serverSocket.Abort();
        writer.WriteFramed(new ServerFrame(WebSocketMessageType.Binary, Encoding.UTF8.GetBytes("too late")));

        await Task.Delay(100);
        Assert.That(client.Available, Is.Zero, "nothing reached the socket");
        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.That(writer.Drained.IsCompleted, Is.True);
        server.Dispose();
    }

    private static WebSocketCreationOptions NoKeepAlive(bool isServer) =>
        new() { IsServer = isServer, KeepAliveInterval = Timeout.InfiniteTimeSpan };

    private static async Task<(WebSocketMessageType, string)> ReceiveMessageAsync(WebSocket socket)
    {
        var buffer = new byte[4096];
        var result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(result.EndOfMessage, Is.True);
        return (result.MessageType, Encoding.UTF8.GetString(buffer, 0, result.Count));
    }

    // A writer on the held network (no direct socket under it).
    private static HubSocketWriter Writer(WebSocket socket, WebSocketMessageType type = WebSocketMessageType.Binary,
        int maxQueuedMessages = 8, Action<Exception?>? failed = null) =>
        new(socket, null, () => type, maxQueuedMessages, failed ?? (_ => { }));

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The network under a server socket: records what is written, and can hold writes up.</summary>
    private sealed class HeldNetwork : Stream
    {
        private readonly Lock _gate = new();
        private readonly MemoryStream _written = new();
        private TaskCompletionSource? _held;

        public WebSocket ServerSocket() =>
            WebSocket.CreateFromStream(this, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = Timeout.InfiniteTimeSpan });

        public void Hold()
        {
            lock (_gate)
            {
                _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Release()
        {
            TaskCompletionSource? held;
            lock (_gate)
            {
                held = _held;
                _held = null;
            }
            held?.TrySetResult();
        }

        /// <summary>The WebSocket messages written so far: opcode and text.</summary>
        public List<(int Opcode, string Text)> Messages()
        {
            byte[] bytes;
            lock (_gate)
            {
                bytes = _written.ToArray();
            }
            var messages = new List<(int, string)>();
            var at = 0;
            while (at + 2 <= bytes.Length)
            {
                var opcode = bytes[at] & 0x0f;
                Assert.That(bytes[at] & 0x80, Is.Not.Zero, "every message is a single final frame");
                long length = bytes[at + 1] & 0x7f;
                at += 2;
                if (length == 126)
                {
                    length = (bytes[at] << 8) | bytes[at + 1];
                    at += 2;
                }
                messages.Add((opcode, Encoding.UTF8.GetString(bytes, at, (int)length)));
                at += (int)length;
            }
            return messages;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Task? held;
            lock (_gate)
            {
                held = _held?.Task;
            }
            if (held is not null)
            {
                await held.WaitAsync(cancellationToken);
            }
            lock (_gate)
            {
                _written.Write(buffer.Span);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Flush()
        {
        }

        // The client never sends anything here.
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
