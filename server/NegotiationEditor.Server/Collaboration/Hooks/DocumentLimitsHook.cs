using Microsoft.Extensions.Options;

namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>Refuses an update that would take the document past its stored-size limit.</summary>
public sealed class DocumentLimitsHook(IOptions<CollaborationOptions> options) : RoomHook
{
    /// <inheritdoc />
    public override string? OnChange(DocumentRoom room, RoomConnection connection, byte[] update)
    {
        var limit = options.Value.MaxDocumentBytes;
        return room.StoredBytes + update.Length > limit
            ? $"document too large: it holds {room.StoredBytes} bytes and the limit is {limit}; the change was not applied"
            : null;
    }
}
