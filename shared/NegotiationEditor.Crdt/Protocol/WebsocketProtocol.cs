namespace NegotiationEditor.Crdt.Protocol;

/// <summary>
/// What a y-websocket peer does with one received frame, for a document and its awareness:
/// a sync message is answered as <see cref="SyncProtocol.Answer(YDoc, SyncMessage, object?)"/>
/// does (the reply framed as a sync frame); an awareness update is applied; a query for
/// awareness is answered with every known state; a permission-denied frame needs no reply.
/// </summary>
public static class WebsocketProtocol
{
    /// <summary>The frame that opens a connection: sync step 1 of the document.</summary>
    public static WebsocketSyncMessage SyncStep1(YDoc doc) => new(SyncProtocol.SyncStep1(doc));

    /// <summary>A frame carrying an update event of the document (its V1 update bytes).</summary>
    public static WebsocketSyncMessage Update(byte[] update) => new(SyncMessage.Update(update));

    /// <summary>A frame carrying the awareness entries of the given clients.</summary>
    public static WebsocketAwarenessMessage AwarenessOf(Awareness awareness, IEnumerable<ulong> clients)
    {
        ArgumentNullException.ThrowIfNull(awareness);
        return new WebsocketAwarenessMessage(awareness.EncodeUpdate(clients));
    }

    /// <summary>
    /// Handles one received frame and returns the frame to send back, or <see langword="null"/>.
    /// </summary>
    /// <exception cref="CrdtFormatException">The update or awareness update inside is malformed; nothing was changed.</exception>
    public static WebsocketMessage? Answer(YDoc doc, Awareness awareness, WebsocketMessage message, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(awareness);
        ArgumentNullException.ThrowIfNull(message);
        switch (message)
        {
            case WebsocketSyncMessage sync:
                var reply = SyncProtocol.Answer(doc, sync.Sync, origin);
                return reply is null ? null : new WebsocketSyncMessage(reply);
            case WebsocketAwarenessMessage update:
                awareness.ApplyUpdate(update.Update.ToArray(), origin);
                return null;
            case WebsocketQueryAwarenessMessage:
                return AwarenessOf(awareness, awareness.States.Keys);
            default:
                return null;
        }
    }

    /// <summary>Reads a frame, handles it as <see cref="Answer(YDoc, Awareness, WebsocketMessage, object?)"/> does and returns the reply's bytes.</summary>
    /// <exception cref="CrdtFormatException">The frame is malformed; nothing was changed.</exception>
    public static byte[]? Answer(YDoc doc, Awareness awareness, byte[] frame, object? origin = null) =>
        Answer(doc, awareness, WebsocketMessage.Read(frame), origin)?.ToArray();
}
