using System.Net.Sockets;

namespace NegotiationEditor.Server.WebSockets;

/// <summary>
/// The stream under a WebSocket whose output goes straight to the connection's socket: reads come from Kestrel's
/// upgraded request stream as usual, writes are handed to the kernel by the thread that writes, with no pipe, no
/// HTTP layer and no hop to Kestrel's sender in between. When the socket's send buffer is full the rest of a write
/// is sent asynchronously, and the write completes once it is.
/// </summary>
/// <remarks>
/// Writes never overlap on the socket: the WebSocket above writes one frame at a time (it holds its own send lock),
/// and a whole frame written past it (<see cref="TryWrite"/>, a broadcast's <see cref="ServerFrame"/>) is taken only
/// when no write is in progress; a WebSocket write that finds one (a pong or a close while a broadcast frame is still
/// on its way) waits for it. Kestrel writes nothing to an upgraded connection after the 101 response, and with inline
/// scheduling that response is on the socket once the upgrade returns (see <see cref="DirectWebSockets"/>).
/// </remarks>
internal sealed class SocketOutputStream : Stream
{
    private readonly Stream _input;
    private readonly Socket _socket;
    private readonly Lock _gate = new();
    private const int Idle = 0;
    private const int Writing = 1;
    private const int Closed = 2;

    // Writing while a write is on its way to the socket (the asynchronous rest of a large one included); Closed once
    // the WebSocket above let go of the stream (it was closed or aborted): nothing more is written after that.
    private int _busy;
    // Completed when the write in progress ends; made by a write that has to wait for it.
    private TaskCompletionSource? _idle;

    /// <param name="input">Kestrel's upgraded stream: what the client sends is read from it.</param>
    /// <param name="socket">The connection's socket, switched to non-blocking for the writes made here.</param>
    public SocketOutputStream(Stream input, Socket socket)
    {
        _input = input;
        _socket = socket;
        // Synchronous sends return what fits instead of waiting; Kestrel's own (asynchronous) receives are unaffected.
        _socket.Blocking = false;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _input.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _input.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        Interlocked.CompareExchange(ref _busy, Writing, Idle) == Idle ? SendTaken(buffer, cancellationToken) : SendWhenIdleAsync(buffer, cancellationToken);

    /// <summary>
    /// Writes <paramref name="frame"/>, a whole WebSocket frame, unless a write is in progress or the WebSocket above
    /// let go of the stream: then it returns false and writes nothing, and the caller sends the message through the
    /// WebSocket instead (which waits its turn, or fails once it is closed).
    /// </summary>
    /// <param name="frame">The frame, header and payload, as it goes on the wire.</param>
    /// <param name="written">Completes once the socket took the whole frame; fails with an <see cref="IOException"/> when it cannot.</param>
    public bool TryWrite(ReadOnlyMemory<byte> frame, out ValueTask written)
    {
        if (Interlocked.CompareExchange(ref _busy, Writing, Idle) != Idle)
        {
            written = default;
            return false;
        }
        written = SendTaken(frame, CancellationToken.None);
        return true;
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    // The WebSocket disposes its stream when it is closed or aborted: from then on nothing reaches the socket from here.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Interlocked.Exchange(ref _busy, Closed);
            WakeWaiter();
            _input.Dispose();
        }
        base.Dispose(disposing);
    }

    // With the stream taken (_busy set): sends what the socket takes now, the rest asynchronously; then frees it.
    private ValueTask SendTaken(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        int sent;
        try
        {
            sent = _socket.Send(buffer.Span, SocketFlags.None, out var error);
            if (error is not (SocketError.Success or SocketError.WouldBlock))
            {
                Release();
                return ValueTask.FromException(new IOException("The socket could not send: " + error, new SocketException((int)error)));
            }
        }
        catch (ObjectDisposedException exception)
        {
            Release();
            return ValueTask.FromException(new IOException("The socket is closed.", exception));
        }

        if (sent == buffer.Length)
        {
            Release();
            return ValueTask.CompletedTask;
        }
        return SendRestAsync(buffer[sent..], cancellationToken);
    }

    private async ValueTask SendRestAsync(ReadOnlyMemory<byte> rest, CancellationToken cancellationToken)
    {
        try
        {
            while (!rest.IsEmpty)
            {
                rest = rest[await _socket.SendAsync(rest, SocketFlags.None, cancellationToken).ConfigureAwait(false)..];
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            throw new IOException("The socket could not send.", exception);
        }
        finally
        {
            Release();
        }
    }

    private async ValueTask SendWhenIdleAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task idle;
            lock (_gate)
            {
                _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                idle = _idle.Task;
            }
            // Tried again once the waiter is in place: a write that ended before it was would not have completed it.
            var was = Interlocked.CompareExchange(ref _busy, Writing, Idle);
            if (was == Idle)
            {
                break;
            }
            if (was == Closed)
            {
                throw new IOException("The socket is closed.", new ObjectDisposedException(nameof(SocketOutputStream)));
            }
            await idle.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        await SendTaken(buffer, cancellationToken).ConfigureAwait(false);
    }

    private void Release()
    {
        // A full fence between freeing the stream and looking for a waiter; the waiter's side is its second attempt. A
        // stream closed meanwhile stays closed.
        Interlocked.CompareExchange(ref _busy, Idle, Writing);
        WakeWaiter();
    }

    private void WakeWaiter()
    {
        if (Volatile.Read(ref _idle) is null)
        {
            return;
        }
        TaskCompletionSource? idle;
        lock (_gate)
        {
            idle = _idle;
            _idle = null;
        }
        idle?.TrySetResult();
    }
}
