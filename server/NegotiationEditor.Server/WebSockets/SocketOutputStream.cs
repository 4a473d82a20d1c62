using System.Net.Sockets;

namespace NegotiationEditor.Server.WebSockets;

/// <summary>
/// The stream under a WebSocket whose output goes straight to the connection's socket: reads come from Kestrel's
/// upgraded request stream as usual, writes are handed to the kernel by the thread that writes, with no pipe, no
/// HTTP layer and no hop to Kestrel's sender in between. When the socket's send buffer is full the rest of a write
/// is sent asynchronously, and the write completes once it is.
/// </summary>
/// <remarks>
/// The WebSocket above writes one frame at a time (it holds its own send lock), so writes never overlap. Kestrel
/// writes nothing to an upgraded connection after the 101 response, and with inline scheduling that response is on
/// the socket once the upgrade returns (see <see cref="DirectWebSockets"/>), so nothing interleaves with these writes.
/// </remarks>
internal sealed class SocketOutputStream : Stream
{
    private readonly Stream _input;
    private readonly Socket _socket;

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

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int sent;
        try
        {
            sent = _socket.Send(buffer.Span, SocketFlags.None, out var error);
            if (error is not (SocketError.Success or SocketError.WouldBlock))
            {
                return ValueTask.FromException(new IOException("The socket could not send: " + error, new SocketException((int)error)));
            }
        }
        catch (ObjectDisposedException exception)
        {
            return ValueTask.FromException(new IOException("The socket is closed.", exception));
        }

        return sent == buffer.Length ? ValueTask.CompletedTask : SendRestAsync(buffer[sent..], cancellationToken);
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _input.Dispose();
        }
        base.Dispose(disposing);
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
    }
}
