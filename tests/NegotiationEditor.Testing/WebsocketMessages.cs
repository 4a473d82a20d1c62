using System.Net.WebSockets;

namespace NegotiationEditor.Testing;

/// <summary>Reads whole WebSocket messages (a y-websocket frame each) from a socket, however they were split.</summary>
public static class WebsocketMessages
{
    /// <summary>The next whole message, or null when the other side closed. <paramref name="message"/> is scratch.</summary>
    public static async Task<byte[]?> ReceiveAsync(WebSocket socket, byte[] buffer, MemoryStream message, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                var frame = message.ToArray();
                message.SetLength(0);
                return frame;
            }
        }
    }
}
