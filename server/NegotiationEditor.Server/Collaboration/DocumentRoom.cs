using System.Collections.Immutable;
using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// One open document: its <see cref="YDoc"/>, the awareness states of its clients and its connections. Frames are
/// handled under the room's lock only while the document or the awareness is read or changed; storing and sending
/// happen outside it. Every frame sent to several connections is encoded once and the same bytes go to each.
/// </summary>
public sealed class DocumentRoom
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _writeTurn = new(1, 1);
    private readonly ImmutableArray<RoomHook> _hooks;
    private readonly CollaborationOptions _options;
    private readonly IGroupFanOut _groupFanOut;
    private readonly ILogger _logger;
    private readonly YDoc _document;
    private readonly Awareness _awareness;
    private readonly Dictionary<RoomConnection, HashSet<ulong>> _awarenessClients = [];
    private ImmutableArray<RoomConnection> _connections = [];
    private int _groupMembers;
    private long _storedBytes;
    private int _updatesSinceCompaction;
    private readonly List<byte[]> _applied = [];

    internal DocumentRoom(DocumentId id, ImmutableArray<RoomHook> hooks, CollaborationOptions options, IGroupFanOut groupFanOut, ILogger logger)
    {
        Id = id;
        IdText = id.ToString();
        _hooks = hooks;
        _options = options;
        _groupFanOut = groupFanOut;
        _logger = logger;
        // Revisions keep CRDT snapshots, which need deleted content: the live document never garbage-collects.
        _document = new YDoc(new YDocOptions { Gc = false });
        _document.Updated += (_, args) => _applied.Add(args.Update);
        _awareness = new Awareness(_document.ClientId);
        _awareness.SetLocalState(null);
        Loaded = LoadAsync();
    }

    /// <summary>The document's id.</summary>
    public DocumentId Id { get; }

    /// <summary>The document's id as text, as it appears in frames' envelopes and group names.</summary>
    public string IdText { get; }

    /// <summary>The connections now in the room.</summary>
    public ImmutableArray<RoomConnection> Connections => _connections;

    /// <summary>The stored size of the document, in bytes (compacted state plus the updates since).</summary>
    public long StoredBytes => Interlocked.Read(ref _storedBytes);

    /// <summary>How many updates were stored since the last compaction.</summary>
    public int UpdatesSinceCompaction => Volatile.Read(ref _updatesSinceCompaction);

    internal Task Loaded { get; }

    internal int Leases { get; set; }

    internal DateTimeOffset IdleSince { get; set; }

    /// <summary>Adds to the stored size (the load hook reports what it read).</summary>
    public void CountStored(long bytes) => Interlocked.Add(ref _storedBytes, bytes);

    internal void Compacted(long storedBytes)
    {
        Interlocked.Exchange(ref _storedBytes, storedBytes);
        Interlocked.Exchange(ref _updatesSinceCompaction, 0);
    }

    /// <summary>Reads the document under the room's lock.</summary>
    public T Read<T>(Func<YDoc, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(_document);
        }
    }

    /// <summary>
    /// Reads the document under the room's lock in the room's write turn: no client update is between its hooks'
    /// decision and its application meanwhile. A decision that changes who may write (an adoption) reads here.
    /// </summary>
    public async Task<T> ReadBetweenUpdatesAsync<T>(Func<YDoc, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await _writeTurn.WaitAsync().ConfigureAwait(false);
        try
        {
            return Read(read);
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    /// <summary>
    /// Lets the authenticate hooks decide, then adds the connection and sends it the room's sync step 1, its
    /// whole state as sync step 2 and, when there are any, the awareness states. Returns the refusal or null.
    /// </summary>
    public async Task<string?> JoinAsync(RoomConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var hook in _hooks)
        {
            if (hook.OnAuthenticate(this, connection) is { } refusal)
            {
                return refusal;
            }
        }

        byte[] stepOne, stepTwo;
        byte[]? awareness = null;
        lock (_gate)
        {
            stepOne = SyncFrame(SyncMessage.SyncStep1(Y.EncodeStateVector(_document)));
            stepTwo = SyncFrame(SyncMessage.SyncStep2(Y.EncodeStateAsUpdate(_document)));
            if (_awareness.States.Count > 0)
            {
                awareness = new WebsocketAwarenessMessage(_awareness.EncodeUpdate(_awareness.States.Keys)).ToArray();
            }
            _connections = _connections.Add(connection);
            _awarenessClients[connection] = [];
            if (connection.ReceivesGroupBroadcasts)
            {
                _groupMembers++;
            }
        }

        await connection.DeliverAsync(stepOne).ConfigureAwait(false);
        await connection.DeliverAsync(stepTwo).ConfigureAwait(false);
        if (awareness is not null)
        {
            await connection.DeliverAsync(awareness).ConfigureAwait(false);
        }
        return null;
    }

    /// <summary>Handles one y-websocket frame sent by a connection of this room.</summary>
    public async Task ReceiveAsync(RoomConnection connection, byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(frame);
        if (frame.Length > _options.MaxFrameBytes)
        {
            await FaultAsync(connection, $"frame too large: {frame.Length} bytes, the limit is {_options.MaxFrameBytes}").ConfigureAwait(false);
            return;
        }

        WebsocketMessage message;
        try
        {
            message = WebsocketMessage.Read(frame);
        }
        catch (CrdtFormatException exception)
        {
            await FaultAsync(connection, $"malformed frame: {exception.Message}").ConfigureAwait(false);
            return;
        }

        switch (message)
        {
            case WebsocketSyncMessage { Sync.Type: SyncMessageType.SyncStep1 } sync:
                await AnswerSyncStepOneAsync(connection, sync.Sync).ConfigureAwait(false);
                break;
            case WebsocketSyncMessage sync:
                await ReceiveUpdateAsync(connection, sync.Sync, frame).ConfigureAwait(false);
                break;
            case WebsocketAwarenessMessage awareness:
                await ReceiveAwarenessAsync(connection, awareness, frame).ConfigureAwait(false);
                break;
            case WebsocketQueryAwarenessMessage:
                byte[]? states = null;
                lock (_gate)
                {
                    if (_awareness.States.Count > 0)
                    {
                        states = new WebsocketAwarenessMessage(_awareness.EncodeUpdate(_awareness.States.Keys)).ToArray();
                    }
                }
                if (states is not null)
                {
                    await connection.DeliverAsync(states).ConfigureAwait(false);
                }
                break;
            default:
                // Auth frames travel only from the server to clients; one sent to the server means nothing.
                break;
        }
    }

    /// <summary>Answers a frame the channel skipped because it was larger than the limit (counted as a fault).</summary>
    public Task RefuseOversizedAsync(RoomConnection connection) =>
        FaultAsync(connection, $"frame too large: the limit is {_options.MaxFrameBytes} bytes");

    /// <summary>
    /// Removes the connection: its awareness states are removed and the removal is sent to the others; then the
    /// disconnect hooks run. Returns false when the connection was not in the room.
    /// </summary>
    public bool Leave(RoomConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        byte[]? removal = null;
        lock (_gate)
        {
            if (!_awarenessClients.Remove(connection, out var clients))
            {
                return false;
            }
            _connections = _connections.Remove(connection);
            if (connection.ReceivesGroupBroadcasts)
            {
                _groupMembers--;
            }
            var present = clients.Where(_awareness.Meta.ContainsKey).ToList();
            if (present.Count > 0)
            {
                _awareness.RemoveStates(present, connection);
                removal = new WebsocketAwarenessMessage(_awareness.EncodeUpdate(present)).ToArray();
            }
        }

        if (removal is not null)
        {
            Broadcast(removal, except: null);
        }
        foreach (var hook in _hooks)
        {
            hook.OnDisconnect(this, connection);
        }
        return true;
    }

    /// <summary>
    /// Changes the document on the server's behalf (an accepted amendment): <paramref name="change"/> runs in one
    /// transaction; the update it produced is stored, then sent to every connection. Returns that update (empty
    /// when nothing changed).
    /// </summary>
    public async Task<byte[]> ChangeAsync(Action<YDoc> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        byte[]? update = null;
        lock (_gate)
        {
            _applied.Clear();
            try
            {
                _document.Transact(_ => change(_document), origin: this);
                if (_applied.Count > 0)
                {
                    update = _applied.Count == 1 ? _applied[0] : Y.MergeUpdates(_applied);
                }
            }
            finally
            {
                _applied.Clear();
            }
        }

        if (update is null)
        {
            return [];
        }
        await StoreAsync(update).ConfigureAwait(false);
        Broadcast(SyncFrame(SyncMessage.Update(update)), except: null);
        return update;
    }

    /// <summary>
    /// Applies a frame that another node broadcast for this document: an update goes into the document and awareness
    /// into the awareness states, neither stored nor relayed again (the other node did both). The frame then goes to
    /// each of this node's connections one by one: a hub client may get it a second time through the SignalR
    /// backplane, which is harmless (updates and awareness apply once), whereas relying on the backplane alone would
    /// lose the frame for good when the other node dies between its relay and its group send.
    /// </summary>
    public async Task ApplyRelayedAsync(byte[] frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        await Loaded.ConfigureAwait(false);
        try
        {
            var message = WebsocketMessage.Read(frame);
            lock (_gate)
            {
                switch (message)
                {
                    case WebsocketSyncMessage { Sync.Type: not SyncMessageType.SyncStep1 } sync:
                        _applied.Clear();
                        try
                        {
                            Y.ApplyUpdate(_document, sync.Sync.Payload.ToArray(), RelayedOrigin);
                        }
                        finally
                        {
                            _applied.Clear();
                        }
                        break;
                    case WebsocketAwarenessMessage awareness:
                        _awareness.ApplyUpdate(awareness.Update.ToArray(), RelayedOrigin);
                        break;
                    default:
                        return;
                }
            }
        }
        catch (CrdtFormatException exception)
        {
            _logger.LogWarning(exception, "Document {Document}: a relayed frame was malformed and is ignored", IdText);
            return;
        }
        Broadcast(frame, except: null, relayed: true);
    }

    /// <summary>The origin of changes relayed from other nodes.</summary>
    public static readonly object RelayedOrigin = new();

    /// <summary>Closes every connection (the document is going away or the server stops).</summary>
    public void CloseAll(string reason)
    {
        foreach (var connection in _connections)
        {
            connection.Close(reason);
        }
    }

    private async Task LoadAsync()
    {
        // Loading touches only the fresh document, before any connection can reach it.
        await Task.Yield();
        foreach (var hook in _hooks)
        {
            await hook.OnLoadAsync(this, _document).ConfigureAwait(false);
        }
    }

    private async Task AnswerSyncStepOneAsync(RoomConnection connection, SyncMessage stepOne)
    {
        byte[] answer;
        try
        {
            var stateVector = stepOne.Payload.ToArray();
            lock (_gate)
            {
                answer = SyncFrame(SyncMessage.SyncStep2(Y.EncodeStateAsUpdate(_document, stateVector)));
            }
        }
        catch (CrdtFormatException exception)
        {
            await FaultAsync(connection, $"malformed state vector: {exception.Message}").ConfigureAwait(false);
            return;
        }
        await connection.DeliverAsync(answer).ConfigureAwait(false);
    }

    private async Task ReceiveUpdateAsync(RoomConnection connection, SyncMessage sync, byte[] frame)
    {
        var update = sync.Payload.ToArray();
        if (sync.Type == SyncMessageType.SyncStep2 && update is [0, 0])
        {
            // The answer of a client that has nothing the room lacks: nothing to apply, nothing to refuse.
            return;
        }

        // The hooks decide, the update is stored and then applied, all in one write turn: a decision taken by the
        // workflow in between (an adoption seals the text) waits for the turn, so it sees the text either before
        // the update was checked or after it was applied, never an update checked against the old state and applied
        // after the new one. Only what was stored is applied: a failed store leaves the document as it was.
        string? refusal = null;
        string? fault = null;
        var notStored = false;
        byte[]? applied = null;
        await _writeTurn.WaitAsync().ConfigureAwait(false);
        try
        {
            foreach (var hook in _hooks)
            {
                if (hook.OnChange(this, connection, update) is { } refused)
                {
                    refusal = refused;
                    break;
                }
            }

            if (refusal is null)
            {
                fault = Malformed(update);
            }

            if (refusal is null && fault is null && update.Length > 2)
            {
                try
                {
                    // The update as received is stored even when nothing will become visible: it may hold structs
                    // that wait for a missing update, and they must survive a restart too.
                    await StoreAsync(update).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.LogError(exception, "An update to document {Document} could not be stored; it was not applied", IdText);
                    notStored = true;
                }
            }

            if (refusal is null && fault is null && !notStored)
            {
                lock (_gate)
                {
                    _applied.Clear();
                    try
                    {
                        Y.ApplyUpdate(_document, update, connection);
                        if (_applied.Count > 0)
                        {
                            // What the document integrated, which includes structs that were waiting for this update.
                            applied = _applied.Count == 1 ? _applied[0] : Y.MergeUpdates(_applied);
                        }
                    }
                    finally
                    {
                        _applied.Clear();
                    }
                }
            }
        }
        finally
        {
            _writeTurn.Release();
        }

        if (refusal is not null)
        {
            await connection.DeliverAsync(PermissionDenied(refusal)).ConfigureAwait(false);
            return;
        }

        if (fault is not null)
        {
            await FaultAsync(connection, fault).ConfigureAwait(false);
            return;
        }

        if (notStored)
        {
            await connection.DeliverAsync(PermissionDenied("the server could not store your change; reload the document")).ConfigureAwait(false);
            return;
        }

        if (applied is not null)
        {
            // When the document integrated exactly what was sent, the sender needs nothing back and the received
            // frame goes out as it is. Otherwise the integrated update may hold others' structs that were waiting,
            // which the sender lacks too: then everyone gets it, as the reference server does.
            if (sync.Type == SyncMessageType.Update && applied.AsSpan().SequenceEqual(update))
            {
                Broadcast(frame, except: connection);
            }
            else
            {
                Broadcast(SyncFrame(SyncMessage.Update(applied)), except: null);
            }
        }
    }

    // Decoding is the only step of applying an update that can find it malformed: an update that decodes is stored and
    // then applied without a format error.
    private static string? Malformed(byte[] update)
    {
        try
        {
            _ = Y.MergeUpdates([update]);
            return null;
        }
        catch (CrdtFormatException)
        {
            return "malformed update: the document was not changed";
        }
    }

    private async Task ReceiveAwarenessAsync(RoomConnection connection, WebsocketAwarenessMessage message, byte[] frame)
    {
        try
        {
            var entries = message.ReadEntries();
            lock (_gate)
            {
                _awareness.ApplyUpdate(message.Update.ToArray(), connection);
                if (_awarenessClients.TryGetValue(connection, out var clients))
                {
                    foreach (var entry in entries)
                    {
                        if (entry.StateJson is null)
                        {
                            clients.Remove(entry.ClientId);
                        }
                        else
                        {
                            clients.Add(entry.ClientId);
                        }
                    }
                }
            }
        }
        catch (CrdtFormatException exception)
        {
            await FaultAsync(connection, $"malformed awareness update: {exception.Message}").ConfigureAwait(false);
            return;
        }
        Broadcast(frame, except: connection);
    }

    private async Task StoreAsync(byte[] update)
    {
        foreach (var hook in _hooks)
        {
            await hook.OnStoreAsync(this, update).ConfigureAwait(false);
        }
        Interlocked.Add(ref _storedBytes, update.Length);
        Interlocked.Increment(ref _updatesSinceCompaction);
    }

    private async Task FaultAsync(RoomConnection connection, string reason)
    {
        connection.Faults++;
        _logger.LogInformation("Document {Document}: {Connection} sent a bad frame ({Reason})", IdText, connection, reason);
        await connection.DeliverAsync(PermissionDenied(reason)).ConfigureAwait(false);
        if (connection.Faults >= _options.MaxFaults)
        {
            connection.Close($"closed after {connection.Faults} malformed or oversized frames");
        }
    }

    private void Broadcast(byte[] frame, RoomConnection? except, bool relayed = false)
    {
        if (!relayed && Volatile.Read(ref _groupMembers) > 0)
        {
            var exceptId = except is { ReceivesGroupBroadcasts: true } ? except.Id : null;
            var sent = _groupFanOut.BroadcastAsync(IdText, frame, exceptId);
            if (!sent.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(sent);
            }
        }

        foreach (var connection in _connections)
        {
            if ((!connection.ReceivesGroupBroadcasts || relayed) && !ReferenceEquals(connection, except))
            {
                var delivered = connection.DeliverAsync(frame);
                if (!delivered.IsCompletedSuccessfully)
                {
                    _ = ObserveAsync(delivered.AsTask());
                }
            }
        }

        if (!relayed)
        {
            foreach (var hook in _hooks)
            {
                hook.OnBroadcast(this, frame);
            }
        }
    }

    private async Task ObserveAsync(Task sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            _logger.LogDebug(exception, "A broadcast in document {Document} did not reach every connection", IdText);
        }
    }

    internal static byte[] SyncFrame(SyncMessage message) => new WebsocketSyncMessage(message).ToArray();

    internal static byte[] PermissionDenied(string reason) => new WebsocketPermissionDeniedMessage(reason).ToArray();
}
