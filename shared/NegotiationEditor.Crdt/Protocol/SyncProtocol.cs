namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// The y-protocols sync exchange on a <see cref="YDoc"/>: write sync step 1 / step 2 / update
/// messages for a document, and answer a received message as y-protocols' <c>readSyncMessage</c>
/// does (a sync step 1 is answered with a sync step 2; a sync step 2 or an update is applied).
/// </summary>
public static class SyncProtocol
{
    /// <summary>Sync step 1 of the document: its state vector.</summary>
    public static SyncMessage SyncStep1(YDoc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return SyncMessage.SyncStep1(Y.EncodeStateVector(doc));
    }

    /// <summary>
    /// Sync step 2 of the document: everything the peer with <paramref name="encodedStateVector"/>
    /// lacks (the whole document when it is null).
    /// </summary>
    /// <exception cref="CrdtFormatException">The state vector is malformed.</exception>
    public static SyncMessage SyncStep2(YDoc doc, byte[]? encodedStateVector = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return SyncMessage.SyncStep2(Y.EncodeStateAsUpdate(doc, encodedStateVector));
    }

    /// <summary>
    /// Handles a received sync message against the document and returns the reply to send, or
    /// <see langword="null"/> when there is none: a sync step 1 is answered with the sync step 2
    /// it asks for; a sync step 2 or an update is applied with <paramref name="origin"/>.
    /// </summary>
    /// <exception cref="CrdtFormatException">The state vector or update is malformed; the document is unchanged.</exception>
    public static SyncMessage? Answer(YDoc doc, SyncMessage message, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(message);
        switch (message.Type)
        {
            case SyncMessageType.SyncStep1:
                return SyncStep2(doc, message.Payload.ToArray());
            default:
                Y.ApplyUpdate(doc, message.Payload.ToArray(), origin);
                return null;
        }
    }

    /// <summary>
    /// Reads a sync message from bytes, handles it as <see cref="Answer(YDoc, SyncMessage, object?)"/>
    /// does and returns the reply's bytes, or <see langword="null"/> when there is nothing to send.
    /// </summary>
    /// <exception cref="CrdtFormatException">The message is malformed; the document is unchanged.</exception>
    public static byte[]? Answer(YDoc doc, byte[] message, object? origin = null) =>
        Answer(doc, SyncMessage.Read(message), origin)?.ToArray();
}
