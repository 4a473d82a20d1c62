using System.Net.WebSockets;
using System.Threading.Channels;
using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Testing;

namespace NegotiationEditor.Faults.Tests.Typists;

/// <summary>
/// A raw y-websocket peer on <c>/ws/{documentId}</c> that behaves as a browser tab with the npm provider: it sends
/// its sync step 1 when the socket opens, answers the server's step 1 with what the server lacks (so updates lost with
/// a dropped connection are sent again), applies step 2 and updates, sends each local change as an update frame
/// while connected, and reconnects after a short back-off when the socket goes away. Now and then, after a drop, the
/// tab is closed instead: its copy is thrown away and a new tab (a new document, a new client id) joins.
/// A marker counts as acknowledged when a sync step 2 from the server holds it (the server's whole state, sent on
/// every join): only those of a closed tab must survive.
/// </summary>
public sealed class WebsocketTypist : ITypist
{
    private readonly Uri _address;
    private readonly Random _random;
    private readonly double _closeTabChance;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _denials = [];
    private readonly List<string> _everTyped = [];
    private readonly List<string> _acknowledgedInClosedTabs = [];
    private readonly TaskCompletionSource _firstSync = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Tab _tab;
    private ClientWebSocket? _socket;
    private ChannelWriter<byte[]>? _outbox;
    private bool _synced;
    private int _strokes;
    private int _tabs = 1;
    private Task _running = Task.CompletedTask;

    private WebsocketTypist(string name, Uri address, Random random, double closeTabChance)
    {
        Name = name;
        _address = address;
        _random = random;
        _closeTabChance = closeTabChance;
        _tab = new Tab(NewClientId());
    }

    public string Name { get; }

    /// <summary>How many tabs it opened (1 plus the closed ones replaced).</summary>
    public int Tabs
    {
        get
        {
            lock (_gate)
            {
                return _tabs;
            }
        }
    }

    public bool IsSynced
    {
        get
        {
            lock (_gate)
            {
                return _socket is not null && _synced;
            }
        }
    }

    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _tab.Doc.GetText("text").ToString();
            }
        }
    }

    public IReadOnlyCollection<string> Typed
    {
        get
        {
            lock (_gate)
            {
                return [.. _tab.Typed.Select(typed => typed.Marker)];
            }
        }
    }

    public IReadOnlyCollection<string> AcknowledgedInClosedTabs
    {
        get
        {
            lock (_gate)
            {
                return [.. _acknowledgedInClosedTabs];
            }
        }
    }

    public IReadOnlyCollection<string> EverTyped
    {
        get
        {
            lock (_gate)
            {
                return [.. _everTyped];
            }
        }
    }

    /// <summary>
    /// Why its connection loop ended while it was meant to go on (an exception nobody expected), or null: a typist
    /// that gave up stays disconnected, and the run cannot converge.
    /// </summary>
    public string? GaveUp => _running.IsCompleted && !_stop.IsCancellationRequested
        ? _running.Exception?.InnerException?.ToString() ?? "its connection loop ended"
        : null;

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

    /// <summary>Opens the first tab on <paramref name="address"/> (a <c>ws://.../ws/{id}?access_token=...</c> URL) and waits until it is synced.</summary>
    public static async Task<WebsocketTypist> JoinAsync(string name, Uri address, Random random, double closeTabChance)
    {
        var typist = new WebsocketTypist(name, address, random, closeTabChance);
        typist._running = Task.Run(typist.RunAsync);
        await typist._firstSync.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return typist;
    }

    public byte[] StateVector()
    {
        lock (_gate)
        {
            return Y.EncodeStateVector(_tab.Doc);
        }
    }

    public void Strike(Random random)
    {
        lock (_gate)
        {
            var tab = _tab;
            var candidate = $"{Keystrokes.Open}{Name}.{++_strokes}{Keystrokes.Close}";
            string? marker = null;
            tab.Outgoing.Clear();
            tab.Doc.Transact(_ => marker = Keystrokes.Strike(tab.Doc.GetText("text"), random, candidate));
            if (marker is not null)
            {
                var clock = Y.DecodeStateVector(Y.EncodeStateVector(tab.Doc)).GetValueOrDefault(tab.Doc.ClientId);
                tab.Typed.Add(new TypedMarker(marker, clock));
                _everTyped.Add(marker);
            }
            // As a browser's socket.send: queued in order, never waiting; nothing is queued while disconnected.
            foreach (var frame in tab.Outgoing)
            {
                _outbox?.TryWrite(frame);
            }
            tab.Outgoing.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        ClientWebSocket? socket;
        lock (_gate)
        {
            socket = _socket;
        }
        socket?.Abort();
        await _running;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var failures = 0;
        while (!_stop.IsCancellationRequested)
        {
            var socket = new ClientWebSocket();
            var outbox = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
            var sending = Task.CompletedTask;
            try
            {
                using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                {
                    connecting.CancelAfter(TimeSpan.FromSeconds(10));
                    await socket.ConnectAsync(_address, connecting.Token);
                }
                lock (_gate)
                {
                    _socket = socket;
                    _outbox = outbox.Writer;
                    _synced = false;
                    outbox.Writer.TryWrite(WebsocketProtocol.SyncStep1(_tab.Doc).ToArray());
                }
                failures = 0;
                sending = SendLoopAsync(socket, outbox.Reader);
                await ReceiveAsync(socket, outbox.Writer);
            }
            // ObjectDisposedException: the send loop aborted the socket (ClientWebSocket.Abort disposes it) while the
            // receive loop was between two receives, so its next receive found the socket gone.
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                failures++;
            }
            finally
            {
                lock (_gate)
                {
                    _socket = null;
                    _outbox = null;
                    _synced = false;
                }
                outbox.Writer.TryComplete();
                socket.Abort();
                await sending;
                socket.Dispose();
            }

            if (_stop.IsCancellationRequested)
            {
                return;
            }
            lock (_gate)
            {
                if (_random.NextDouble() < _closeTabChance)
                {
                    // The tab is closed: what the server acknowledged must survive, the rest may be gone.
                    _acknowledgedInClosedTabs.AddRange(_tab.Typed.Where(typed => typed.Clock <= _tab.Acknowledged).Select(typed => typed.Marker));
                    _tab = new Tab(NewClientId());
                    _tabs++;
                }
            }
            // The provider's back-off: short after a first failure, longer after repeated ones.
            await Wait(TimeSpan.FromMilliseconds(Math.Min(2500, 50 * (1 << Math.Min(failures, 6)) + _random.Next(100))));
        }
    }

    private async Task ReceiveAsync(ClientWebSocket socket, ChannelWriter<byte[]> outbox)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (!_stop.IsCancellationRequested)
        {
            if (await WebsocketMessages.ReceiveAsync(socket, buffer, message, _stop.Token) is not { } frame)
            {
                return;
            }
            if (Handle(frame) is { } answer)
            {
                outbox.TryWrite(answer);
            }
        }
    }

    private byte[]? Handle(byte[] frame)
    {
        lock (_gate)
        {
            switch (WebsocketMessage.Read(frame))
            {
                case WebsocketSyncMessage { Sync.Type: SyncMessageType.SyncStep1 } sync:
                    return new WebsocketSyncMessage(SyncMessage.SyncStep2(Y.EncodeStateAsUpdate(_tab.Doc, sync.Sync.Payload.ToArray()))).ToArray();
                case WebsocketSyncMessage sync:
                    var update = sync.Sync.Payload.ToArray();
                    Y.ApplyUpdate(_tab.Doc, update, this);
                    if (sync.Sync.Type == SyncMessageType.SyncStep2)
                    {
                        var held = Y.DecodeStateVector(Y.EncodeStateVectorFromUpdate(update)).GetValueOrDefault(_tab.Doc.ClientId);
                        _tab.Acknowledged = Math.Max(_tab.Acknowledged, held);
                        _synced = true;
                        _firstSync.TrySetResult();
                    }
                    return null;
                case WebsocketPermissionDeniedMessage denied:
                    _denials.Add(denied.Reason);
                    return null;
                default:
                    return null;
            }
        }
    }

    private async Task SendLoopAsync(ClientWebSocket socket, ChannelReader<byte[]> outbox)
    {
        try
        {
            await foreach (var frame in outbox.ReadAllAsync())
            {
                await socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, _stop.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The socket went away: the receive loop sees it too, and the sync after reconnecting sends what was lost.
            socket.Abort();
        }
    }

    private async Task Wait(TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, _stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private ulong NewClientId() => (ulong)_random.NextInt64(1, uint.MaxValue);

    private sealed record TypedMarker(string Marker, long Clock);

    /// <summary>One tab: a document of its own and the markers typed in it.</summary>
    private sealed class Tab
    {
        public Tab(ulong clientId)
        {
            Doc = new YDoc(clientId);
            Doc.Updated += (_, update) =>
            {
                if (update.Origin is not WebsocketTypist)
                {
                    Outgoing.Add(WebsocketProtocol.Update(update.Update).ToArray());
                }
            };
        }

        public YDoc Doc { get; }

        public List<byte[]> Outgoing { get; } = [];

        public List<TypedMarker> Typed { get; } = [];

        /// <summary>The clock of this tab's client up to which the server acknowledged its changes.</summary>
        public long Acknowledged { get; set; }
    }
}
