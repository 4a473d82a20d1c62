using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Storage;

/// <summary>
/// A negotiation store that several server nodes write (PostgreSQL): a command runs on the latest stored state while
/// the store holds its write lock, so two nodes' commands never overwrite each other.
/// </summary>
public interface ISharedNegotiationStore : INegotiationStore
{
    /// <summary>
    /// Runs <paramref name="change"/> on the latest stored negotiation under the store's write lock and stores what
    /// it returns (null: nothing to store). Returns the stored negotiation afterwards. When the store is also the
    /// document update log, <paramref name="change"/> may store a text with the state it returns
    /// (<see cref="IDocumentUpdateLog.AppendAsync(NegotiationEditor.Negotiation.Documents.DocumentId, byte[], NegotiationState, CancellationToken)"/>):
    /// both are then written in the change's own transaction, under its lock.
    /// </summary>
    NegotiationState? Change(Func<NegotiationState?, NegotiationState?> change);
}
