using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Storage;

/// <summary>
/// The durable log of a live document's CRDT updates (update format V1). An append is complete only
/// when the update is on disk; compaction replaces the stored updates by one merged update.
/// </summary>
public interface IDocumentUpdateLog
{
    /// <summary>Appends an update; the task completes once it has been written through to the file.</summary>
    Task AppendAsync(DocumentId document, byte[] update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends several updates, oldest first, all or none. Unless the log does better (one transaction), they are merged
    /// and appended as one update.
    /// </summary>
    Task AppendAsync(DocumentId document, IReadOnlyList<byte[]> updates, CancellationToken cancellationToken = default) =>
        updates.Count == 1 ? AppendAsync(document, updates[0], cancellationToken) : AppendAsync(document, Y.MergeUpdates(updates), cancellationToken);

    /// <summary>
    /// Appends the update of a server-made change together with the negotiation state the change brings about (an
    /// accepted amendment, a tabled document's first text), so that a restart finds both or neither. A log that keeps
    /// the negotiation too (LiteDB, PostgreSQL) writes both in one transaction; one that keeps no negotiation appends
    /// the update alone, and the state is then stored right after it by the negotiation's own store.
    /// </summary>
    Task AppendAsync(DocumentId document, byte[] update, NegotiationState negotiationAfter, CancellationToken cancellationToken = default) =>
        AppendAsync(document, update, cancellationToken);

    /// <summary>Every stored update of the document, oldest first (after a compaction: the merged state first).</summary>
    IReadOnlyList<byte[]> Read(DocumentId document);

    /// <summary>
    /// Replaces every stored update of the document by <paramref name="merge"/>'s result, in one step as far as reads
    /// can tell: the merged state is written in one transaction, and from then on reads return it instead of the updates
    /// merged (a log may delete those from its file later, a few at a time; any left after a crash are merged again).
    /// Returns the number of updates merged (0 when there was nothing to merge) and the stored size afterwards.
    /// </summary>
    CompactionResult Compact(DocumentId document, Func<IReadOnlyList<byte[]>, byte[]> merge);
}

/// <summary>What a compaction did.</summary>
/// <param name="MergedUpdates">How many stored updates were merged into one (0 when nothing was done).</param>
/// <param name="StoredBytes">The document's stored size afterwards.</param>
public readonly record struct CompactionResult(int MergedUpdates, long StoredBytes);
