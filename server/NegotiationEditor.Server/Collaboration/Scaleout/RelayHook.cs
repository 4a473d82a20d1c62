namespace NegotiationEditor.Server.Collaboration.Scaleout;

/// <summary>
/// Sends every frame a room broadcasts (updates once stored, awareness) to the other nodes. It runs after the store
/// hooks, so another node never receives an update that is not yet durable.
/// </summary>
public sealed class RelayHook(RedisDocumentRelay relay) : RoomHook
{
    /// <inheritdoc />
    public override void OnBroadcast(DocumentRoom room, byte[] frame) => relay.Publish(room.IdText, frame);
}
