using System.Net.WebSockets;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.WebSockets;

/// <summary>
/// A plain WebSocket on <c>/ws/{documentId}</c>: one document per socket, one y-websocket frame per binary message.
/// A frame is written to the socket by the thread that delivers it when no send is in progress (a broadcast hands
/// the same array to every socket, with no queue or thread switch in between); otherwise it waits in a bounded queue
/// that the send in progress drains, so that a broadcast never waits for a slow receiver. A receiver that lets the
/// queue fill up is disconnected. When the WebSocket writes straight to its socket, a broadcast's WebSocket frame is
/// built once for all receivers and written as it is (<see cref="DeliverBroadcastAsync"/>).
/// </summary>
internal sealed class WebsocketRoomConnection : RoomConnection
{
    private readonly WebSocket _socket;
    private readonly SocketOutputStream? _direct;
    private readonly int _maxQueuedFrames;
    private readonly Lock _gate = new();
    private readonly Queue<byte[]> _waiting = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _closing = new();
    private readonly CancellationToken _aborted;
    private bool _sending;
    private bool _finished;
    private string? _closeReason;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.PolicyViolation;

    /// <param name="id">The connection's id.</param>
    /// <param name="socket">The accepted WebSocket.</param>
    /// <param name="direct">The stream under <paramref name="socket"/> when it writes straight to the connection's socket; otherwise null.</param>
    /// <param name="participant">Who the connection is.</param>
    /// <param name="token">The invite token it was made with.</param>
    /// <param name="maxQueuedFrames">How many frames may wait behind a send in progress before the receiver is cut off.</param>
    /// <param name="aborted">Cancelled when the request is aborted.</param>
    public WebsocketRoomConnection(string id, WebSocket socket, SocketOutputStream? direct, Participant participant, InviteToken token, int maxQueuedFrames, CancellationToken aborted)
        : base(id, participant, token)
    {
        _socket = socket;
        _direct = direct;
        _maxQueuedFrames = maxQueuedFrames;
        _aborted = aborted;
    }

    public override bool ReceivesGroupBroadcasts => false;

    /// <summary>Cancelled when the server closes the connection.</summary>
    public CancellationToken Closing => _closing.Token;

    public override ValueTask DeliverAsync(byte[] frame)
    {
        if (TakeTurn(frame))
        {
            Send(frame);
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Like <see cref="DeliverAsync"/>, but when the WebSocket writes straight to its socket and nothing else is being
    /// sent, the broadcast's frame, built once for every receiver, goes to the socket as it is, past the WebSocket.
    /// </summary>
    public override ValueTask DeliverBroadcastAsync(BroadcastFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_direct is null)
        {
            return DeliverAsync(frame.Bytes);
        }
        if (!TakeTurn(frame.Bytes))
        {
            return ValueTask.CompletedTask;
        }

        var prepared = frame.Prepared(static bytes => new ServerFrame(WebSocketMessageType.Binary, bytes));
        if (!_direct.TryWrite(prepared.Bytes, out var written))
        {
            // A control frame (a pong, the close) is on its way, or the WebSocket is closed: through the WebSocket.
            Send(frame.Bytes);
            return ValueTask.CompletedTask;
        }
        if (!written.IsCompleted)
        {
            _ = SendWhenCompletedAsync(written);
            return ValueTask.CompletedTask;
        }
        try
        {
            written.GetAwaiter().GetResult();
        }
        catch (Exception exception) when (IsGone(exception))
        {
            Failed();
            return ValueTask.CompletedTask;
        }
        if (TryTakeNext(out var next))
        {
            Send(next);
        }
        return ValueTask.CompletedTask;
    }

    // Whether the caller may send the frame now (it then owns the sending until the queue is empty); otherwise the
    // frame was queued behind the send in progress, or dropped because the connection is finished.
    private bool TakeTurn(byte[] frame)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return false;
            }
            if (_sending)
            {
                if (_waiting.Count >= _maxQueuedFrames)
                {
                    FinishLocked("too slow: too many frames waiting to be sent");
                }
                else
                {
                    _waiting.Enqueue(frame);
                }
                return false;
            }
            _sending = true;
            return true;
        }
    }

    public override void Close(string reason)
    {
        lock (_gate)
        {
            FinishLocked(reason);
        }
    }

    /// <summary>
    /// Closes the connection because the server is stopping: the frames already taken are still sent, then the socket
    /// is closed with 1001 (going away) and the reason, and the client reconnects (to this server once it is back, or
    /// to another node).
    /// </summary>
    public void GoAway(string reason)
    {
        lock (_gate)
        {
            if (_closeReason is null)
            {
                _closeStatus = WebSocketCloseStatus.EndpointUnavailable;
            }
            FinishLocked(reason);
        }
    }

    /// <summary>Ends the connection once the client has gone: frames still waiting are dropped.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            _waiting.Clear();
            FinishLocked(null);
        }
    }

    /// <summary>
    /// Waits until the connection is finished and its last frames are sent; then, when the server closed it, closes the
    /// socket with the reason.
    /// </summary>
    public async Task CloseWhenFinishedAsync()
    {
        await _drained.Task.ConfigureAwait(false);
        try
        {
            if (_closeReason is { } reason && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                // The close frame goes out before the receive loop is stopped: cancelling a receive aborts the
                // WebSocket, and a close sent after that never reaches the client. The client answers with its own
                // close, which ends the receive loop; one that does not answer is cut off after a while.
                await _socket.CloseOutputAsync(_closeStatus, Truncate(reason), _aborted).ConfigureAwait(false);
                _closing.CancelAfter(CloseHandshakeTimeout);
                return;
            }
        }
        catch (Exception exception) when (IsGone(exception))
        {
            // The client went away; the receive loop ends the connection.
        }
        _closing.Cancel();
    }

    /// <summary>How long a client may take to answer the server's close frame before its socket is cut off.</summary>
    public static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(5);

    // No more frames are taken; those waiting are still sent, then the send loop reports the connection drained.
    private void FinishLocked(string? reason)
    {
        if (reason is not null)
        {
            _closeReason ??= reason;
        }
        _finished = true;
        if (!_sending)
        {
            _drained.TrySetResult();
        }
    }

    // Sends the frame, then whatever waits, on this thread for as long as the sends complete at once.
    private void Send(byte[] frame)
    {
        while (true)
        {
            ValueTask sent;
            try
            {
                // No cancellation token: with one, every send takes the socket's slower path (a registration and an
                // async state machine per frame). A send to a client that went away fails when the socket is aborted.
                sent = _socket.SendAsync(frame.AsMemory(), WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
                if (!sent.IsCompleted)
                {
                    _ = SendWhenCompletedAsync(sent);
                    return;
                }
                sent.GetAwaiter().GetResult();
            }
            catch (Exception exception) when (IsGone(exception))
            {
                Failed();
                return;
            }

            if (!TryTakeNext(out frame))
            {
                return;
            }
        }
    }

    private async Task SendWhenCompletedAsync(ValueTask sent)
    {
        try
        {
            await sent.ConfigureAwait(false);
        }
        catch (Exception exception) when (IsGone(exception))
        {
            Failed();
            return;
        }

        if (TryTakeNext(out var frame))
        {
            Send(frame);
        }
    }

    private bool TryTakeNext(out byte[] frame)
    {
        lock (_gate)
        {
            if (_waiting.TryDequeue(out frame!))
            {
                return true;
            }
            _sending = false;
            if (_finished)
            {
                _drained.TrySetResult();
            }
            return false;
        }
    }

    private void Failed()
    {
        lock (_gate)
        {
            _waiting.Clear();
            _sending = false;
            _finished = true;
            _drained.TrySetResult();
        }
    }

    private static bool IsGone(Exception exception) =>
        exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException;

    // A close reason has at most 123 bytes of UTF-8.
    private static string Truncate(string reason) =>
        System.Text.Encoding.UTF8.GetByteCount(reason) <= 123 ? reason : reason[..Math.Min(reason.Length, 100)] + "...";
}
