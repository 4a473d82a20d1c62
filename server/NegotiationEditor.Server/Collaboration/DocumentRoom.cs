using System.Collections.Immutable;
using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;

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
    private readonly SendingLanes _lanes;
    private readonly ILogger _logger;
    private readonly YDoc _document;
    private readonly Awareness _awareness;
    private readonly Dictionary<RoomConnection, HashSet<ulong>> _awarenessClients = [];
    private ImmutableArray<RoomConnection> _connections = [];
    private int _groupMembers;
    private long _storedBytes;
    private int _updatesSinceCompaction;
    private readonly List<byte[]> _applied = [];
    private readonly Lock _queueGate = new();
    private List<PendingUpdate> _queued = [];

    internal DocumentRoom(DocumentId id, ImmutableArray<RoomHook> hooks, CollaborationOptions options, IGroupFanOut groupFanOut, SendingLanes lanes, ILogger logger)
    {
        Id = id;
        IdText = id.ToString();
        _hooks = hooks;
        _options = options;
        _groupFanOut = groupFanOut;
        _lanes = lanes;
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

    /// <summary>How many client updates wait for the write turn now.</summary>
    internal int QueuedUpdates
    {
        get
        {
            lock (_queueGate)
            {
                return _queued.Count;
            }
        }
    }

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
            if (!connection.ReceivesGroupBroadcasts)
            {
                // Group members are written by their group's lanes (the hub's lifetime manager gives them theirs).
                connection.Lane = _lanes.Next();
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
    /// Changes the document on the server's behalf (a tabled text): <paramref name="change"/> runs in one transaction
    /// under the room's client id; the update it produced is stored, then applied and sent to every connection (see
    /// <see cref="ChangeAsync{T}"/>). Returns that update (empty when nothing changed).
    /// </summary>
    /// <exception cref="DocumentNotStoredException">The update could not be stored; the document is unchanged.</exception>
    public Task<byte[]> ChangeAsync(Action<YDoc> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return ChangeAsync(server => server.Store(change, negotiationAfter: null));
    }

    /// <summary>
    /// Changes the document on the server's behalf, in the room's write turn (no client update is checked or applied
    /// meanwhile). <paramref name="change"/> runs without the room's lock on a copy of the document: it decides, and
    /// stores its edit through <see cref="ServerChange.Store"/>. Once it returns (or throws after storing), what was
    /// stored is applied to the room's document and sent to every connection. Nothing is applied before it is stored:
    /// when the store fails, <see cref="ServerChange.Store"/> throws <see cref="DocumentNotStoredException"/> and the
    /// document stays as it was.
    /// </summary>
    public async Task<T> ChangeAsync<T>(Func<ServerChange, T> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _writeTurn.WaitAsync().ConfigureAwait(false);
        try
        {
            ServerChange server;
            lock (_gate)
            {
                var copy = new YDoc(_document.ClientId, new YDocOptions { Gc = false });
                Y.ApplyUpdate(copy, Y.EncodeStateAsUpdate(_document));
                server = new ServerChange(this, copy);
            }

            try
            {
                return change(server);
            }
            finally
            {
                foreach (var update in server.Stored)
                {
                    lock (_gate)
                    {
                        _applied.Clear();
                        try
                        {
                            Y.ApplyUpdate(_document, update, this);
                        }
                        finally
                        {
                            _applied.Clear();
                        }
                    }
                    Broadcast(SyncFrame(SyncMessage.Update(update)), except: null);
                }
            }
        }
        finally
        {
            _writeTurn.Release();
        }
    }

    /// <summary>
    /// Applies a frame that another node broadcast for this document: an update goes into the document and awareness
    /// into the awareness states, neither stored nor relayed again (the other node did both). The frame then goes to
    /// every connection of this node, hub ones included: the relay is the only way a frame made on another node
    /// reaches them, since group broadcasts stay on the node that makes them (see <see cref="IGroupFanOut"/>).
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

    /// <summary>Why a connection is closed when the server failed on its update (the client reconnects and syncs again).</summary>
    public const string CouldNotHandle = "the server could not handle your change; reconnect to sync again";

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

        // The update waits in the room's queue; whoever gets the write turn next takes every update queued by then
        // and writes them as one batch (see WriteBatchAsync). A decision taken by the workflow meanwhile (an
        // adoption seals the text) waits for the turn, so it sees the text either before an update was checked or
        // after it was applied, never an update checked against the old state and applied after the new one.
        var pending = new PendingUpdate(connection, sync.Type, update, frame);
        lock (_queueGate)
        {
            _queued.Add(pending);
        }

        await _writeTurn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!pending.Written)
            {
                List<PendingUpdate> batch;
                lock (_queueGate)
                {
                    batch = _queued;
                    _queued = [];
                }
                try
                {
                    await WriteBatchAsync(batch).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A fault of the server's (a hook, the document), not of an update: the updates it left undecided
                    // are closed below, each by its own sender.
                    _logger.LogError(exception, "Document {Document}: a batch of {Count} client updates could not be handled; the senders of those not applied are disconnected to sync again",
                        IdText, batch.Count);
                }
            }
        }
        finally
        {
            _writeTurn.Release();
        }

        switch (pending.Verdict)
        {
            case UpdateVerdict.Refused:
                await connection.DeliverAsync(PermissionDenied(pending.Reason!)).ConfigureAwait(false);
                break;
            case UpdateVerdict.Malformed:
                await FaultAsync(connection, pending.Reason!).ConfigureAwait(false);
                break;
            case UpdateVerdict.NotStored:
                await connection.DeliverAsync(PermissionDenied("the server could not store your change; reload the document")).ConfigureAwait(false);
                break;
            case UpdateVerdict.Pending:
                // The write turn failed before deciding on it: neither applied nor refused. The client is disconnected
                // rather than left to believe it went out; on reconnecting, its sync sends the change again.
                connection.Close(CouldNotHandle);
                break;
        }
    }

    // In the write turn: the hooks decide on each update, the accepted ones are stored together (one append of the
    // batch: one commit, atomic), then applied and broadcast one by one. Only what was
    // stored is applied: a failed store leaves the document as it was and answers every sender of the batch.
    private async Task WriteBatchAsync(List<PendingUpdate> batch)
    {
        var accepted = new List<PendingUpdate>(batch.Count);
        long acceptedBytes = 0;
        try
        {
            foreach (var pending in batch)
            {
                foreach (var hook in _hooks)
                {
                    if (hook.OnChange(this, pending.Connection, pending.Update) is { } refused)
                    {
                        pending.Refuse(UpdateVerdict.Refused, refused);
                        break;
                    }
                }

                if (pending.Verdict == UpdateVerdict.Pending)
                {
                    // Counted at once, so that the size limit sees the updates accepted before it in the batch.
                    accepted.Add(pending);
                    acceptedBytes += pending.Update.Length;
                    Interlocked.Add(ref _storedBytes, pending.Update.Length);
                }
            }

            var toStore = Storable(accepted, ref acceptedBytes);
            if (toStore.Count > 0)
            {
                try
                {
                    // The updates as received are stored even when nothing will become visible: they may hold
                    // structs that wait for a missing update, and those must survive a restart too.
                    foreach (var hook in _hooks)
                    {
                        await hook.OnStoreAsync(this, toStore).ConfigureAwait(false);
                    }
                    Interlocked.Add(ref _updatesSinceCompaction, toStore.Count);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    _logger.LogError(exception, "{Count} updates to document {Document} could not be stored; none was applied", toStore.Count, IdText);
                    Interlocked.Add(ref _storedBytes, -acceptedBytes);
                    foreach (var pending in accepted)
                    {
                        pending.Refuse(UpdateVerdict.NotStored, null);
                    }
                    return;
                }
            }

            lock (_gate)
            {
                foreach (var pending in accepted)
                {
                    if (pending.Verdict != UpdateVerdict.Pending)
                    {
                        continue;
                    }
                    _applied.Clear();
                    try
                    {
                        Y.ApplyUpdate(_document, pending.Update, pending.Connection);
                        if (_applied.Count > 0)
                        {
                            // What the document integrated, which includes structs that were waiting for this update.
                            pending.Applied = _applied.Count == 1 ? _applied[0] : Y.MergeUpdates(_applied);
                        }
                        pending.Verdict = UpdateVerdict.Applied;
                    }
                    finally
                    {
                        _applied.Clear();
                    }
                }
            }

            // Sent in the turn, so that batches go out in the order they were applied.
            foreach (var pending in accepted)
            {
                if (pending.Applied is not { } applied)
                {
                    continue;
                }
                // When the document integrated exactly what was sent, the sender needs nothing back and the received
                // frame goes out as it is. Otherwise the integrated update may hold others' structs that were
                // waiting, which the sender lacks too: then everyone gets it, as the reference server does.
                if (pending.Type == SyncMessageType.Update && applied.AsSpan().SequenceEqual(pending.Update))
                {
                    Broadcast(pending.Frame, except: pending.Connection);
                }
                else
                {
                    Broadcast(SyncFrame(SyncMessage.Update(applied)), except: null);
                }
            }
        }
        finally
        {
            foreach (var pending in batch)
            {
                pending.Written = true;
            }
        }
    }

    // What the batch stores: the accepted updates that carry anything, as received. Decoding is the only step of
    // applying an update that can find it malformed, so each is decoded first: a malformed one is answered as a fault
    // and left out (its bytes no longer counted).
    private static List<ClientUpdate> Storable(List<PendingUpdate> accepted, ref long acceptedBytes)
    {
        var storable = new List<ClientUpdate>(accepted.Count);
        foreach (var pending in accepted)
        {
            if (Malformed(pending.Update) is { } fault)
            {
                pending.Refuse(UpdateVerdict.Malformed, fault);
                acceptedBytes -= pending.Update.Length;
            }
            else if (pending.Update.Length > 2)
            {
                storable.Add(new ClientUpdate(pending.Connection, pending.Update));
            }
        }
        return storable;
    }

    // Decoding is the only step of applying an update that can find it malformed.
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

    // Runs the store hooks in order; the caller counts the stored bytes.
    internal async Task StoreAsync(byte[] update, NegotiationState? negotiationAfter)
    {
        foreach (var hook in _hooks)
        {
            await hook.OnStoreAsync(this, update, negotiationAfter).ConfigureAwait(false);
        }
        Interlocked.Increment(ref _updatesSinceCompaction);
    }

    internal void CountStoredChange(long bytes) => Interlocked.Add(ref _storedBytes, bytes);

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
        if (Volatile.Read(ref _groupMembers) > 0)
        {
            var exceptId = except is { ReceivesGroupBroadcasts: true } ? except.Id : null;
            var sent = _groupFanOut.BroadcastAsync(IdText, frame, exceptId);
            if (!sent.IsCompletedSuccessfully)
            {
                _ = ObserveAsync(sent);
            }
        }

        // The other connections (plain WebSockets) one by one, on their sending lanes.
        var connections = _connections;
        if (connections.Length > Volatile.Read(ref _groupMembers))
        {
            _lanes.Post(new ConnectionBroadcast(this, connections, new BroadcastFrame(frame), except));
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

    // A frame for the connections that do not receive group broadcasts, written lane by lane.
    private sealed class ConnectionBroadcast(DocumentRoom room, ImmutableArray<RoomConnection> connections, BroadcastFrame frame, RoomConnection? except) : ILaneWork
    {
        public void Write(int lane)
        {
            foreach (var connection in connections)
            {
                if (connection.Lane != lane || connection.ReceivesGroupBroadcasts || ReferenceEquals(connection, except))
                {
                    continue;
                }
                var delivered = connection.DeliverBroadcastAsync(frame);
                if (!delivered.IsCompletedSuccessfully)
                {
                    _ = room.ObserveAsync(delivered.AsTask());
                }
            }
        }
    }

    internal static byte[] SyncFrame(SyncMessage message) => new WebsocketSyncMessage(message).ToArray();

    internal static byte[] PermissionDenied(string reason) => new WebsocketPermissionDeniedMessage(reason).ToArray();

    private enum UpdateVerdict
    {
        Pending,
        Applied,
        Refused,
        Malformed,
        NotStored,
    }

    // A client's update waiting for the write turn, and what became of it.
    private sealed class PendingUpdate(RoomConnection connection, SyncMessageType type, byte[] update, byte[] frame)
    {
        public RoomConnection Connection { get; } = connection;

        public SyncMessageType Type { get; } = type;

        public byte[] Update { get; } = update;

        public byte[] Frame { get; } = frame;

        public UpdateVerdict Verdict { get; set; }

        public string? Reason { get; private set; }

        public byte[]? Applied { get; set; }

        // Set once a write turn has dealt with it (read by its sender after it gets the turn itself).
        public bool Written { get; set; }

        public void Refuse(UpdateVerdict verdict, string? reason)
        {
            Verdict = verdict;
            Reason = reason;
        }
    }
}
