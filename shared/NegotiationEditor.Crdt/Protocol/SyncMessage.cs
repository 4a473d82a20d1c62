using NegotiationEditor.Crdt.Encoding;

namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// One y-protocols sync message: <c>varuint type ‖ varbytes payload</c>, where the payload is a
/// state vector (sync step 1) or a V1 update (sync step 2 and update). Reading checks the framing
/// only; the payload is validated when it is applied to a document.
/// </summary>
public sealed class SyncMessage
{
    private readonly byte[] _payload;

    private SyncMessage(SyncMessageType type, byte[] payload)
    {
        Type = type;
        _payload = payload;
    }

    /// <summary>Which sync message this is.</summary>
    public SyncMessageType Type { get; }

    /// <summary>The state vector (sync step 1) or the V1 update (sync step 2, update).</summary>
    public ReadOnlyMemory<byte> Payload => _payload;

    /// <summary>
    /// Whether handling the message changes a document (sync step 2 and update). A connection that
    /// may only read drops such messages; a sync step 1 is always safe to answer.
    /// </summary>
    public bool ChangesDocument => Type != SyncMessageType.SyncStep1;

    /// <summary>A sync step 1 carrying an encoded state vector.</summary>
    public static SyncMessage SyncStep1(byte[] encodedStateVector) => Create(SyncMessageType.SyncStep1, encodedStateVector);

    /// <summary>A sync step 2 carrying a V1 update.</summary>
    public static SyncMessage SyncStep2(byte[] update) => Create(SyncMessageType.SyncStep2, update);

    /// <summary>An update message carrying a V1 update.</summary>
    public static SyncMessage Update(byte[] update) => Create(SyncMessageType.Update, update);

    private static SyncMessage Create(SyncMessageType type, byte[] payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return new SyncMessage(type, (byte[])payload.Clone());
    }

    /// <summary>Reads a whole sync message; bytes left over after it are an error.</summary>
    /// <exception cref="CrdtFormatException">The bytes are not exactly one sync message.</exception>
    public static SyncMessage Read(byte[] message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reader = new Lib0Reader(message);
        var result = Read(reader);
        if (reader.HasMore)
        {
            throw new CrdtFormatException($"Sync message is followed by {reader.Remaining} unexpected bytes.");
        }
        return result;
    }

    /// <summary>Reads one sync message from the reader's current position.</summary>
    /// <exception cref="CrdtFormatException">The type is unknown or the payload is truncated.</exception>
    public static SyncMessage Read(Lib0Reader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var type = reader.ReadVarUInt();
        if (type > (ulong)SyncMessageType.Update)
        {
            throw new CrdtFormatException($"Unknown sync message type {type}.");
        }
        return new SyncMessage((SyncMessageType)type, reader.ReadVarBytes());
    }

    /// <summary>Writes the message to a writer.</summary>
    public void WriteTo(Lib0Writer writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteVarUInt((ulong)Type);
        writer.WriteVarBytes(_payload);
    }

    /// <summary>The message as bytes.</summary>
    public byte[] ToArray()
    {
        var writer = new Lib0Writer(_payload.Length + 6);
        WriteTo(writer);
        return writer.ToArray();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Type} ({_payload.Length} bytes)";
}
