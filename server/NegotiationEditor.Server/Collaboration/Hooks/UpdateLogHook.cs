using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>
/// Loads a document from its stored updates and stores every update, durably, before it is applied and sent on (with
/// the negotiation state of a server-made change, in one transaction where the log allows).
/// </summary>
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

    /// <inheritdoc />
    public override Task OnStoreAsync(DocumentRoom room, IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return log.AppendAsync(room.Id, updates.Select(update => update.Update).ToList());
    }

    /// <inheritdoc />
    public override Task OnStoreAsync(DocumentRoom room, byte[] update, NegotiationState? negotiationAfter) =>
        negotiationAfter is null ? log.AppendAsync(room.Id, update) : log.AppendAsync(room.Id, update, negotiationAfter);
}
