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
        _server.SendBufferSize = 16 * 1024;
        _client.ReceiveBufferSize = 16 * 1024;
        using var stream = new SocketOutputStream(Stream.Null, _server);
        var large = Enumerable.Range(0, 4 * 1024 * 1024).Select(i => (byte)(i * 31 + 7)).ToArray();
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
