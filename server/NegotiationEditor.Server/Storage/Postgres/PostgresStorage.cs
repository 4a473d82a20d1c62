using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using Npgsql;
using NpgsqlTypes;

namespace NegotiationEditor.Server.Storage.Postgres;

/// <summary>
/// PostgreSQL behind <see cref="IDocumentUpdateLog"/> and <see cref="INegotiationStore"/>, shared safely by several
/// server nodes. The update log is append-only (one row per update, ids from a sequence); compaction locks the rows
/// it read, folds them into the last of them and deletes only the others by id, so an update appended meanwhile is
/// never lost. The negotiation (with its amendments and revisions) is one JSON row, as in the LiteDB file. A text
/// stored with the negotiation state it brings about (an accepted amendment, a tabled document) is one transaction:
/// the update's row and the negotiation's row are committed together or not at all, under the negotiation's lock.
/// </summary>
public sealed class PostgresStorage : IDocumentUpdateLog, ISharedNegotiationStore, IDisposable
{
    private const string NegotiationKey = "current";

    // Any fixed number: the schema lock that keeps two nodes starting together from creating the tables twice.
    private const long SchemaLock = 0x4E45474F54494154;

    // Held by a transaction that changes the negotiation: one node's command at a time, on the latest state.
    private const long NegotiationLock = 0x4E45474F54494155;

    private const string UpsertNegotiation =
        "INSERT INTO negotiation (key, json) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET json = EXCLUDED.json";

    private readonly NpgsqlDataSource _dataSource;

    // The change of the negotiation running on this flow (see Change), if any: a text stored with its state from
    // inside it goes into that change's transaction, which already holds the negotiation's lock.
    private readonly AsyncLocal<OpenChange?> _openChange = new();

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
    /// <remarks>
    /// The update's row and the negotiation's row are written in one transaction that holds the negotiation's lock.
    /// Called from inside <see cref="Change"/> (the command that decided the change stores its text), it is that
    /// change's transaction, committed here: <paramref name="negotiationAfter"/> must then be what the command returns,
    /// and a command stores at most one text this way. Otherwise the append takes the lock in a transaction of its own
    /// (the caller vouches that <paramref name="negotiationAfter"/> follows the latest stored state).
    /// </remarks>
    public async Task AppendAsync(DocumentId document, byte[] update, NegotiationState negotiationAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(negotiationAfter);
        var json = NegotiationJson.Write(negotiationAfter);
        try
        {
            if (_openChange.Value is { Running: true } open)
            {
                if (open.Committed is not null)
                {
                    throw new InvalidOperationException("a change of the negotiation stores at most one text with its state");
                }
                await InsertUpdateAndStateAsync(open.Connection, open.Transaction, document, update, json, cancellationToken).ConfigureAwait(false);
                await open.Transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                open.Committed = negotiationAfter;
                return;
            }

            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var locking = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({NegotiationLock})", connection, transaction))
            {
                await locking.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            await InsertUpdateAndStateAsync(connection, transaction, document, update, json, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception)
        {
            throw new IOException(
                $"an update to document {document} and the negotiation with it could not be stored in PostgreSQL: {exception.Message}", exception);
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
            using var command = _dataSource.CreateCommand(UpsertNegotiation);
            command.Parameters.Add(new NpgsqlParameter { Value = NegotiationKey });
            command.Parameters.Add(new NpgsqlParameter { Value = json });
            return command.ExecuteNonQuery();
        });
    }

    /// <inheritdoc />
    /// <remarks>
    /// <paramref name="change"/> may store a text together with the state it returns, through
    /// <see cref="AppendAsync(DocumentId, byte[], NegotiationState, CancellationToken)"/> on this storage: that commits
    /// the update and the state in this change's transaction, and nothing more is written afterwards.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The change stored a text with one state and returned another.</exception>
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

            var open = new OpenChange(connection, transaction);
            _openChange.Value = open;
            NegotiationState? next;
            try
            {
                next = change(stored);
            }
            finally
            {
                open.Running = false;
                _openChange.Value = null;
            }

            if (open.Committed is { } committed)
            {
                // The text and this state are stored already, and the lock is gone with that transaction.
                return next is null || ReferenceEquals(next, committed)
                    ? committed
                    : throw new InvalidOperationException("a change that stored its text with a state must return that state");
            }
            if (next is not null)
            {
                using var upsert = new NpgsqlCommand(UpsertNegotiation, connection, transaction);
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

    private static async Task InsertUpdateAndStateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, DocumentId document, byte[] update, string json, CancellationToken cancellationToken)
    {
        await using (var insert = new NpgsqlCommand("INSERT INTO document_updates (document, bytes) VALUES ($1, $2)", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = document.ToString() });
            insert.Parameters.Add(new NpgsqlParameter { Value = update, NpgsqlDbType = NpgsqlDbType.Bytea });
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        await using var upsert = new NpgsqlCommand(UpsertNegotiation, connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = NegotiationKey });
        upsert.Parameters.Add(new NpgsqlParameter { Value = json });
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

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

    private sealed class OpenChange(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        public NpgsqlConnection Connection => connection;

        public NpgsqlTransaction Transaction => transaction;

        // False once Change has moved on: a flow that kept a copy of the ambient value (a task started meanwhile) must
        // not write into a transaction that is over.
        public bool Running { get; set; } = true;

        public NegotiationState? Committed { get; set; }
    }
}
