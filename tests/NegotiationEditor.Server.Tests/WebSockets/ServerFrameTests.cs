using System.Net.WebSockets;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Tests.WebSockets;

/// <summary>
/// A broadcast's prepared frame is byte for byte what the runtime's own server WebSocket writes for the same message,
/// at every length encoding of RFC 6455 (7 bits, 16 bits, 64 bits).
/// </summary>
public sealed class ServerFrameTests
{
    [TestCase(WebSocketMessageType.Binary, 0)]
    [TestCase(WebSocketMessageType.Binary, 1)]
    [TestCase(WebSocketMessageType.Binary, 125)]
    [TestCase(WebSocketMessageType.Binary, 126)]
    [TestCase(WebSocketMessageType.Binary, 65535)]
    [TestCase(WebSocketMessageType.Binary, 65536)]
    [TestCase(WebSocketMessageType.Binary, 200_000)]
    [TestCase(WebSocketMessageType.Text, 11)]
    [TestCase(WebSocketMessageType.Text, 300)]
    public async Task A_frame_is_what_the_runtimes_server_websocket_writes_for_the_same_message(WebSocketMessageType type, int length)
    {
        var payload = Enumerable.Range(0, length).Select(i => (byte)('a' + i % 26)).ToArray();
        using var wire = new MemoryStream();
        using (var socket = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = Timeout.InfiniteTimeSpan }))
        {
            await socket.SendAsync(payload, type, endOfMessage: true, CancellationToken.None);
        }

        var frame = new ServerFrame(type, payload);

        Assert.That(frame.Bytes.ToArray(), Is.EqualTo(wire.ToArray()));
        Assert.That(frame.Payload.ToArray(), Is.EqualTo(payload));
        Assert.That(frame.Type, Is.EqualTo(type));
    }

    [Test]
    public void Only_text_and_binary_messages_are_framed()
    {
        Assert.That(() => new ServerFrame(WebSocketMessageType.Close, [1, 2]), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
