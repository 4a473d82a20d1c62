using NegotiationEditor.Crdt;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>Loads a document from its stored updates and stores every applied update, durably, before it is sent on.</summary>
public sealed class UpdateLogHook(IDocumentUpdateLog log) : RoomHook
{
    /// <inheritdoc />
    public override ValueTask OnLoadAsync(DocumentRoom room, YDoc document)
    {
        var updates = log.Read(room.Id);
        if (updates.Count > 0)
        {
            Y.ApplyUpdate(document, updates.Count == 1 ? updates[0] : Y.MergeUpdates(updates));
            room.CountStored(updates.Sum(update => (long)update.Length));
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnStoreAsync(DocumentRoom room, byte[] update) => log.AppendAsync(room.Id, update);
}
