using System.Collections.Immutable;
using Microsoft.Extensions.Options;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// The open documents. A document is loaded on first use and stays while someone holds it (a connection, or a
/// server-side change in progress); once nobody has held it for <see cref="CollaborationOptions.UnloadWhenIdleFor"/>
/// it is compacted and unloaded. <see cref="Maintain"/> also compacts busy documents.
/// </summary>
public sealed class DocumentRooms : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<DocumentId, DocumentRoom> _rooms = [];
    private readonly ImmutableArray<RoomHook> _hooks;
    private readonly CollaborationOptions _options;
    private readonly IGroupFanOut _groupFanOut;
    private readonly SendingLanes _lanes;
    private readonly IDocumentUpdateLog _log;
    private readonly TimeProvider _time;
    private readonly LiveNegotiation _negotiation;
    private readonly ILogger<DocumentRoom> _logger;

    /// <summary>Creates the registry with the hooks in the order they were registered.</summary>
    public DocumentRooms(
        IEnumerable<RoomHook> hooks,
        IOptions<CollaborationOptions> options,
        IGroupFanOut groupFanOut,
        SendingLanes lanes,
        IDocumentUpdateLog log,
        TimeProvider time,
        LiveNegotiation negotiation,
        ILogger<DocumentRoom> logger)
    {
        _hooks = [.. hooks];
        _options = options.Value;
        _groupFanOut = groupFanOut;
        _lanes = lanes;
        _log = log;
        _time = time;
        _negotiation = negotiation;
        _logger = logger;
        _negotiation.Changed += CloseRevokedConnections;
    }

    /// <summary>The documents loaded now.</summary>
    public IReadOnlyList<DocumentRoom> Loaded
    {
        get
        {
            lock (_gate)
            {
                return [.. _rooms.Values];
            }
        }
    }

    /// <summary>Holds the document's room, loading it first if needed; give it back with <see cref="Release"/>.</summary>
    /// <exception cref="KeyNotFoundException">The negotiation has no such document.</exception>
    public async Task<DocumentRoom> AcquireAsync(DocumentId id)
    {
        if (!_negotiation.Exists || _negotiation.Current.FindDocument(id) is null)
        {
            throw new KeyNotFoundException($"there is no document {id} in this negotiation");
        }

        DocumentRoom room;
        lock (_gate)
        {
            if (!_rooms.TryGetValue(id, out room!))
            {
                room = new DocumentRoom(id, _hooks, _options, _groupFanOut, _lanes, _logger);
                _rooms[id] = room;
            }
            room.Leases++;
        }

        try
        {
            await room.Loaded.ConfigureAwait(false);
        }
        catch
        {
            lock (_gate)
            {
                room.Leases--;
                if (_rooms.TryGetValue(id, out var current) && ReferenceEquals(current, room))
                {
                    _rooms.Remove(id);
                }
            }
            throw;
        }
        return room;
    }

    /// <summary>Gives back a room held by <see cref="AcquireAsync"/>.</summary>
    public void Release(DocumentRoom room)
    {
        ArgumentNullException.ThrowIfNull(room);
        lock (_gate)
        {
            room.Leases--;
            if (room.Leases == 0)
            {
                room.IdleSince = _time.GetUtcNow();
            }
        }
    }

    /// <summary>Changes a document's text on the server's behalf (see <see cref="DocumentRoom.ChangeAsync"/>).</summary>
    public async Task<byte[]> ChangeAsync(DocumentId id, Action<YDoc> change)
    {
        var room = await AcquireAsync(id).ConfigureAwait(false);
        try
        {
            return await room.ChangeAsync(change).ConfigureAwait(false);
        }
        finally
        {
            Release(room);
        }
    }

    /// <summary>Changes a document on the server's behalf, deciding on a copy (see <see cref="DocumentRoom.ChangeAsync{T}"/>).</summary>
    public async Task<T> ChangeAsync<T>(DocumentId id, Func<ServerChange, T> change)
    {
        var room = await AcquireAsync(id).ConfigureAwait(false);
        try
        {
            return await room.ChangeAsync(change).ConfigureAwait(false);
        }
        finally
        {
            Release(room);
        }
    }

    /// <summary>Reads a document (loading it if needed).</summary>
    public async Task<T> ReadAsync<T>(DocumentId id, Func<YDoc, T> read)
    {
        var room = await AcquireAsync(id).ConfigureAwait(false);
        try
        {
            return room.Read(read);
        }
        finally
        {
            Release(room);
        }
    }

    /// <summary>Reads a document (loading it if needed) between client updates (see <see cref="DocumentRoom.ReadBetweenUpdatesAsync"/>).</summary>
    public async Task<T> ReadBetweenUpdatesAsync<T>(DocumentId id, Func<YDoc, T> read)
    {
        var room = await AcquireAsync(id).ConfigureAwait(false);
        try
        {
            return await room.ReadBetweenUpdatesAsync(read).ConfigureAwait(false);
        }
        finally
        {
            Release(room);
        }
    }

    /// <summary>Compacts the documents that stored many updates, and compacts and unloads the idle ones.</summary>
    public void Maintain()
    {
        var now = _time.GetUtcNow();
        List<DocumentRoom> unloaded = [], busy = [];
        lock (_gate)
        {
            foreach (var room in _rooms.Values)
            {
                if (room.Leases == 0 && now - room.IdleSince >= _options.UnloadWhenIdleFor)
                {
                    unloaded.Add(room);
                }
                else if (room.UpdatesSinceCompaction >= _options.CompactAfterUpdates)
                {
                    busy.Add(room);
                }
            }
            foreach (var room in unloaded)
            {
                _rooms.Remove(room.Id);
            }
        }

        foreach (var room in unloaded.Concat(busy))
        {
            Compact(room);
        }
    }

    /// <summary>Merges a document's stored updates into one (the compacted state).</summary>
    public void Compact(DocumentRoom room)
    {
        ArgumentNullException.ThrowIfNull(room);
        try
        {
            var started = _time.GetTimestamp();
            var result = _log.Compact(room.Id, updates => Y.MergeUpdates(updates));
            room.Compacted(result.StoredBytes);
            if (result.MergedUpdates > 0)
            {
                _logger.LogInformation("Document {Document}: {Merged} stored updates merged in {Milliseconds:F1} ms, {Bytes} bytes stored",
                    room.IdText, result.MergedUpdates, _time.GetElapsedTime(started).TotalMilliseconds, result.StoredBytes);
            }
        }
        catch (Exception exception) when (exception is CrdtFormatException or IOException or LiteDB.LiteException)
        {
            _logger.LogError(exception, "Document {Document} could not be compacted; its updates stay as they are", room.IdText);
        }
    }

    /// <summary>Closes every connection.</summary>
    public void Dispose()
    {
        _negotiation.Changed -= CloseRevokedConnections;
        foreach (var room in Loaded)
        {
            room.CloseAll("the server is stopping");
        }
    }

    private static async Task CloseWithReasonAsync(RoomConnection connection, string reason)
    {
        try
        {
            await connection.DeliverAsync(DocumentRoom.PermissionDenied(reason)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or OperationCanceledException)
        {
            // Closing anyway.
        }
        connection.Close(reason);
    }

    private void CloseRevokedConnections(NegotiationState state)
    {
        foreach (var room in Loaded)
        {
            foreach (var connection in room.Connections)
            {
                var participant = state.Authenticate(connection.Token);
                if (!participant.Succeeded)
                {
                    _ = CloseWithReasonAsync(connection, participant.Refusal!.Message);
                }
            }
        }
    }
}
