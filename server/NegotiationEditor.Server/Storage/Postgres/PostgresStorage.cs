using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using Npgsql;
using NpgsqlTypes;

namespace NegotiationEditor.Server.Storage.Postgres;

/// <summary>
/// PostgreSQL behind <see cref="IDocumentUpdateLog"/> and <see cref="INegotiationStore"/>, shared safely by several
/// server nodes. The update log is append-only (one row per update, ids from a sequence); compaction locks the rows
/// it read, folds them into the last of them and deletes only the others by id, so an update appended meanwhile is
/// never lost. The negotiation (with its amendments and revisions) is one JSON row, as in the LiteDB file.
/// </summary>
public sealed class PostgresStorage : IDocumentUpdateLog, ISharedNegotiationStore, IDisposable
{
    private const string NegotiationKey = "current";

    // Any fixed number: the schema lock that keeps two nodes starting together from creating the tables twice.
    private const long SchemaLock = 0x4E45474F54494154;

    // Held by a transaction that changes the negotiation: one node's command at a time, on the latest state.
    private const long NegotiationLock = 0x4E45474F54494155;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with <paramref name="connectionString"/> and creates the tables when they are missing.</summary>
    /// <exception cref="IOException">The database cannot be reached or the tables cannot be created.</exception>
    public PostgresStorage(string connectionString)
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

        Guarded("create the tables", () =>
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLock})");
            Execute(connection, transaction, """
                CREATE TABLE IF NOT EXISTS document_updates (
                    id bigserial PRIMARY KEY,
                    document text NOT NULL,
                    bytes bytea NOT NULL);
                CREATE INDEX IF NOT EXISTS document_updates_by_document ON document_updates (document, id);
                CREATE TABLE IF NOT EXISTS negotiation (
                    key text PRIMARY KEY,
                    json text NOT NULL);
                """);
            transaction.Commit();
            return 0;
        });
    }

    /// <inheritdoc />
    public async Task AppendAsync(DocumentId document, byte[] update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        try
        {
            await using var command = _dataSource.CreateCommand("INSERT INTO document_updates (document, bytes) VALUES ($1, $2)");
            command.Parameters.Add(new NpgsqlParameter { Value = document.ToString() });
            command.Parameters.Add(new NpgsqlParameter { Value = update, NpgsqlDbType = NpgsqlDbType.Bytea });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw new IOException($"an update to document {document} could not be stored in PostgreSQL: {exception.Message}", exception);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<byte[]> Read(DocumentId document) => Guarded($"read document {document}", () =>
    {
        using var command = _dataSource.CreateCommand("SELECT bytes FROM document_updates WHERE document = $1 ORDER BY id");
        command.Parameters.Add(new NpgsqlParameter { Value = document.ToString() });
        using var reader = command.ExecuteReader();
        var updates = new List<byte[]>();
        while (reader.Read())
        {
            updates.Add(reader.GetFieldValue<byte[]>(0));
        }
        return updates;
    });

    /// <inheritdoc />
    public CompactionResult Compact(DocumentId document, Func<IReadOnlyList<byte[]>, byte[]> merge)
    {
        ArgumentNullException.ThrowIfNull(merge);
        return Guarded($"compact document {document}", () =>
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            var ids = new List<long>();
            var updates = new List<byte[]>();
            using (var select = new NpgsqlCommand("SELECT id, bytes FROM document_updates WHERE document = $1 ORDER BY id FOR UPDATE", connection, transaction))
            {
                select.Parameters.Add(new NpgsqlParameter { Value = document.ToString() });
                using var reader = select.ExecuteReader();
                while (reader.Read())
                {
                    ids.Add(reader.GetInt64(0));
                    updates.Add(reader.GetFieldValue<byte[]>(1));
                }
            }

            if (updates.Count < 2)
            {
                transaction.Commit();
                return new CompactionResult(0, updates.Sum(update => (long)update.Length));
            }

            var merged = merge(updates);
            using (var keep = new NpgsqlCommand("UPDATE document_updates SET bytes = $1 WHERE id = $2", connection, transaction))
            {
                keep.Parameters.Add(new NpgsqlParameter { Value = merged, NpgsqlDbType = NpgsqlDbType.Bytea });
                keep.Parameters.Add(new NpgsqlParameter { Value = ids[^1] });
                keep.ExecuteNonQuery();
            }
            using (var delete = new NpgsqlCommand("DELETE FROM document_updates WHERE id = ANY($1)", connection, transaction))
            {
                delete.Parameters.Add(new NpgsqlParameter { Value = ids[..^1].ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
                delete.ExecuteNonQuery();
            }
            long stored;
            using (var size = new NpgsqlCommand("SELECT COALESCE(SUM(length(bytes)), 0)::bigint FROM document_updates WHERE document = $1", connection, transaction))
            {
                size.Parameters.Add(new NpgsqlParameter { Value = document.ToString() });
                stored = (long)size.ExecuteScalar()!;
            }
            transaction.Commit();
            return new CompactionResult(updates.Count, stored);
        });
    }

    /// <inheritdoc />
    public NegotiationState? Load() => Guarded("load the negotiation", () =>
    {
        using var command = _dataSource.CreateCommand("SELECT json FROM negotiation WHERE key = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = NegotiationKey });
        return command.ExecuteScalar() is string json ? NegotiationJson.Read(json) : null;
    });

    /// <inheritdoc />
    public void Save(NegotiationState negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var json = NegotiationJson.Write(negotiation);
        Guarded("save the negotiation", () =>
        {
            using var command = _dataSource.CreateCommand(
                "INSERT INTO negotiation (key, json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json = EXCLUDED.json");
            command.Parameters.Add(new NpgsqlParameter { Value = NegotiationKey });
            command.Parameters.Add(new NpgsqlParameter { Value = json });
            return command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    public NegotiationState? Change(Func<NegotiationState?, NegotiationState?> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Guarded("change the negotiation", () =>
        {
            using var connection = _dataSource.OpenConnection();
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({NegotiationLock})");
            NegotiationState? stored;
            using (var select = new NpgsqlCommand("SELECT json FROM negotiation WHERE key = $1", connection, transaction))
            {
                select.Parameters.Add(new NpgsqlParameter { Value = NegotiationKey });
                stored = select.ExecuteScalar() is string json ? NegotiationJson.Read(json) : null;
            }
            var next = change(stored);
            if (next is not null)
            {
                using var upsert = new NpgsqlCommand(
                    "INSERT INTO negotiation (key, json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json = EXCLUDED.json", connection, transaction);
                upsert.Parameters.Add(new NpgsqlParameter { Value = NegotiationKey });
                upsert.Parameters.Add(new NpgsqlParameter { Value = NegotiationJson.Write(next) });
                upsert.ExecuteNonQuery();
            }
            transaction.Commit();
            return next ?? stored;
        });
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _dataSource.Dispose();

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    // The rest of the server knows storage failures as IOException (as with the LiteDB file), never Npgsql's types.
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
