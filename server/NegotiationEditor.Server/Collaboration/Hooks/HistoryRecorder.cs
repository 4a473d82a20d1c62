using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>
/// Writes the edit history off the rooms' write path: <see cref="Record"/> only queues an update with its time and
/// author; one writer, every <see cref="HistoryOptions.WriteEvery"/>, merges what is queued into each author's open
/// record (while they go on typing within <see cref="HistoryOptions.MergeWithin"/> of its first update) and writes it,
/// so a second of typing is one write, not one per keystroke. Readers call <see cref="FlushAsync"/> first, which writes
/// at once what is queued, so they see every update recorded before. Updates still queued when the process is killed are learnt again
/// from the update log when the document is next loaded (see <see cref="HistoryHook"/>).
/// </summary>
public sealed class HistoryRecorder : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 4096;
    private readonly IDocumentHistory _history;
    private readonly IOptions<HistoryOptions> _options;
    private readonly ILogger<HistoryRecorder> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<DocumentId, OpenRecord> _open = [];
    private readonly Lock _gate = new();
    private readonly List<(long Sequence, TaskCompletionSource Done)> _waiting = [];
    private readonly Task _writer;
    private TaskCompletionSource _writeNow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _closing;
    private long _queued;
    private long _written;

    /// <summary>Starts the writer.</summary>
    public HistoryRecorder(IDocumentHistory history, IOptions<HistoryOptions> options, ILogger<HistoryRecorder> logger)
    {
        _history = history;
        _options = options;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Queues an update stored at <paramref name="at"/> by <paramref name="author"/> (null: made by the server).</summary>
    public void Record(DocumentId document, DateTimeOffset at, ParticipantId? author, byte[] update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            // The sequence is taken and the update queued together, so the writer meets them in sequence order.
            var sequence = ++_queued;
            if (!_queue.Writer.TryWrite(new Pending(sequence, document, at, author, update)))
            {
                throw new ObjectDisposedException(nameof(HistoryRecorder), "The edit history is closed.");
            }
        }
    }

    /// <summary>Completes once every update queued before the call has been written (or failed to be).</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            if (Interlocked.Read(ref _written) >= _queued)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((_queued, done));
            _writeNow.TrySetResult();
            return done.Task;
        }
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _closing = true;
            _writeNow.TrySetResult();
        }
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <summary>Writes what is queued, then stops the writer.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task WriteAsync()
    {
        var batch = new List<Pending>();
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            // A full batch left more behind: that is written next without waiting.
            if (batch.Count < MaxBatch)
            {
                await GatherAsync().ConfigureAwait(false);
            }
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            foreach (var group in batch.GroupBy(p => p.Document))
            {
                await WriteAsync(group.Key, group.ToList()).ConfigureAwait(false);
            }

            Written(batch[^1].Sequence);
        }
    }

    // Lets updates gather for WriteEvery after the first one is queued, unless a reader waits or the recorder closes.
    private async Task GatherAsync()
    {
        var every = _options.Value.WriteEvery;
        if (every <= TimeSpan.Zero)
        {
            return;
        }

        Task writeNow;
        lock (_gate)
        {
            if (_closing || _waiting.Count > 0)
            {
                return;
            }
            if (_writeNow.Task.IsCompleted)
            {
                _writeNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            writeNow = _writeNow.Task;
        }
        await Task.WhenAny(writeNow, Task.Delay(every)).ConfigureAwait(false);
    }

    // One document's share of a batch, oldest first: runs of one author's updates close in time become one write.
    private async Task WriteAsync(DocumentId document, List<Pending> updates)
    {
        var window = _options.Value.MergeWithin;
        try
        {
            _open.TryGetValue(document, out var open);
            var i = 0;
            while (i < updates.Count)
            {
                var first = updates[i];
                // Changes the server makes (the tabled text, an accepted amendment) are few and each a moment: never merged.
                var extending = first.Author is not null && open is not null && open.Author == first.Author
                    && first.At >= open.Last && first.At - open.First < window;
                var start = extending ? open!.First : first.At;
                var run = new List<byte[]> { first.Update };
                var last = first.At;
                var j = i + 1;
                while (first.Author is not null && j < updates.Count && updates[j].Author == first.Author
                    && updates[j].At >= last && updates[j].At - start < window)
                {
                    run.Add(updates[j].Update);
                    last = updates[j].At;
                    j++;
                }

                if (extending)
                {
                    var merged = Y.MergeUpdates(run.Prepend(open!.Update));
                    await _history.ExtendAsync(open.Id, last, merged).ConfigureAwait(false);
                    open = open with { Last = last, Update = merged };
                }
                else
                {
                    var update = run.Count == 1 ? run[0] : Y.MergeUpdates(run);
                    var id = await _history.AddAsync(new EditRecord(document, start, last, first.Author, update)).ConfigureAwait(false);
                    open = new OpenRecord(id, first.Author, start, last, update);
                }

                i = j;
            }

            _open[document] = open!;
        }
        catch (Exception exception)
        {
            // The writer goes on whatever happened: the history is not where the text is kept, the update log is.
            _open.Remove(document);
            _logger.LogError(exception, "Document {Document}: {Count} stored updates could not be recorded in the edit history; "
                + "they are learnt again from the update log when the document is next loaded", document, updates.Count);
        }
    }

    private void Written(long sequence)
    {
        List<TaskCompletionSource> done = [];
        lock (_gate)
        {
            Interlocked.Exchange(ref _written, sequence);
            _waiting.RemoveAll(w =>
            {
                if (w.Sequence > sequence)
                {
                    return false;
                }

                done.Add(w.Done);
                return true;
            });
        }

        foreach (var waiter in done)
        {
            waiter.TrySetResult();
        }
    }

    private sealed record Pending(long Sequence, DocumentId Document, DateTimeOffset At, ParticipantId? Author, byte[] Update);

    private sealed record OpenRecord(long Id, ParticipantId? Author, DateTimeOffset First, DateTimeOffset Last, byte[] Update);
}
