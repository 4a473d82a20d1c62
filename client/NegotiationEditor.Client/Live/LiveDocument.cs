using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Client.Live;

/// <summary>
/// One document kept in sync with the server over the hub <c>/hubs/collab</c>: a local <see cref="YDoc"/> that
/// joins the document, exchanges sync step 1 and 2, sends its own changes as update frames, applies everyone
/// else's, shares presence (awareness) and, after a lost connection, joins again and syncs what either side missed.
/// The frames are y-websocket frames (docs/protocol.md). Thread-safe: the document is read and changed only through
/// <see cref="Read{T}"/>, <see cref="Edit"/> and <see cref="Transact"/>, which take the document's lock.
/// </summary>
public sealed class LiveDocument : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HubConnection _connection;
    private readonly LiveDocumentOptions _options;
    private readonly YDoc _doc;
    private readonly Awareness _awareness;
    private readonly Channel<Outgoing> _outgoing = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _sending;
    private readonly ITimer _awarenessTimer;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _denials = [];
    private TaskCompletionSource<bool> _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource _connectionLost = new();
    private int _generation;
    private int _refusedBeforeJoin;
    private int _syncs;
    private bool _remoteApplied;
    private bool _disposed;

    private LiveDocument(Invite invite, string documentId, LiveDocumentOptions options)
    {
        Invite = invite;
        DocumentId = documentId;
        _options = options;
        _doc = options.ClientId is { } clientId ? new YDoc(clientId) : new YDoc();
        _awareness = new Awareness(_doc.ClientId, options.Time);
        _awareness.SetLocalState(null);
        _doc.Updated += (_, update) =>
        {
            if (ReferenceEquals(update.Origin, this))
            {
                _remoteApplied = true;
            }
            else if (!Reconnecting)
            {
                Enqueue(WebsocketProtocol.Update(update.Update).ToArray());
            }
        };
        _awareness.Updated += (_, change) =>
        {
            if (Equals(change.Origin, Awareness.LocalOrigin) && !Reconnecting)
            {
                Enqueue(WebsocketProtocol.AwarenessOf(_awareness, change.All).ToArray());
            }
        };

        var url = new Uri(invite.Server, "hubs/collab?access_token=" + Uri.EscapeDataString(invite.Token));
        var builder = new HubConnectionBuilder().WithUrl(url, connection =>
        {
            connection.Transports = HttpTransportType.WebSockets;
            connection.SkipNegotiation = true;
            options.ConfigureConnection?.Invoke(connection);
        });
        if (options.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        if (options.Reconnect)
        {
            builder.WithAutomaticReconnect(new SteadyRetry());
        }
        _connection = builder.Build();
        _connection.On<string, byte[]>("Receive", OnReceive);
        _connection.On<string, string>("Negotiation", (document, json) =>
        {
            if (document == DocumentId && NegotiationEvent.TryRead(json) is { } change)
            {
                NegotiationChanged?.Invoke(this, change);
            }
        });
        _connection.Reconnecting += _ =>
        {
            TaskCompletionSource<bool> previous;
            CancellationTokenSource lost;
            lock (_gate)
            {
                // A new generation: what was joined belonged to the lost connection, and a join still in flight
                // counts for nothing (the reconnection joins again).
                _generation++;
                previous = _joined;
                lost = _connectionLost;
                _connectionLost = new CancellationTokenSource();
                if (!_disposed)
                {
                    _joined = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            // A send waiting for the connection must not go out on the next one before it has joined; the frames
            // dropped here are made good by the sync that follows the join.
            lost.Cancel();
            previous.TrySetResult(false);
            return Task.CompletedTask;
        };
        _connection.Reconnected += _ => RejoinAsync();
        _connection.Closed += error =>
        {
            EndJoining();
            Disconnected?.Invoke(this, error);
            return Task.CompletedTask;
        };
        _sending = SendLoopAsync();
        _awarenessTimer = options.Time.CreateTimer(_ => CheckAwareness(), null, Awareness.CheckInterval, Awareness.CheckInterval);
    }

    /// <summary>Raised (on a SignalR thread) after changes from others were applied to the local document.</summary>
    public event EventHandler? RemoteChange;

    /// <summary>Raised when the server refused something with an auth frame (read-only connection, bad frame, adopted text).</summary>
    public event EventHandler<string>? Denied;

    /// <summary>Raised for every workflow change the hub pushes for this document.</summary>
    public event EventHandler<NegotiationEvent>? NegotiationChanged;

    /// <summary>Raised when the connection is closed for good (after reconnecting failed, or on dispose).</summary>
    public event EventHandler<Exception?>? Disconnected;

    /// <summary>The invite the connection was made with.</summary>
    public Invite Invite { get; }

    /// <summary>The joined document's id.</summary>
    public string DocumentId { get; }

    /// <summary>The local document's CRDT client id.</summary>
    public ulong ClientId => _doc.ClientId;

    /// <summary>Completes once the server's whole state (sync step 2) has been applied the first time.</summary>
    public Task Synced => _synced.Task;

    /// <summary>How many sync step 2 messages arrived (on each join: the server's own and its answer to ours).</summary>
    public int Syncs => Volatile.Read(ref _syncs);

    /// <summary>Whether the hub connection is up now.</summary>
    public bool IsConnected => _connection.State == HubConnectionState.Connected;

    /// <summary>
    /// How many frames the server refused because they reached it on a connection that had not joined the document yet
    /// (a reconnection overtook them). They are not denials: the sync that follows the join carries what they held.
    /// </summary>
    public int FramesRefusedBeforeJoin => Volatile.Read(ref _refusedBeforeJoin);

    /// <summary>The reasons of every auth frame received, oldest first.</summary>
    public IReadOnlyList<string> Denials
    {
        get
        {
            lock (_gate)
            {
                return [.. _denials];
            }
        }
    }

    /// <summary>The live text now.</summary>
    public string Text => Read(doc => doc.GetText(_options.TextName).ToString());

    /// <summary>Every known presence (awareness state as JSON text) by client id, the local one included.</summary>
    public IReadOnlyDictionary<ulong, string> Presence
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<ulong, string>(_awareness.States);
            }
        }
    }

    /// <summary>
    /// Connects to the hub with <paramref name="invite"/>, joins <paramref name="documentId"/> and waits until the
    /// local document holds the server's state.
    /// </summary>
    /// <exception cref="LiveDocumentException">The hub refused to join (unknown document, revoked invite ...) or could not be reached.</exception>
    public static async Task<LiveDocument> ConnectAsync(Invite invite, string documentId, LiveDocumentOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentException.ThrowIfNullOrWhiteSpace(documentId);
        var live = new LiveDocument(invite, documentId, options ?? new LiveDocumentOptions());
        try
        {
            await live._connection.StartAsync(cancellation).ConfigureAwait(false);
            await live.JoinAsync(cancellation).ConfigureAwait(false);
            await live.Synced.WaitAsync(TimeSpan.FromSeconds(30), cancellation).ConfigureAwait(false);
            return live;
        }
        catch (Exception exception) when (exception is HubException or HttpRequestException or TimeoutException or System.Net.WebSockets.WebSocketException or InvalidOperationException)
        {
            await live.DisposeAsync().ConfigureAwait(false);
            throw new LiveDocumentException($"cannot open document {documentId} on {invite.Server}: {MessageOf(exception)}", exception);
        }
    }

    /// <summary>Reads the local document under its lock.</summary>
    public T Read<T>(Func<YDoc, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_gate)
        {
            return read(_doc);
        }
    }

    /// <summary>Changes the live text in one local transaction; the update goes to the server.</summary>
    public void Edit(Action<YText> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        Transact(doc => edit(doc.GetText(_options.TextName)));
    }

    /// <summary>Changes the local document in one transaction; the update goes to the server.</summary>
    public void Transact(Action<YDoc> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            _doc.Transact(_ => change(_doc));
        }
    }

    /// <summary>Sets (or with null removes) the local presence, a JSON object such as <c>{"user":{"name":"Greece"}}</c>.</summary>
    /// <exception cref="ArgumentException">The text is not JSON.</exception>
    public void SetPresence(string? stateJson)
    {
        lock (_gate)
        {
            _awareness.SetLocalState(stateJson);
        }
    }

    /// <summary>The encoded state vector of the local document (to compare with other peers).</summary>
    public byte[] EncodeStateVector() => Read(Y.EncodeStateVector);

    /// <summary>
    /// Completes when every frame queued so far has been handled by the server (each send is an invocation the
    /// server acknowledges). Frames that could not be sent while disconnected are made good by the next sync.
    /// </summary>
    public Task FlushAsync(CancellationToken cancellation = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_outgoing.Writer.TryWrite(new Outgoing(null, done)))
        {
            return Task.CompletedTask;
        }
        return done.Task.WaitAsync(cancellation);
    }

    /// <summary>Removes the local presence, sends what is queued, leaves the document and closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            if (_awareness.LocalState is not null && _connection.State == HubConnectionState.Connected)
            {
                _awareness.SetLocalState(null);
            }
        }
        await _awarenessTimer.DisposeAsync().ConfigureAwait(false);
        if (_connection.State == HubConnectionState.Connected)
        {
            try
            {
                await FlushAsync().WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                // The server does not answer; closing anyway.
            }
        }
        _outgoing.Writer.TryComplete();
        EndJoining();
        await _connection.DisposeAsync().ConfigureAwait(false);
        await _sending.ConfigureAwait(false);
    }

    private async Task JoinAsync(CancellationToken cancellation)
    {
        int generation;
        lock (_gate)
        {
            generation = _generation;
        }
        await _connection.InvokeAsync("Join", DocumentId, cancellation).ConfigureAwait(false);
        byte[] stepOne;
        byte[]? presence = null;
        lock (_gate)
        {
            if (generation != _generation)
            {
                // The connection that joined was lost meanwhile: the reconnection joins again.
                return;
            }
            _joined.TrySetResult(true);
            stepOne = WebsocketProtocol.SyncStep1(_doc).ToArray();
            if (_awareness.LocalState is null && !_disposed && _options.Presence is { } announced)
            {
                _awareness.SetLocalState(announced);
            }
            else if (_awareness.LocalState is not null)
            {
                presence = WebsocketProtocol.AwarenessOf(_awareness, [_awareness.ClientId]).ToArray();
            }
        }
        Enqueue(stepOne);
        if (presence is not null)
        {
            Enqueue(presence);
        }
    }

    private async Task RejoinAsync()
    {
        try
        {
            await JoinAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException or IOException)
        {
            // The connection was lost again: the next reconnection joins again (or Closed ends it).
        }
        catch (HubException exception)
        {
            // The server refused the document this time (access changed, document gone): the live document ends
            // here, said aloud, rather than staying connected and deaf.
            var denial = "could not join again after reconnecting: " + MessageOf(exception);
            lock (_gate)
            {
                _denials.Add(denial);
                _joined.TrySetResult(false);
            }
            Denied?.Invoke(this, denial);
            _ = Task.Run(() => _connection.StopAsync());
        }
    }

    private void OnReceive(string documentId, byte[] frame)
    {
        if (documentId != DocumentId)
        {
            return;
        }
        byte[]? answer = null;
        string? denial = null;
        var changed = false;
        lock (_gate)
        {
            try
            {
                var message = WebsocketMessage.Read(frame);
                switch (message)
                {
                    case WebsocketPermissionDeniedMessage { Reason: NotJoinedReason }:
                        _refusedBeforeJoin++;
                        break;
                    case WebsocketPermissionDeniedMessage denied:
                        denial = denied.Reason;
                        _denials.Add(denial);
                        break;
                    case WebsocketSyncMessage sync:
                        _remoteApplied = false;
                        answer = WebsocketProtocol.Answer(_doc, _awareness, message, this)?.ToArray();
                        changed = _remoteApplied;
                        if (sync.Sync.Type == SyncMessageType.SyncStep2)
                        {
                            _syncs++;
                            _synced.TrySetResult();
                        }
                        break;
                    default:
                        answer = WebsocketProtocol.Answer(_doc, _awareness, message, this)?.ToArray();
                        break;
                }
            }
            catch (CrdtFormatException exception)
            {
                denial = "the server sent a malformed frame: " + exception.Message;
                _denials.Add(denial);
            }
        }
        if (answer is not null)
        {
            Enqueue(answer);
        }
        if (denial is not null)
        {
            Denied?.Invoke(this, denial);
        }
        if (changed)
        {
            RemoteChange?.Invoke(this, EventArgs.Empty);
        }
    }

    private void CheckAwareness()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _awareness.CheckTimeouts();
            }
        }
    }

    /// <summary>
    /// Whether the connection is lost and being made again. Local changes made meanwhile are not queued: the answer to
    /// the server's sync step 1 after joining again carries them (it is computed later, from the whole document).
    /// </summary>
    private bool Reconnecting => _connection?.State == HubConnectionState.Reconnecting;

    /// <summary>
    /// The current connection's join (true once it has joined the document, false if it never will) and the token
    /// cancelled when that connection is lost.
    /// </summary>
    private (Task<bool> Joined, CancellationToken Lost) CurrentJoin()
    {
        lock (_gate)
        {
            return (_joined.Task, _connectionLost.Token);
        }
    }

    /// <summary>No join is coming any more (closed, disposed): frames still held are dropped.</summary>
    private void EndJoining()
    {
        lock (_gate)
        {
            _joined.TrySetResult(false);
        }
    }

    private void Enqueue(byte[] frame) => _outgoing.Writer.TryWrite(new Outgoing(frame, null));

    /// <summary>
    /// Sends the queued frames in order. A frame is held until the connection has joined the document (again): the
    /// server refuses frames before the join, and the answer to its sync step 1 arrives before the join completes.
    /// </summary>
    private async Task SendLoopAsync()
    {
        await foreach (var item in _outgoing.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            var (joined, lost) = CurrentJoin();
            if (item.Frame is { } frame && await joined.ConfigureAwait(false))
            {
                try
                {
                    // With the lost connection's token: a send still waiting for a connection when this one is lost
                    // gives up instead of going out on the next connection before that one has joined.
                    await _connection.InvokeAsync("Send", DocumentId, frame, lost).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is HubException or InvalidOperationException or OperationCanceledException or IOException
                    or System.Net.WebSockets.WebSocketException)
                {
                    // The connection was lost meanwhile: the sync that follows the next join makes it good.
                }
            }
            item.Done?.TrySetResult();
        }
    }

    private static string MessageOf(Exception exception) =>
        exception is HubException hub ? hub.Message.Replace("An unexpected error occurred invoking 'Join' on the server. HubException: ", "", StringComparison.Ordinal) : exception.Message;

    /// <summary>The reason of the auth frame the hub answers a frame for a document not joined with (docs/protocol.md).</summary>
    private const string NotJoinedReason = "join the document before sending frames for it";

    private sealed record Outgoing(byte[]? Frame, TaskCompletionSource? Done);

    /// <summary>Tries again at once, after 1, 2 and 5 s, then every 5 s for 5 minutes (a restarting server included).</summary>
    private sealed class SteadyRetry : IRetryPolicy
    {
        private static readonly TimeSpan[] First = [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.ElapsedTime > TimeSpan.FromMinutes(5) ? null
            : context.PreviousRetryCount < First.Length ? First[context.PreviousRetryCount]
            : TimeSpan.FromSeconds(5);
    }
}
