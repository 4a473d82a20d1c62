using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using Npgsql;
using NpgsqlTypes;

namespace NegotiationEditor.Server.Storage.Postgres;

/// <summary>
/// The edit history in PostgreSQL (table <c>document_history</c>), written by every node for the updates its own
/// clients and workflow made; a record is extended only by the node that added it. Times are UTC ticks. Failures
/// surface as <see cref="IOException"/>, as for the rest of the storage.
/// </summary>
public sealed class PostgresDocumentHistory : IDocumentHistory, IDisposable
{
    // Any fixed number, other than the update log's: two nodes starting together create the table once.
    private const long SchemaLock = 0x4E45474F54484953;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with <paramref name="connectionString"/> and creates the table when it is missing.</summary>
    /// <exception cref="IOException">The database cannot be reached or the table cannot be created.</exception>
    public PostgresDocumentHistory(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        try
        {
            _dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException exception)
        {
            throw new ArgumentException($"the PostgreSQL connection string is not valid: {exception.Message}", nameof(connectionString), exception);
        }

        Guarded("create the history table", () =>
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock})", connection, transaction))
            {
                lockCommand.ExecuteNonQuery();
            }
            using (var create = new NpgsqlCommand("""
                CREATE TABLE IF NOT EXISTS document_history (
                    id bigserial PRIMARY KEY,
                    document text NOT NULL,
                    first_ticks bigint NOT NULL,
                    last_ticks bigint NOT NULL,
                    author text NULL,
                    bytes bytea NOT NULL);
                CREATE INDEX IF NOT EXISTS document_history_by_document ON document_history (document, first_ticks, id);
                """, connection, transaction))
            {
                create.ExecuteNonQuery();
            }
            transaction.Commit();
            return 0;
        });
    }

    /// <inheritdoc />
    public async Task<long> AddAsync(EditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await using var command = _dataSource.CreateCommand(
                "INSERT INTO document_history (document, first_ticks, last_ticks, author, bytes) VALUES ($1, $2, $3, $4, $5) RETURNING id");
            command.Parameters.Add(new NpgsqlParameter { Value = record.Document.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = record.First.UtcTicks });
            command.Parameters.Add(new NpgsqlParameter { Value = record.Last.UtcTicks });
            command.Parameters.Add(new NpgsqlParameter { Value = record.Author is { } author ? author.ToString() : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            command.Parameters.Add(new NpgsqlParameter { Value = record.Update, NpgsqlDbType = NpgsqlDbType.Bytea });
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }
        catch (NpgsqlException exception)
        {
            throw new IOException($"PostgreSQL: could not add to the history of document {record.Document}: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public async Task ExtendAsync(long id, DateTimeOffset last, byte[] update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        int changed;
        try
        {
            await using var command = _dataSource.CreateCommand("UPDATE document_history SET last_ticks = $1, bytes = $2 WHERE id = $3");
            command.Parameters.Add(new NpgsqlParameter { Value = last.UtcTicks });
            command.Parameters.Add(new NpgsqlParameter { Value = update, NpgsqlDbType = NpgsqlDbType.Bytea });
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw new IOException($"PostgreSQL: could not extend edit record {id}: {exception.Message}", exception);
        }

        if (changed == 0)
        {
            throw new KeyNotFoundException($"there is no edit record {id}");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<EditRecord> Read(DocumentId document, DateTimeOffset? until = null) => Guarded($"read the history of document {document}", () =>
    {
        using var command = _dataSource.CreateCommand(
            "SELECT first_ticks, last_ticks, author, bytes FROM document_history WHERE document = $1 AND last_ticks <= $2 ORDER BY first_ticks, id");
        command.Parameters.Add(new NpgsqlParameter { Value = document.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = until?.UtcTicks ?? long.MaxValue });
        using var reader = command.ExecuteReader();
        var records = new List<EditRecord>();
        while (reader.Read())
        {
            var author = reader.IsDBNull(2) ? null : reader.GetString(2);
            records.Add(new EditRecord(
                document,
                new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
                new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
                ParticipantId.TryParse(author, out var id) ? id : null,
                reader.GetFieldValue<byte[]>(3)));
        }
        return records;
    });

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private static T Guarded<T>(string what, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (NpgsqlException exception)
        {
            throw new IOException($"PostgreSQL: could not {what}: {exception.Message}", exception);
        }
    }
}
