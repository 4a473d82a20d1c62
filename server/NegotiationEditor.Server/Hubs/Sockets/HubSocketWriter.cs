using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Hubs.Sockets;

/// <summary>
/// The output of a hub connection on its own WebSocket: each flush is sent as one WebSocket message (one or more hub
/// messages, as SignalR's protocols allow) by the thread that flushes it, with no pipe or thread switch in between.
/// A flush made while a send is still in progress is queued and sent with the next message; a receiver that lets more
/// than <c>maxQueuedMessages</c> wait is disconnected (<see cref="TooSlow"/>) rather than slowing the broadcast down.
/// </summary>
/// <remarks>
/// SignalR's <see cref="Microsoft.AspNetCore.SignalR.HubConnectionContext"/> writes under its own lock, so at most one
/// writer at a time calls <see cref="GetSpan"/>, <see cref="Advance"/> and the flushes; the gate orders those with
/// the completion of a send that finished asynchronously, and with the group broadcasts' frames
/// (<see cref="WriteFramed"/>), which come past SignalR's lock.
/// </remarks>
internal sealed class HubSocketWriter : PipeWriter
{
    private static readonly FlushResult Flushed = new(isCanceled: false, isCompleted: false);
    private static readonly FlushResult Finished = new(isCanceled: false, isCompleted: true);

    private readonly WebSocket _socket;
    private readonly SocketOutputStream? _direct;
    private readonly Func<WebSocketMessageType> _messageType;
    private readonly int _maxQueuedMessages;
    private readonly Action<Exception?> _failed;
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // What the current writer is putting together (GetSpan/Advance), sent by the next flush.
    private ArrayBufferWriter<byte> _writing = new(256);
    // Messages flushed while a send was in progress, sent together once it completes.
    private ArrayBufferWriter<byte> _queued = new(256);
    private ArrayBufferWriter<byte> _spare = new(256);
    private int _queuedMessages;
    private bool _sending;
    private bool _completed;

    /// <param name="socket">The accepted socket.</param>
    /// <param name="direct">The stream under <paramref name="socket"/> when it writes straight to the connection's socket, which then takes whole frames too; otherwise null.</param>
    /// <param name="messageType">The message type of the connection's hub protocol (text for JSON, binary for MessagePack).</param>
    /// <param name="maxQueuedMessages">How many flushed messages may wait behind a send in progress.</param>
    /// <param name="failed">Called once when a send fails or the receiver is too slow.</param>
    public HubSocketWriter(WebSocket socket, SocketOutputStream? direct, Func<WebSocketMessageType> messageType, int maxQueuedMessages, Action<Exception?> failed)
    {
        _socket = socket;
        _direct = direct;
        _messageType = messageType;
        _maxQueuedMessages = maxQueuedMessages;
        _failed = failed;
    }

    /// <summary>The reason given when a receiver let too much output wait.</summary>
    public const string TooSlow = "too slow: too many messages waiting to be sent";

    /// <summary>The message type of the connection's hub protocol: what a frame written with <see cref="WriteFramed"/> should be.</summary>
    public WebSocketMessageType MessageType => _messageType();

    /// <summary>Completes once the writer is completed and everything flushed before was sent (or could not be).</summary>
    public Task Drained => _drained.Task;

    /// <inheritdoc />
    public override void Advance(int bytes) => _writing.Advance(bytes);

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0) => _writing.GetMemory(sizeHint);

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0) => _writing.GetSpan(sizeHint);

    /// <inheritdoc />
    public override bool CanGetUnflushedBytes => true;

    /// <inheritdoc />
    public override long UnflushedBytes => _writing.WrittenCount;

    /// <inheritdoc />
    public override void CancelPendingFlush()
    {
        // Flushes never wait, so there is nothing to cancel.
    }

    /// <inheritdoc />
    public override void Complete(Exception? exception = null)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            if (!_sending)
            {
                _drained.TrySetResult();
            }
        }
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_writing.WrittenCount == 0)
        {
            return new(_completed ? Finished : Flushed);
        }
        ReadOnlyMemory<byte> message;
        lock (_gate)
        {
            if (_completed)
            {
                _writing.ResetWrittenCount();
                return new(Finished);
            }
            if (_sending)
            {
                Queue(_writing.WrittenSpan);
                _writing.ResetWrittenCount();
                return new(_completed ? Finished : Flushed);
            }
            _sending = true;
            // The buffer goes out as it is; a fresh one takes the next writes while it may still be on its way.
            message = _writing.WrittenMemory;
            (_writing, _spare) = (_spare, _writing);
            _writing.ResetWrittenCount();
        }
        return new(Send(message));
    }

    /// <summary>
    /// Writes and flushes <paramref name="source"/>; when nothing else is waiting, the bytes are sent as they are,
    /// without a copy (SignalR hands every receiver of a broadcast the same serialized message).
    /// </summary>
    public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        if (_writing.WrittenCount > 0)
        {
            _writing.Write(source.Span);
            return FlushAsync(cancellationToken);
        }
        lock (_gate)
        {
            if (_completed)
            {
                return new(Finished);
            }
            if (_sending)
            {
                Queue(source.Span);
                return new(_completed ? Finished : Flushed);
            }
            _sending = true;
        }
        return new(Send(source));
    }

    /// <summary>
    /// Sends one hub message that a group broadcast already framed for every receiver (serialized for this connection's
    /// protocol): when nothing else is being sent, its frame goes to the socket as it is, past SignalR's connection
    /// context and the WebSocket; otherwise the message waits behind the send in progress like any other, in order.
    /// It never waits: a failed send ends the connection, as with <see cref="FlushAsync"/>.
    /// </summary>
    /// <remarks>
    /// Only for a connection without stateful reconnect (this transport offers none): SignalR numbers and keeps the
    /// messages of such connections in its connection context, which this skips.
    /// </remarks>
    public void WriteFramed(ServerFrame frame)
    {
        lock (_gate)
        {
            if (_completed)
            {
                return;
            }
            if (_sending)
            {
                Queue(frame.Payload.Span);
                return;
            }
            _sending = true;
        }

        ValueTask written;
        try
        {
            if (_direct is null || frame.Type != _messageType() || !_direct.TryWrite(frame.Bytes, out written))
            {
                // No direct socket, or a control frame (a pong, a close) is on its way: through the WebSocket, in turn.
                Send(frame.Payload);
                return;
            }
            if (!written.IsCompleted)
            {
                _ = SendWhenCompletedAsync(written);
                return;
            }
            written.GetAwaiter().GetResult();
        }
        catch (Exception exception)
        {
            Fail(exception);
            return;
        }
        if (TryTakeQueued(out var queued))
        {
            Send(queued);
        }
    }

    // Under the gate.
    private void Queue(ReadOnlySpan<byte> bytes)
    {
        if (_queuedMessages >= _maxQueuedMessages)
        {
            _completed = true;
            _queued.ResetWrittenCount();
            _queuedMessages = 0;
            _failed(new WebSocketException(WebSocketError.Faulted, TooSlow));
            return;
        }
        _queued.Write(bytes);
        _queuedMessages++;
    }

    // Sends the message, then whatever was queued meanwhile, on this thread for as long as the sends complete at once.
    private FlushResult Send(ReadOnlyMemory<byte> message)
    {
        while (true)
        {
            ValueTask sent;
            try
            {
                // No cancellation token: with one, every send takes the socket's slower path. A send to a client that
                // went away fails once the socket is aborted.
                sent = _socket.SendAsync(message, _messageType(), endOfMessage: true, CancellationToken.None);
                if (!sent.IsCompleted)
                {
                    _ = SendWhenCompletedAsync(sent);
                    return Flushed;
                }
                sent.GetAwaiter().GetResult();
            }
            catch (Exception exception)
            {
                Fail(exception);
                return Finished;
            }

            if (!TryTakeQueued(out message))
            {
                return Flushed;
            }
        }
    }

    private async Task SendWhenCompletedAsync(ValueTask sent)
    {
        try
        {
            await sent.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fail(exception);
            return;
        }
        if (TryTakeQueued(out var message))
        {
            Send(message);
        }
    }

    // The bytes queued behind the send that just completed, as the next message; or none, and the send is over.
    private bool TryTakeQueued(out ReadOnlyMemory<byte> message)
    {
        lock (_gate)
        {
            if (_queued.WrittenCount == 0)
            {
                _sending = false;
                if (_completed)
                {
                    _drained.TrySetResult();
                }
                message = default;
                return false;
            }
            message = _queued.WrittenMemory;
            (_queued, _spare) = (_spare, _queued);
            _queued.ResetWrittenCount();
            _queuedMessages = 0;
            return true;
        }
    }

    private void Fail(Exception exception)
    {
        lock (_gate)
        {
            _queued.ResetWrittenCount();
            _queuedMessages = 0;
            _sending = false;
            _completed = true;
            _drained.TrySetResult();
        }
        _failed(exception);
    }
}
