namespace NegotiationEditor.Server.Collaboration;

/// <summary>
/// One broadcast's y-websocket frame, handed to every connection that receives it. A channel that would do the same
/// work for each receiver (a WebSocket frame around the bytes) does it once, in <see cref="Prepared{T}"/>, and the
/// other receivers of the broadcast reuse it.
/// </summary>
public sealed class BroadcastFrame
{
    private object? _prepared;

    /// <summary>Wraps the frame's bytes.</summary>
    public BroadcastFrame(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Bytes = bytes;
    }

    /// <summary>The y-websocket frame.</summary>
    public byte[] Bytes { get; }

    /// <summary>
    /// The frame as <paramref name="prepare"/> makes it from <see cref="Bytes"/>: made by the first receiver that asks
    /// (two at once may both make it; either result is used) and kept for the others. One prepared form is kept per
    /// broadcast: a channel asking for another type gets a fresh one each time.
    /// </summary>
    public T Prepared<T>(Func<byte[], T> prepare)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(prepare);
        if (Volatile.Read(ref _prepared) is T prepared)
        {
            return prepared;
        }
        var made = prepare(Bytes);
        return Interlocked.CompareExchange(ref _prepared, made, null) as T ?? made;
    }
}
