using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>The server's update log, which refuses to append while <see cref="Failing"/> is set (a full disk, a lost database).</summary>
public sealed class FailingUpdateLog(IDocumentUpdateLog log) : IDocumentUpdateLog
{
    public volatile bool Failing;

    public Task AppendAsync(DocumentId document, byte[] update, CancellationToken cancellationToken = default) =>
        Failing ? Task.FromException(new IOException("the disk is full")) : log.AppendAsync(document, update, cancellationToken);

    public IReadOnlyList<byte[]> Read(DocumentId document) => log.Read(document);

    public CompactionResult Compact(DocumentId document, Func<IReadOnlyList<byte[]>, byte[]> merge) => log.Compact(document, merge);
}
