using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>
/// The server's update log with a gate: while <see cref="Hold"/> is in force, an append waits (a slow disk) until
/// <see cref="Open"/>; while <see cref="Failing"/> is set, appends that arrive fail (a full disk). Counts the appends that reached it.
/// </summary>
public sealed class GatedUpdateLog(IDocumentUpdateLog log) : IDocumentUpdateLog
{
    private readonly Lock _gate = new();
    private TaskCompletionSource? _held;
    private int _waiting;
    private int _appends;

    public volatile bool Failing;

    /// <summary>How many appends are waiting at the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>How many appends reached the log (failed ones included).</summary>
    public int Appends => Volatile.Read(ref _appends);

    public void Hold()
    {
        lock (_gate)
        {
            _held ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Open()
    {
        TaskCompletionSource? held;
        lock (_gate)
        {
            held = _held;
            _held = null;
        }
        held?.TrySetResult();
    }

    public Task AppendAsync(DocumentId document, byte[] update, CancellationToken cancellationToken = default) =>
        PassAsync(() => log.AppendAsync(document, update, cancellationToken));

    public Task AppendAsync(DocumentId document, IReadOnlyList<byte[]> updates, CancellationToken cancellationToken = default) =>
        PassAsync(() => log.AppendAsync(document, updates, cancellationToken));

    public Task AppendAsync(DocumentId document, byte[] update, NegotiationState negotiationAfter, CancellationToken cancellationToken = default) =>
        PassAsync(() => log.AppendAsync(document, update, negotiationAfter, cancellationToken));

    public IReadOnlyList<byte[]> Read(DocumentId document) => log.Read(document);

    public CompactionResult Compact(DocumentId document, Func<IReadOnlyList<byte[]>, byte[]> merge) => log.Compact(document, merge);

    // Whether the append fails is decided when it arrives, before it waits at the gate.
    private async Task PassAsync(Func<Task> append)
    {
        var failing = Failing;
        Task? held;
        lock (_gate)
        {
            held = _held?.Task;
        }
        if (held is not null)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                await held;
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
        Interlocked.Increment(ref _appends);
        if (failing)
        {
            throw new IOException("the disk is full");
        }
        await append();
    }
}
