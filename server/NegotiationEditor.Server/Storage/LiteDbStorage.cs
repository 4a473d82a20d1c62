using System.Threading.Channels;
using LiteDB;
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

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _updates;
    private readonly ILiteCollection<BsonDocument> _negotiation;
    private readonly Lock _gate = new();
    private readonly Channel<PendingAppend> _appends = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>Opens (or creates) the database file in <paramref name="dataDirectory"/>.</summary>
    public LiteDbStorage(string dataDirectory)
    {
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
    /// The merge, the long part, runs outside the file's lock, so appends and their commits go on meanwhile; then, in
    /// one transaction, the oldest of the entries read takes the merged state and the others are deleted. Updates
    /// appended during the merge are newer entries and stay as they are.
    /// </remarks>
    public CompactionResult Compact(DocumentId document, Func<IReadOnlyList<byte[]>, byte[]> merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        List<BsonDocument> entries;
        lock (_gate)
        {
            entries = ReadEntries(document);
        }
        if (entries.Count < 2)
        {
            return new CompactionResult(0, entries.Sum(entry => (long)entry["bytes"].AsBinary.Length));
        }

        var merged = merge(entries.Select(entry => entry["bytes"].AsBinary).ToList());
        var oldest = entries[0];
        var newestMerged = entries[^1]["_id"].AsInt64;
        lock (_gate)
        {
            _database.BeginTrans();
            try
            {
                oldest["bytes"] = merged;
                _updates.Update(oldest);
                _updates.DeleteMany(Query.And(
                    Query.EQ("document", document.ToString()),
                    Query.GT("_id", oldest["_id"].AsInt64),
                    Query.LTE("_id", newestMerged)));
                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
            _database.Checkpoint();
            return new CompactionResult(entries.Count, ReadEntries(document).Sum(entry => (long)entry["bytes"].AsBinary.Length));
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

    /// <summary>Finishes the pending appends and closes the file.</summary>
    public void Dispose()
    {
        _appends.Writer.TryComplete();
        _writer.GetAwaiter().GetResult();
        _database.Dispose();
    }

    private List<BsonDocument> ReadEntries(DocumentId document) =>
        _updates.Find(Query.EQ("document", document.ToString())).OrderBy(entry => entry["_id"].AsInt64).ToList();

    private static BsonDocument NegotiationEntry(string json) => new() { ["_id"] = NegotiationKey, ["json"] = json };

    private static BsonDocument NewEntry(DocumentId document, byte[] update) =>
        new() { ["document"] = document.ToString(), ["bytes"] = update };

    private async Task WriteAppendsAsync()
    {
        var batch = new List<PendingAppend>();
        while (await _appends.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < 512 && _appends.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                lock (_gate)
                {
                    _database.BeginTrans();
                    try
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
                        _database.Commit();
                    }
                    catch
                    {
                        _database.Rollback();
                        throw;
                    }
                    _database.Checkpoint();
                }
                foreach (var pending in batch)
                {
                    pending.Done.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(exception);
                }
            }
        }
    }

    private sealed record PendingAppend(DocumentId Document, byte[]? Update, string? NegotiationJson, TaskCompletionSource Done)
    {
        public IReadOnlyList<byte[]>? Updates { get; init; }
    }
}
