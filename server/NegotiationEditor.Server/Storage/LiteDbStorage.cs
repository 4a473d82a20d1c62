using System.Diagnostics;
using System.Threading.Channels;
using LiteDB;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Storage;

/// <summary>
/// The LiteDB file under the data folder, used as an untyped engine: only <see cref="BsonDocument"/>s go in and out,
/// the typed interfaces <see cref="IDocumentUpdateLog"/> and <see cref="INegotiationStore"/> are all the rest of the
/// server sees. Appends are committed in groups by one writer: every update waiting when a commit starts goes into
/// it, then a checkpoint writes LiteDB's log through to the data file, synced to the disk, before any of those appends
/// completes. (LiteDB 5.0.21 writes a commit's pages to its log file in the commit, which a killed process keeps, but
/// syncs nothing until a checkpoint: without it a power cut could take updates already acknowledged.)
/// </summary>
public sealed class LiteDbStorage : IDocumentUpdateLog, INegotiationStore, IDisposable
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "negotiation.db";

    private const string UpdatesCollection = "updates";
    private const string NegotiationCollection = "negotiation";
    private const string NegotiationKey = "current";

    /// <summary>How many merged entries a commit of the writer deletes along with its appends.</summary>
    internal const int DeletionsPerCommit = 32;

    /// <summary>How many entries a compaction reads at a time.</summary>
    internal const int EntriesPerRead = 256;

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _updates;
    private readonly ILiteCollection<BsonDocument> _negotiation;
    private readonly Lock _gate = new();
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    // Entries that a compaction merged and that are still in the file, oldest first: the writer deletes them a few at a
    // time in its own commits. Reads skip them. Guarded by _gate.
    private readonly Queue<long> _merged = new();
    private readonly HashSet<long> _mergedIds = [];
    private bool _tidyQueued;
    private volatile bool _writerWaiting;
    private readonly Lock _compacting = new();

    // Slow commits, reported at most once per interval (the writer's own fields).
    private static readonly TimeSpan SlowCommitReportInterval = TimeSpan.FromSeconds(10);
    private readonly ILogger _logger;
    private long _lastSlowCommitReport;
    private int _slowCommits;
    private TimeSpan _slowestCommit;

    /// <summary>Opens (or creates) the database file in <paramref name="dataDirectory"/>.</summary>
    /// <param name="dataDirectory">The data folder.</param>
    /// <param name="logger">Where slow commits are reported (a warning at most every 10 s).</param>
    public LiteDbStorage(string dataDirectory, ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, FileName));
        _database = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct });
        _updates = _database.GetCollection(UpdatesCollection, BsonAutoId.Int64);
        _updates.EnsureIndex("document");
        _negotiation = _database.GetCollection(NegotiationCollection);
        _writer = Task.Run(WriteAppendsAsync);
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>
    /// A commit of appends that takes longer than this (its sync to the disk included) is reported as a warning: every
    /// update waiting for it is broadcast that much later.
    /// </summary>
    internal TimeSpan SlowCommit { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <inheritdoc />
    public Task AppendAsync(DocumentId document, byte[] update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return Enqueue(new PendingAppend(document, update, null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The updates are written in one LiteDB transaction.</remarks>
    public Task AppendAsync(DocumentId document, IReadOnlyList<byte[]> updates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 1)
        {
            return AppendAsync(document, updates[0], cancellationToken);
        }
        var pending = new PendingAppend(document, null, null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)) { Updates = updates };
        return Enqueue(pending, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The update and the negotiation are written in one LiteDB transaction.</remarks>
    public Task AppendAsync(DocumentId document, byte[] update, NegotiationState negotiationAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(negotiationAfter);
        var json = NegotiationJson.Write(negotiationAfter);
        return Enqueue(new PendingAppend(document, update, json, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)), cancellationToken);
    }

    private Task Enqueue(PendingAppend pending, CancellationToken cancellationToken)
    {
        if (!_appends.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(LiteDbStorage), "The storage is closed.");
        }
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Read(DocumentId document)
    {
        lock (_gate)
        {
            return ReadEntries(document).Select(entry => entry["bytes"].AsBinary).ToList();
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Every append waits while the file's lock is held, so a compaction holds it only briefly, a few times:
    /// <list type="bullet">
    /// <item>it reads the entries <see cref="EntriesPerRead"/> at a time, letting a waiting append in between;</item>
    /// <item>the merge, the long part, runs outside the lock;</item>
    /// <item>one transaction gives the oldest entry read the merged state;</item>
    /// <item>the other entries read are deleted later, <see cref="DeletionsPerCommit"/> at a time in the writer's own
    /// commits (with appends, or alone when none waits). Until then reads skip them, and if the process stops first,
    /// the next compaction merges them again: an update applied twice changes nothing.</item>
    /// </list>
    /// Updates appended during the compaction are newer entries and stay as they are. One compaction runs at a time.
    /// </remarks>
    public CompactionResult Compact(DocumentId document, Func<IReadOnlyList<byte[]>, byte[]> merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        lock (_compacting)
        {
            var entries = ReadEntriesInSteps(document);
            if (entries.Count < 2)
            {
                return new CompactionResult(0, entries.Sum(entry => (long)entry["bytes"].AsBinary.Length));
            }

            var merged = merge(entries.Select(entry => entry["bytes"].AsBinary).ToList());
            var oldest = entries[0];
            var newestMerged = entries[^1]["_id"].AsInt64;
            lock (_gate)
            {
                Transact(() =>
                {
                    oldest["bytes"] = merged;
                    _updates.Update(oldest);
                });

                foreach (var entry in entries.Skip(1))
                {
                    var id = entry["_id"].AsInt64;
                    if (_mergedIds.Add(id))
                    {
                        _merged.Enqueue(id);
                    }
                }
                QueueTidy();
                var newer = _updates.Find(Query.GT("_id", newestMerged)).Where(entry => IsLive(entry, document));
                return new CompactionResult(entries.Count, merged.Length + newer.Sum(entry => (long)entry["bytes"].AsBinary.Length));
            }
        }
    }

    /// <summary>How many merged entries are still in the file, waiting to be deleted.</summary>
    internal int MergedEntriesLeft
    {
        get
        {
            lock (_gate)
            {
                return _merged.Count;
            }
        }
    }

    /// <inheritdoc />
    public NegotiationState? Load()
    {
        lock (_gate)
        {
            var stored = _negotiation.FindById(NegotiationKey);
            return stored is null ? null : NegotiationJson.Read(stored["json"].AsString);
        }
    }

    /// <inheritdoc />
    public void Save(NegotiationState negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var json = NegotiationJson.Write(negotiation);
        lock (_gate)
        {
            _negotiation.Upsert(NegotiationEntry(json));
            _database.Checkpoint();
        }
    }

    /// <summary>Finishes the pending appends, deletes the merged entries still left, and closes the file.</summary>
    public void Dispose()
    {
        _appends.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        lock (_gate)
        {
            try
            {
                if (_merged.Count > 0)
                {
                    Commit([], _merged.Count);
                }
            }
            catch (LiteException)
            {
                // Left in the file: the next compaction merges them again.
            }
            _database.Dispose();
        }
    }

    private bool IsLive(BsonDocument entry, DocumentId document) =>
        entry["document"].AsString == document.ToString() && !_mergedIds.Contains(entry["_id"].AsInt64);

    private List<BsonDocument> ReadEntries(DocumentId document) =>
        _updates.Find(Query.EQ("document", document.ToString()))
            .Where(entry => IsLive(entry, document))
            .OrderBy(entry => entry["_id"].AsInt64)
            .ToList();

    // The document's live entries, oldest first, read in the order of their ids a step at a time (the entries of every
    // document, which compaction keeps few), so that the writer gets the lock in between.
    private List<BsonDocument> ReadEntriesInSteps(DocumentId document)
    {
        var entries = new List<BsonDocument>();
        var after = 0L;
        while (true)
        {
            List<BsonDocument> step;
            lock (_gate)
            {
                step = _updates.Find(Query.GT("_id", after), 0, EntriesPerRead).ToList();
                entries.AddRange(step.Where(entry => IsLive(entry, document)));
            }
            if (step.Count < EntriesPerRead)
            {
                return entries;
            }
            after = step.Max(entry => entry["_id"].AsInt64);
            if (_writerWaiting)
            {
                // A lock does not hand itself over: wait until the writer has it.
                SpinWait.SpinUntil(() => !_writerWaiting, TimeSpan.FromMilliseconds(50));
            }
        }
    }

    // Has the writer delete merged entries even when no append comes (one tidy item at a time in its queue).
    private void QueueTidy()
    {
        if (_merged.Count > 0 && !_tidyQueued && _appends.Writer.TryWrite(PendingAppend.Tidy))
        {
            _tidyQueued = true;
        }
    }

    private static BsonDocument NegotiationEntry(string json) => new() { ["_id"] = NegotiationKey, ["json"] = json };

    private static BsonDocument NewEntry(DocumentId document, byte[] update) =>
        new() { ["document"] = document.ToString(), ["bytes"] = update };

    private async Task WriteAppendsAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _appends.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var tidy = false;
            while (batch.Count < 512 && _appends.Reader.TryRead(out var pending))
            {
                if (ReferenceEquals(pending, PendingAppend.Tidy))
                {
                    tidy = true;
                }
                else
                {
                    batch.Add(pending);
                }
            }

            Exception? failure = null;
            _writerWaiting = true;
            lock (_gate)
            {
                _writerWaiting = false;
                if (tidy)
                {
                    _tidyQueued = false;
                }
                try
                {
                    var started = Stopwatch.GetTimestamp();
                    Commit(batch, Math.Min(_merged.Count, DeletionsPerCommit));
                    NoteCommitTime(Stopwatch.GetElapsedTime(started));
                }
                catch (Exception exception)
                {
                    failure = exception;
                    if (batch.Count == 0)
                    {
                        // Tidying alone failed: no retrying it in a loop against a failing file.
                        ForgetMerged();
                    }
                }
                QueueTidy();
            }

            foreach (var pending in batch)
            {
                if (failure is null)
                {
                    pending.Done.TrySetResult();
                }
                else
                {
                    pending.Done.TrySetException(failure);
                }
            }
        }
    }

    // One transaction (see Transact): the batch's appends and the oldest `deletions` merged entries. Called under _gate.
    private void Commit(List<PendingAppend> batch, int deletions)
    {
        if (batch.Count == 0 && deletions == 0)
        {
            return;
        }
        Transact(() =>
        {
            Insert(batch);
            if (deletions > 0 && !TryDelete(deletions))
            {
                // The appends must not fail for the tidying: they go alone, and the merged entries stay in the file
                // (the next compaction merges them again).
                _database.Rollback();
                ForgetMerged();
                deletions = 0;
                _database.BeginTrans();
                Insert(batch);
            }
        });
        for (var i = 0; i < deletions; i++)
        {
            _mergedIds.Remove(_merged.Dequeue());
        }
    }

    // One LiteDB transaction, rolled back if it fails, then the checkpoint that syncs it. Called under _gate.
    private void Transact(Action write)
    {
        _database.BeginTrans();
        try
        {
            write();
            _database.Commit();
        }
        catch
        {
            _database.Rollback();
            throw;
        }
        _database.Checkpoint();
    }

    private void Insert(List<PendingAppend> batch)
    {
        foreach (var pending in batch)
        {
            foreach (var update in pending.Updates ?? [pending.Update!])
            {
                _updates.Insert(NewEntry(pending.Document, update));
            }
            if (pending.NegotiationJson is { } json)
            {
                _negotiation.Upsert(NegotiationEntry(json));
            }
        }
    }

    private bool TryDelete(int deletions)
    {
        try
        {
            foreach (var id in _merged.Take(deletions))
            {
                _updates.Delete(id);
            }
            return true;
        }
        catch (LiteException)
        {
            return false;
        }
    }

    private void NoteCommitTime(TimeSpan elapsed)
    {
        if (elapsed < SlowCommit)
        {
            return;
        }
        _slowCommits++;
        _slowestCommit = elapsed > _slowestCommit ? elapsed : _slowestCommit;
        var now = Stopwatch.GetTimestamp();
        if (_lastSlowCommitReport != 0 && Stopwatch.GetElapsedTime(_lastSlowCommitReport, now) < SlowCommitReportInterval)
        {
            return;
        }
        _logger.LogWarning(
            "{Count} commit(s) of updates took over {Threshold} ms since the last report, the slowest {Slowest:F0} ms (usually the disk's sync): the updates waiting for them were broadcast that much later",
            _slowCommits, SlowCommit.TotalMilliseconds, _slowestCommit.TotalMilliseconds);
        _lastSlowCommitReport = now;
        _slowCommits = 0;
        _slowestCommit = TimeSpan.Zero;
    }

    // Stops deleting the merged entries left: they are read again, and the next compaction merges them.
    private void ForgetMerged()
    {
        _merged.Clear();
        _mergedIds.Clear();
    }

    private sealed record PendingAppend(DocumentId Document, byte[]? Update, string? NegotiationJson, TaskCompletionSource Done)
    {
        /// <summary>Not an append: asks the writer for a commit that deletes merged entries.</summary>
        public static readonly PendingAppend Tidy = new(default, null, null, new TaskCompletionSource());

        public IReadOnlyList<byte[]>? Updates { get; init; }
    }
}
