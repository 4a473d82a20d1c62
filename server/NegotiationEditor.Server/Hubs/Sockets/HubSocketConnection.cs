using System.IO.Pipelines;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Hubs.Sockets;

/// <summary>
/// One hub connection on a WebSocket of its own, handed to SignalR's hub handler as a <see cref="ConnectionContext"/>:
/// what the client sends goes into a pipe the handler reads; what the handler writes goes straight to the socket
/// (<see cref="HubSocketWriter"/>). It offers the features SignalR's own WebSocket transport offers: the user, the
/// HTTP context, the transfer format, and a heartbeat for keep-alive pings and client timeouts.
/// </summary>
internal sealed class HubSocketConnection : ConnectionContext, IDuplexPipe,
    IConnectionIdFeature, IConnectionItemsFeature, IConnectionTransportFeature, IConnectionUserFeature,
    IConnectionLifetimeFeature, IConnectionHeartbeatFeature, ITransferFormatFeature, IHttpContextFeature, IHttpTransportFeature
{
    private readonly WebSocket _socket;
    private readonly Pipe _input;
    private readonly HubSocketWriter _output;
    private readonly CancellationTokenSource _closed = new();
    private readonly CancellationTokenSource _stopReceiving = new();
    private readonly Lock _gate = new();
    private readonly List<(Action<object> Callback, object State)> _heartbeats = [];
    private IDuplexPipe _transport;
    private string? _failure;

    public HubSocketConnection(HttpContext httpContext, WebSocket socket, SocketOutputStream? direct, int maxQueuedMessages, long maxBufferedBytes)
    {
        HttpContext = httpContext;
        _socket = socket;
        ConnectionId = NewId();
        User = httpContext.User;
        // The hub handler refuses a message over its limit as soon as that much is buffered, so the pipe never needs
        // to hold more than that; past it the receive loop waits.
        _input = new Pipe(new PipeOptions(
            pauseWriterThreshold: maxBufferedBytes,
            resumeWriterThreshold: maxBufferedBytes / 2,
            useSynchronizationContext: false));
        _output = new HubSocketWriter(socket, direct, () => ActiveFormat == TransferFormat.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text,
            maxQueuedMessages, OutputFailed);
        _transport = this;
        Features.Set<IConnectionIdFeature>(this);
        Features.Set<IConnectionItemsFeature>(this);
        Features.Set<IConnectionTransportFeature>(this);
        Features.Set<IConnectionUserFeature>(this);
        Features.Set<IConnectionLifetimeFeature>(this);
        Features.Set<IConnectionHeartbeatFeature>(this);
        Features.Set<ITransferFormatFeature>(this);
        Features.Set<IHttpContextFeature>(this);
        Features.Set<IHttpTransportFeature>(this);
        // The group broadcasts write their prepared frames to it (NodeLocalHubLifetimeManager).
        Features.Set(_output);
    }

    /// <inheritdoc />
    public override string ConnectionId { get; set; }

    /// <inheritdoc />
    public override IFeatureCollection Features { get; } = new FeatureCollection();

    /// <inheritdoc />
    public override IDictionary<object, object?> Items { get; set; } = new Dictionary<object, object?>();

    /// <inheritdoc />
    public override IDuplexPipe Transport
    {
        get => _transport;
        set => _transport = value;
    }

    /// <inheritdoc />
    public override CancellationToken ConnectionClosed
    {
        get => _closed.Token;
        set { }
    }

    /// <inheritdoc />
    public ClaimsPrincipal? User { get; set; }

    /// <inheritdoc />
    public HttpContext? HttpContext { get; set; }

    /// <inheritdoc />
    public HttpTransportType TransportType => HttpTransportType.WebSockets;

    /// <inheritdoc />
    public TransferFormat SupportedFormats => TransferFormat.Binary | TransferFormat.Text;

    /// <inheritdoc />
    public TransferFormat ActiveFormat { get; set; } = TransferFormat.Text;

    PipeReader IDuplexPipe.Input => _input.Reader;

    PipeWriter IDuplexPipe.Output => _output;

    /// <inheritdoc />
    public void OnHeartbeat(Action<object> action, object state)
    {
        lock (_gate)
        {
            _heartbeats.Add((action, state));
        }
    }

    /// <summary>Runs the heartbeat callbacks SignalR registered (keep-alive pings, the client timeout); once a second.</summary>
    public void TickHeartbeat()
    {
        (Action<object> Callback, object State)[] callbacks;
        lock (_gate)
        {
            if (_heartbeats.Count == 0)
            {
                return;
            }
            callbacks = [.. _heartbeats];
        }
        foreach (var (callback, state) in callbacks)
        {
            callback(state);
        }
    }

    /// <summary>
    /// Runs the connection: the hub handler on one side, the socket's receive loop on the other; returns once both are
    /// over and the socket is closed.
    /// </summary>
    public async Task RunAsync(ConnectionHandler handler, TimeSpan closeTimeout)
    {
        var receiving = ReceiveAsync();
        try
        {
            await handler.OnConnectedAsync(this).ConfigureAwait(false);
        }
        finally
        {
            // The handler is done: stop taking frames, send what it wrote last (its close message), then close.
            _output.Complete();
            await _output.Drained.ConfigureAwait(false);
            await CloseSocketAsync(closeTimeout).ConfigureAwait(false);
            // The client answers the close; one that does not is cut off (a cancelled receive aborts the socket).
            _stopReceiving.CancelAfter(closeTimeout);
            await receiving.ConfigureAwait(false);
            _input.Reader.Complete();
            MarkClosed();
        }
    }

    /// <summary>
    /// Ends the connection from the server's side: the hub handler's next read is cancelled, so it says goodbye (its
    /// close message) and returns, and the socket is closed after it.
    /// </summary>
    public void Stop() => _input.Reader.CancelPendingRead();

    /// <inheritdoc />
    public override void Abort(ConnectionAbortedException abortReason)
    {
        _socket.Abort();
        _stopReceiving.Cancel();
        MarkClosed();
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        _closed.Dispose();
        _stopReceiving.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReceiveAsync()
    {
        var writer = _input.Writer;
        Exception? error = null;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(4096);
                var received = await _socket.ReceiveAsync(memory, _stopReceiving.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                writer.Advance(received.Count);
                var flushed = await writer.FlushAsync().ConfigureAwait(false);
                if (flushed.IsCompleted)
                {
                    return;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The client went away, or the server ends the connection: either way the hub sees its input end.
            if (exception is not OperationCanceledException)
            {
                error = exception;
            }
        }
        finally
        {
            await writer.CompleteAsync(error is null ? null : new ConnectionResetException(error.Message, error)).ConfigureAwait(false);
        }
    }

    private async Task CloseSocketAsync(TimeSpan timeout)
    {
        if (_socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            var status = _failure is null ? WebSocketCloseStatus.NormalClosure : WebSocketCloseStatus.PolicyViolation;
            await _socket.CloseOutputAsync(status, _failure, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            _socket.Abort();
        }
    }

    // A send failed or the receiver was too slow: the hub handler sees the input end and winds the connection up.
    private void OutputFailed(Exception? exception)
    {
        if (exception is WebSocketException { Message: HubSocketWriter.TooSlow })
        {
            _failure = HubSocketWriter.TooSlow;
        }
        else
        {
            _socket.Abort();
        }
        Stop();
    }

    private void MarkClosed()
    {
        try
        {
            _closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed: nothing is listening any more.
        }
    }

    private static string NewId() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16));
}
