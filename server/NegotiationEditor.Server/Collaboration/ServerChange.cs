using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// A change the server makes to a document (a tabled text, an accepted amendment), as <see cref="DocumentRoom.ChangeAsync{T}"/>
/// hands it out: a copy of the document to decide on, and the one way to change it, <see cref="Store"/>.
/// </summary>
public sealed class ServerChange
{
    private readonly DocumentRoom _room;
    private readonly List<byte[]> _stored = [];

    internal ServerChange(DocumentRoom room, YDoc document)
    {
        _room = room;
        Document = document;
    }

    /// <summary>
    /// A copy of the room's document as it stands in the write turn, with the room's client id. Read it to decide;
    /// after <see cref="Store"/> it holds the change too.
    /// </summary>
    public YDoc Document { get; }

    internal IReadOnlyList<byte[]> Stored => _stored;

    /// <summary>
    /// Runs <paramref name="edit"/> on <see cref="Document"/> in one transaction and stores the update it produced,
    /// through every store hook, before returning it (empty when nothing changed). With
    /// <paramref name="negotiationAfter"/>, the negotiation state the change brings about is stored in the same
    /// transaction as the update where the store can (LiteDB, PostgreSQL). The room applies and sends the update once the change
    /// is over. Blocks until the store has completed.
    /// </summary>
    /// <exception cref="DocumentNotStoredException">The update could not be stored: nothing will be applied.</exception>
    public byte[] Store(Action<YDoc> edit, NegotiationState? negotiationAfter)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var produced = new List<byte[]>();
        void Collect(object? sender, UpdateEventArgs args) => produced.Add(args.Update);
        Document.Updated += Collect;
        try
        {
            Document.Transact(_ => edit(Document), origin: this);
        }
        finally
        {
            Document.Updated -= Collect;
        }

        if (produced.Count == 0)
        {
            return [];
        }

        var update = produced.Count == 1 ? produced[0] : Y.MergeUpdates(produced);
        try
        {
            // The caller may hold the negotiation's command lock (a decision stored with its text), which is not
            // async: the store is awaited here, on a thread of its own.
            _room.StoreAsync(update, negotiationAfter).GetAwaiter().GetResult();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new DocumentNotStoredException(
                $"the change to document {_room.IdText} could not be stored, so it was not made: {exception.Message}", exception);
        }
        _room.CountStoredChange(update.Length);
        _stored.Add(update);
        return update;
    }
}
