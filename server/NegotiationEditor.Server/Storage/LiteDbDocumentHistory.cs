using LiteDB;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Server.Storage;

/// <summary>
/// The edit history in its own LiteDB file beside the negotiation's (<c>DATA/history.db</c>), so the update log's
/// compaction never touches it. Times are stored as UTC ticks (LiteDB's dates keep only milliseconds). A record lost
/// to a killed process is learnt again from the update log when the document is next loaded (see HistoryHook).
/// </summary>
public sealed class LiteDbDocumentHistory : IDocumentHistory, IDisposable
{
    /// <summary>The file name inside the data folder.</summary>
    public const string FileName = "history.db";

    private const string Collection = "edits";

    private readonly LiteDatabase _database;
    private readonly ILiteCollection<BsonDocument> _edits;
    private readonly Lock _gate = new();

    /// <summary>Opens (or creates) the history file in <paramref name="dataDirectory"/>.</summary>
    public LiteDbDocumentHistory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.GetFullPath(System.IO.Path.Combine(dataDirectory, FileName));
        _database = new LiteDatabase(new ConnectionString { Filename = Path, Connection = ConnectionType.Direct });
        _edits = _database.GetCollection(Collection, BsonAutoId.Int64);
        _edits.EnsureIndex("document");
    }

    /// <summary>The history file.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public Task<long> AddAsync(EditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var id = _edits.Insert(new BsonDocument
            {
                ["document"] = record.Document.ToString(),
                ["first"] = record.First.UtcTicks,
                ["last"] = record.Last.UtcTicks,
                ["author"] = record.Author is { } author ? author.ToString() : BsonValue.Null,
                ["bytes"] = record.Update,
            });
            return Task.FromResult(id.AsInt64);
        }
    }

    /// <inheritdoc />
    public Task ExtendAsync(long id, DateTimeOffset last, byte[] update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            var stored = _edits.FindById(id) ?? throw new KeyNotFoundException($"there is no edit record {id}");
            stored["last"] = last.UtcTicks;
            stored["bytes"] = update;
            _edits.Update(stored);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public IReadOnlyList<EditRecord> Read(DocumentId document, DateTimeOffset? until = null)
    {
        var limit = until?.UtcTicks ?? long.MaxValue;
        lock (_gate)
        {
            return _edits.Find(Query.EQ("document", document.ToString()))
                .Where(entry => entry["last"].AsInt64 <= limit)
                .OrderBy(entry => entry["first"].AsInt64)
                .ThenBy(entry => entry["_id"].AsInt64)
                .Select(entry => new EditRecord(
                    document,
                    new DateTimeOffset(entry["first"].AsInt64, TimeSpan.Zero),
                    new DateTimeOffset(entry["last"].AsInt64, TimeSpan.Zero),
                    ParticipantId.TryParse(entry["author"].IsNull ? null : entry["author"].AsString, out var author) ? author : null,
                    entry["bytes"].AsBinary))
                .ToList();
        }
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _database.Dispose();
}
