using System.Net.Sockets;
using System.Text;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.WebSockets;

/// <summary>
/// The real server process on Kestrel, spoken to byte by byte: with its WebSocket output written straight to the
/// socket and without, a client sees the same thing: the 101 response with the right accept key first, then the
/// server's frames, unmasked and whole, and a pong for its ping (written by the runtime's WebSocket, through the same
/// path as the frames).
/// </summary>
[NonParallelizable]
public sealed class DirectSocketHandshakeTests
{
    private string _data = "";
    private string _document = "";
    private InviteBook _invites = null!;

    [OneTimeSetUp]
    public void Seed()
    {
        _data = Path.Combine(Path.GetTempPath(), "negotiation-handshake-" + Guid.NewGuid().ToString("N"));
        using var seeded = new NegotiationServerFactory(dataFolder: _data).Started();
        _document = seeded.Document.ToString();
        _invites = seeded.Invites;
    }

    [OneTimeTearDown]
    public void Remove()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [TestCase("/ws/{document}", true)]
    [TestCase("/ws/{document}", false)]
    [TestCase("/hubs/collab", true)]
    [TestCase("/hubs/collab", false)]
    public async Task A_raw_client_gets_the_101_then_whole_frames_and_a_pong_for_its_ping(string path, bool direct)
    {
        using var server = await ServerProcess.StartAsync(new ServerOptions
        {
            DataFolder = _data,
            Environment = new Dictionary<string, string> { ["Collaboration__DirectSocketWrites"] = direct ? "true" : "false" },
        });
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Address.Host, server.Address.Port);
        var stream = tcp.GetStream();
        stream.ReadTimeout = 30_000;
        var target = path.Replace("{document}", _document) + "?access_token=" + Uri.EscapeDataString(_invites.Chair);
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            $"GET {target} HTTP/1.1\r\nHost: {server.Address.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"));

        var head = ReadHead(stream);
        Assert.That(head, Does.StartWith("HTTP/1.1 101"), head);
        Assert.That(head, Does.Contain("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=").IgnoreCase, head);

        if (path.StartsWith("/hubs", StringComparison.Ordinal))
        {
            // The hub speaks once the client has said which protocol it uses.
            await stream.WriteAsync(ClientFrame(0x1, Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e")));
            var (opcode, payload) = ReadFrame(stream);
            Assert.That((opcode, Encoding.UTF8.GetString(payload)), Is.EqualTo((0x1, "{}\u001e")), "the hub's handshake answer");
        }
        else
        {
            var (opcode, payload) = ReadFrame(stream);
            Assert.That(opcode, Is.EqualTo(0x2), "a binary frame");
            Assert.That(payload[..2], Is.EqualTo(new byte[] { 0, 0 }), "the server's sync step 1 comes first");
        }

        await stream.WriteAsync(ClientFrame(0x9, [1, 2, 3]));
        var frames = new List<(int Opcode, byte[] Payload)>();
        while (frames.Count < 50 && (frames.Count == 0 || frames[^1].Opcode != 0xA))
        {
            frames.Add(ReadFrame(stream));
        }
        Assert.That(frames[^1], Is.EqualTo((0xA, new byte[] { 1, 2, 3 })).Using<(int, byte[])>((a, b) => a.Item1 == b.Item1 && a.Item2.SequenceEqual(b.Item2)),
            "a pong with the ping's payload");
        Assert.That(server.LoggedErrors, Is.Empty, "the server logged no error");
    }

    private static string ReadHead(NetworkStream stream)
    {
        var head = new StringBuilder();
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var next = stream.ReadByte();
            if (next < 0)
            {
                break;
            }
            head.Append((char)next);
        }
        return head.ToString();
    }

    // A server frame: never masked, whole (FIN set) for everything this test provokes.
    private static (int Opcode, byte[] Payload) ReadFrame(NetworkStream stream)
    {
        var first = ReadExactly(stream, 2);
        Assert.That(first[0] & 0x80, Is.EqualTo(0x80), "FIN");
        Assert.That(first[1] & 0x80, Is.Zero, "a server's frame is not masked");
        long length = first[1] & 0x7F;
        if (length == 126)
        {
            var extended = ReadExactly(stream, 2);
            length = (extended[0] << 8) | extended[1];
        }
        else if (length == 127)
        {
            var extended = ReadExactly(stream, 8);
            length = extended.Aggregate(0L, (value, b) => (value << 8) | b);
        }
        return (first[0] & 0x0F, ReadExactly(stream, checked((int)length)));
    }

    private static byte[] ReadExactly(NetworkStream stream, int count)
    {
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }

    // A client frame: masked, as RFC 6455 requires; payloads here are under 126 bytes.
    private static byte[] ClientFrame(int opcode, byte[] payload)
    {
        byte[] mask = [0x12, 0x34, 0x56, 0x78];
        var frame = new List<byte> { (byte)(0x80 | opcode), (byte)(0x80 | payload.Length) };
        frame.AddRange(mask);
        frame.AddRange(payload.Select((b, i) => (byte)(b ^ mask[i % 4])));
        return [.. frame];
    }
}
