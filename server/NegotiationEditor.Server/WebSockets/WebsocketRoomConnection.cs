using System.Net.WebSockets;
using System.Threading.Channels;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Server.Collaboration;

namespace NegotiationEditor.Server.WebSockets;

/// <summary>
/// A plain WebSocket on <c>/ws/{documentId}</c>: one document per socket, one y-websocket frame per binary message.
/// Frames to send wait in a bounded queue written by one loop, so that a broadcast never waits for a slow receiver;
/// a receiver that lets the queue fill up is disconnected.
/// </summary>
internal sealed class WebsocketRoomConnection : RoomConnection
{
    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _outgoing;
    private readonly CancellationTokenSource _closing = new();
    private string? _closeReason;

    public WebsocketRoomConnection(string id, WebSocket socket, Participant participant, InviteToken token, int maxQueuedFrames)
        : base(id, participant, token)
    {
        _socket = socket;
        _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(maxQueuedFrames)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public override bool ReceivesGroupBroadcasts => false;

    /// <summary>Cancelled when the server closes the connection.</summary>
    public CancellationToken Closing => _closing.Token;

    public override ValueTask DeliverAsync(byte[] frame)
    {
        if (!_outgoing.Writer.TryWrite(frame) && !_closing.IsCancellationRequested)
        {
            Close("too slow: too many frames waiting to be sent");
        }
        return ValueTask.CompletedTask;
    }

    public override void Close(string reason)
    {
        _closeReason ??= reason;
        _outgoing.Writer.TryComplete();
    }

    /// <summary>Sends queued frames until the connection closes; then closes the socket with the reason.</summary>
    public async Task SendLoopAsync(CancellationToken aborted)
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync(aborted).ConfigureAwait(false))
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, aborted).ConfigureAwait(false);
            }
            if (_closeReason is { } reason && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                _closing.Cancel();
                await _socket.CloseOutputAsync(WebSocketCloseStatus.PolicyViolation, Truncate(reason), aborted).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away; the receive loop ends the connection.
        }
        finally
        {
            _closing.Cancel();
        }
    }

    /// <summary>Ends the send loop once the client has gone.</summary>
    public void Finish() => _outgoing.Writer.TryComplete();

    // A close reason has at most 123 bytes of UTF-8.
    private static string Truncate(string reason) =>
        System.Text.Encoding.UTF8.GetByteCount(reason) <= 123 ? reason : reason[..Math.Min(reason.Length, 100)] + "...";
}
