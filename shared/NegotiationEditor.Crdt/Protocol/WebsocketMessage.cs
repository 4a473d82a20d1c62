using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// One y-websocket frame: <c>varuint type ‖ payload</c>, exactly one message per frame and no outer
/// length prefix. Read a frame with <see cref="Read(byte[])"/> and switch on the subclass.
/// </summary>
public abstract class WebsocketMessage
{
    private protected WebsocketMessage()
    {
    }

    /// <summary>The frame's type number.</summary>
    public abstract WebsocketMessageType Type { get; }

    /// <summary>Reads one whole frame; bytes left over after the message are an error.</summary>
    /// <exception cref="CrdtFormatException">The frame is truncated, of an unknown type or has trailing bytes.</exception>
    public static WebsocketMessage Read(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        var reader = new Lib0Reader(frame);
        var type = reader.ReadVarUInt();
        WebsocketMessage message = type switch
        {
            (ulong)WebsocketMessageType.Sync => new WebsocketSyncMessage(SyncMessage.Read(reader)),
            (ulong)WebsocketMessageType.Awareness => new WebsocketAwarenessMessage(reader.ReadVarBytes()),
            (ulong)WebsocketMessageType.Auth => WebsocketPermissionDeniedMessage.ReadBody(reader),
            (ulong)WebsocketMessageType.QueryAwareness => new WebsocketQueryAwarenessMessage(),
            _ => throw new CrdtFormatException($"Unknown y-websocket message type {type}."),
        };
        if (reader.HasMore)
        {
            throw new CrdtFormatException($"y-websocket {message.Type} frame is followed by {reader.Remaining} unexpected bytes.");
        }
        return message;
    }

    /// <summary>Writes the whole frame.</summary>
    public void WriteTo(Lib0Writer writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteVarUInt((ulong)Type);
        WriteBody(writer);
    }

    /// <summary>The frame as bytes.</summary>
    public byte[] ToArray()
    {
        var writer = new Lib0Writer();
        WriteTo(writer);
        return writer.ToArray();
    }

    private protected abstract void WriteBody(Lib0Writer writer);
}

/// <summary>A y-websocket frame carrying a sync message (type 0).</summary>
public sealed class WebsocketSyncMessage : WebsocketMessage
{
    /// <summary>Wraps a sync message.</summary>
    public WebsocketSyncMessage(SyncMessage sync)
    {
        ArgumentNullException.ThrowIfNull(sync);
        Sync = sync;
    }

    /// <inheritdoc />
    public override WebsocketMessageType Type => WebsocketMessageType.Sync;

    /// <summary>The sync message inside the frame.</summary>
    public SyncMessage Sync { get; }

    private protected override void WriteBody(Lib0Writer writer) => Sync.WriteTo(writer);
}

/// <summary>A y-websocket frame carrying an awareness update (type 1).</summary>
public sealed class WebsocketAwarenessMessage : WebsocketMessage
{
    private readonly byte[] _update;

    /// <summary>Wraps encoded awareness update bytes (see <see cref="AwarenessUpdate"/>); they are copied.</summary>
    public WebsocketAwarenessMessage(byte[] awarenessUpdate)
    {
        ArgumentNullException.ThrowIfNull(awarenessUpdate);
        _update = (byte[])awarenessUpdate.Clone();
    }

    /// <inheritdoc />
    public override WebsocketMessageType Type => WebsocketMessageType.Awareness;

    /// <summary>The encoded awareness update, as sent.</summary>
    public ReadOnlyMemory<byte> Update => _update;

    /// <summary>Decodes the awareness entries.</summary>
    /// <exception cref="CrdtFormatException">The awareness update is malformed.</exception>
    public IReadOnlyList<AwarenessEntry> ReadEntries() => AwarenessUpdate.Read(_update);

    private protected override void WriteBody(Lib0Writer writer) => writer.WriteVarBytes(_update);
}

/// <summary>
/// A y-websocket auth frame (type 2) saying that permission was denied, with the reason. This is the
/// only auth message y-protocols defines (<c>varuint 0 ‖ string reason</c>).
/// </summary>
public sealed class WebsocketPermissionDeniedMessage : WebsocketMessage
{
    private const ulong PermissionDenied = 0;

    /// <summary>A permission-denied frame with a reason shown to the user.</summary>
    public WebsocketPermissionDeniedMessage(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Reason = reason;
    }

    /// <inheritdoc />
    public override WebsocketMessageType Type => WebsocketMessageType.Auth;

    /// <summary>Why permission was denied.</summary>
    public string Reason { get; }

    internal static WebsocketPermissionDeniedMessage ReadBody(Lib0Reader reader)
    {
        var kind = reader.ReadVarUInt();
        if (kind != PermissionDenied)
        {
            throw new CrdtFormatException($"Unknown auth message type {kind}.");
        }
        return new WebsocketPermissionDeniedMessage(reader.ReadVarString());
    }

    private protected override void WriteBody(Lib0Writer writer)
    {
        writer.WriteVarUInt(PermissionDenied);
        writer.WriteVarString(Reason);
    }
}

/// <summary>A y-websocket frame asking for every awareness state the receiver knows (type 3, no payload).</summary>
public sealed class WebsocketQueryAwarenessMessage : WebsocketMessage
{
    /// <inheritdoc />
    public override WebsocketMessageType Type => WebsocketMessageType.QueryAwareness;

    private protected override void WriteBody(Lib0Writer writer)
    {
    }
}
