using System.Net.Sockets;
using System.Net.WebSockets;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Tests.WebSockets;

/// <summary>
/// The stream under a WebSocket written straight to its socket, on a real loopback connection: what is written
/// arrives whole and in order, a write the socket cannot take at once completes when it has, reads come from the
/// request's stream.
/// </summary>
public sealed class SocketOutputStreamTests
{
    private Socket _server = null!;
    private Socket _client = null!;

    [SetUp]
    public async Task Connect() => (_server, _client) = await LoopbackSockets.ConnectAsync();

    [TearDown]
    public void Disconnect()
    {
        _server.Dispose();
        _client.Dispose();
    }

    [Test]
    public async Task Writes_arrive_whole_and_in_order()
    {
        using var stream = new SocketOutputStream(Stream.Null, _server);
        var expected = new List<byte>();
        for (var i = 0; i < 500; i++)
        {
            var chunk = Enumerable.Range(0, 1 + i % 37).Select(b => (byte)(b + i)).ToArray();
            var written = stream.WriteAsync(chunk);
            Assert.That(written.IsCompletedSuccessfully, Is.True, "a small write is taken at once");
            expected.AddRange(chunk);
        }

        Assert.That(await ReceiveAsync(expected.Count), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_write_larger_than_the_socket_takes_completes_once_the_reader_made_room_and_keeps_its_order()
    {
        using var stream = OnSmallBuffers();
        var large = Bytes(4 * 1024 * 1024, 31, 7);
        var small = new byte[] { 1, 2, 3 };

        var writing = stream.WriteAsync(large).AsTask();
        await Task.Delay(200);
        Assert.That(writing.IsCompleted, Is.False, "the write waits while nobody reads");

        var receiving = ReceiveAsync(large.Length + small.Length);
        await writing.WaitAsync(TimeSpan.FromSeconds(30));
        await stream.WriteAsync(small);

        Assert.That(await receiving, Is.EqualTo(large.Concat(small).ToArray()));
    }

    [Test]
    public async Task A_whole_frame_is_taken_at_once_when_nothing_else_is_being_written()
    {
        using var stream = new SocketOutputStream(Stream.Null, _server);
        byte[] frame = [0x82, 3, 1, 2, 3];

        Assert.That(stream.TryWrite(frame, out var written), Is.True);
        Assert.That(written.IsCompletedSuccessfully, Is.True);
        await stream.WriteAsync(new byte[] { 9 });

        Assert.That(await ReceiveAsync(frame.Length + 1), Is.EqualTo(frame.Append((byte)9)));
    }

    [Test]
    public async Task A_whole_frame_is_refused_while_a_write_is_on_its_way_and_taken_after_it()
    {
        using var stream = OnSmallBuffers();
        var large = Bytes(4 * 1024 * 1024, 13, 5);
        byte[] frame = [0x82, 2, 7, 7];

        var writing = stream.WriteAsync(large).AsTask();
        await Task.Delay(100);
        Assert.That(writing.IsCompleted, Is.False, "the large write waits for the reader");
        Assert.That(stream.TryWrite(frame, out _), Is.False, "a frame does not cut into a write on its way");

        var receiving = ReceiveAsync(large.Length + frame.Length);
        await writing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.That(stream.TryWrite(frame, out var written), Is.True);
        await written;

        Assert.That(await receiving, Is.EqualTo(large.Concat(frame).ToArray()));
    }

    [Test]
    public async Task A_write_that_comes_while_a_whole_frame_is_on_its_way_waits_for_it_and_follows_it()
    {
        using var stream = OnSmallBuffers();
        var frame = Bytes(4 * 1024 * 1024, 17, 1);
        byte[] pong = [0x8a, 0];

        Assert.That(stream.TryWrite(frame, out var written), Is.True);
        var writingPong = stream.WriteAsync(pong).AsTask();
        await Task.Delay(100);
        Assert.That(written.IsCompleted || writingPong.IsCompleted, Is.False, "both wait for the reader, the pong behind the frame");

        var receiving = ReceiveAsync(frame.Length + pong.Length);
        await written.AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        await writingPong.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.That(await receiving, Is.EqualTo(frame.Concat(pong).ToArray()));
    }

    [Test]
    public async Task Once_the_websocket_let_go_of_the_stream_nothing_more_reaches_the_socket()
    {
        var stream = new SocketOutputStream(Stream.Null, _server);
        stream.Dispose();

        Assert.That(stream.TryWrite(new byte[] { 0x82, 0 }, out _), Is.False);
        Assert.That(async () => await stream.WriteAsync(new byte[] { 1 }), Throws.InstanceOf<IOException>());
        await Task.Delay(100);
        Assert.That(_client.Available, Is.Zero);
    }

    [Test]
    public void A_frame_that_cannot_be_sent_fails_and_leaves_the_stream_free()
    {
        using var stream = new SocketOutputStream(Stream.Null, _server);
        _server.Dispose();

        Assert.That(stream.TryWrite(new byte[] { 0x82, 0 }, out var written), Is.True);
        Assert.That(async () => await written, Throws.InstanceOf<IOException>());
        Assert.That(stream.TryWrite(new byte[] { 0x82, 0 }, out _), Is.True, "the failed write freed the stream for the next");
    }

    [Test]
    public void A_write_to_a_closed_socket_fails_with_an_IOException()
    {
        using var stream = new SocketOutputStream(Stream.Null, _server);
        _server.Dispose();

        Assert.That(async () => await stream.WriteAsync(new byte[] { 1 }), Throws.InstanceOf<IOException>());
    }

    [Test]
    public async Task Reads_come_from_the_request_stream_and_the_socket_is_left_to_the_server()
    {
        using var input = new MemoryStream([5, 6, 7]);
        using var stream = new SocketOutputStream(input, _server);
        await _client.SendAsync(new byte[] { 9, 9 });
        for (var waited = 0; _server.Available < 2 && waited < 100; waited++)
        {
            await Task.Delay(20);
        }

        var buffer = new byte[8];
        var read = await stream.ReadAsync(buffer);

        Assert.Multiple(() =>
        {
            Assert.That(buffer[..read], Is.EqualTo(new byte[] { 5, 6, 7 }));
            Assert.That(_server.Available, Is.EqualTo(2), "what the client sent is still in the socket, for the server to read");
        });
    }

    [Test]
    public async Task A_websocket_made_on_it_speaks_to_a_client_websocket()
    {
        using var serverSocket = WebSocket.CreateFromStream(new SocketOutputStream(new NetworkStream(_server), _server),
            new WebSocketCreationOptions { IsServer = true });
        using var clientSocket = WebSocket.CreateFromStream(new NetworkStream(_client), new WebSocketCreationOptions { IsServer = false });

        await serverSocket.SendAsync(new byte[] { 0, 0, 1, 0 }, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
        await clientSocket.SendAsync(new byte[] { 2, 4 }, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);

        var atClient = new byte[16];
        var received = await clientSocket.ReceiveAsync(atClient, CancellationToken.None);
        var atServer = new byte[16];
        var answered = await serverSocket.ReceiveAsync(atServer, CancellationToken.None);

        Assert.Multiple(() =>
        {
            Assert.That(atClient[..received.Count], Is.EqualTo(new byte[] { 0, 0, 1, 0 }));
            Assert.That(atServer[..answered.Count], Is.EqualTo(new byte[] { 2, 4 }));
        });
    }

    // A stream on sockets with small buffers, so that a few megabytes cannot be taken at once.
    private SocketOutputStream OnSmallBuffers()
    {
        _server.SendBufferSize = 16 * 1024;
        _client.ReceiveBufferSize = 16 * 1024;
        return new SocketOutputStream(Stream.Null, _server);
    }

    private static byte[] Bytes(int count, int factor, int offset) =>
        Enumerable.Range(0, count).Select(i => (byte)(i * factor + offset)).ToArray();

    private async Task<byte[]> ReceiveAsync(int count)
    {
        var received = new byte[count];
        var total = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (total < count)
        {
            var read = await _client.ReceiveAsync(received.AsMemory(total), SocketFlags.None, timeout.Token);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return received[..total];
    }
}
