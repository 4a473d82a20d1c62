using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Server.Storage;

/// <summary>
/// The durable log of a live document's CRDT updates (update format V1). An append is complete only
/// when the update is on disk; compaction replaces the stored updates by one merged update.
/// </summary>
public interface IDocumentUpdateLog
{
    /// <summary>Appends an update; the task completes once it has been written through to the file.</summary>
    Task AppendAsync(DocumentId document, byte[] update, CancellationToken cancellationToken = default);

    /// <summary>Every stored update of the document, oldest first (after a compaction: the merged state first).</summary>
    IReadOnlyList<byte[]> Read(DocumentId document);

    /// <summary>
    /// Replaces every stored update of the document by <paramref name="merge"/>'s result, in one transaction.
    /// Returns the number of updates merged (0 when there was nothing to merge) and the stored size afterwards.
    /// </summary>
    CompactionResult Compact(DocumentId document, Func<IReadOnlyList<byte[]>, byte[]> merge);
}

/// <summary>What a compaction did.</summary>
/// <param name="MergedUpdates">How many stored updates were merged into one (0 when nothing was done).</param>
/// <param name="StoredBytes">The document's stored size afterwards.</param>
public readonly record struct CompactionResult(int MergedUpdates, long StoredBytes);
