using System.Buffers.Binary;
using System.Net.WebSockets;

namespace NegotiationEditor.Server.WebSockets;

/// <summary>
/// A whole WebSocket message as a server sends it: one final frame, unmasked (RFC 6455, section 5.2), header and
/// payload in one array. A broadcast builds it once and every socket that receives it is handed the same bytes
/// (<see cref="SocketOutputStream.TryWrite"/>), instead of each socket's WebSocket framing and copying the message
/// again.
/// </summary>
internal sealed class ServerFrame
{
    private readonly byte[] _bytes;
    private readonly int _headerLength;

    /// <summary>Frames <paramref name="payload"/> as one message of <paramref name="type"/> (text or binary).</summary>
    public ServerFrame(WebSocketMessageType type, ReadOnlySpan<byte> payload)
    {
        var opcode = type switch
        {
            WebSocketMessageType.Text => 0x1,
            WebSocketMessageType.Binary => 0x2,
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Only text and binary messages are framed here."),
        };
        _headerLength = payload.Length switch
        {
            <= 125 => 2,
            <= ushort.MaxValue => 4,
            _ => 10,
        };
        _bytes = new byte[_headerLength + payload.Length];
        _bytes[0] = (byte)(0x80 | opcode);
        switch (_headerLength)
        {
            case 2:
                _bytes[1] = (byte)payload.Length;
                break;
            case 4:
                _bytes[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(_bytes.AsSpan(2), (ushort)payload.Length);
                break;
            default:
                _bytes[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(_bytes.AsSpan(2), (ulong)payload.Length);
                break;
        }
        payload.CopyTo(_bytes.AsSpan(_headerLength));
        Type = type;
    }

    /// <summary>Whether the message is text or binary.</summary>
    public WebSocketMessageType Type { get; }

    /// <summary>The frame as it goes on the wire: header, then payload.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The message alone, for a socket that has to send it through its WebSocket instead.</summary>
    public ReadOnlyMemory<byte> Payload => _bytes.AsMemory(_headerLength);
}
