using System.Net.WebSockets;
using Microsoft.AspNetCore.TestHost;

namespace NegotiationEditor.Server.Tests.Support;

/// <summary>A raw WebSocket client on /ws/{documentId} speaking y-websocket frames, carrying a <see cref="SyncingPeer"/>.</summary>
public sealed class WebsocketPeer : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly Task _receiving;
    private readonly SemaphoreSlim _sending = new(1, 1);

    private WebsocketPeer(WebSocket socket, SyncingPeer peer)
    {
        _socket = socket;
        Peer = peer;
        _receiving = ReceiveLoopAsync();
    }

    public SyncingPeer Peer { get; }

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseReason => _socket.CloseStatusDescription;

    public Task Receiving => _receiving;

    public static async Task<WebSocket> ConnectAsync(TestServer server, string token, string documentId)
    {
        var uri = new Uri($"ws://localhost/ws/{documentId}?access_token={Uri.EscapeDataString(token)}");
        return await server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None);
    }

    /// <summary>Connects, sends sync step 1 (as the npm provider does) and waits until synced.</summary>
    public static async Task<WebsocketPeer> JoinAsync(TestServer server, string token, string documentId)
    {
        var peer = new WebsocketPeer(await ConnectAsync(server, token, documentId), new SyncingPeer());
        await peer.SendAsync([peer.Peer.SyncStepOne()]);
        Assert.That(await Eventually.HoldsAsync(() => peer.Peer.Synced), Is.True, "the server's sync step 2 arrived");
        return peer;
    }

    public async Task SendAsync(IEnumerable<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            await _sending.WaitAsync();
            try
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Binary, true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
    }

    public Task AppendAsync(string text) => SendAsync(Peer.Append(text));

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1024 * 1024];
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var length = 0;
                WebSocketReceiveResult result;
                do
                {
                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                if (Peer.Handle(buffer.AsSpan(0, length).ToArray()) is { } answer)
                {
                    await SendAsync([answer]);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                // The receive loop reads the server's answer to the close.
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                await _receiving.WaitAsync(Eventually.Limit);
            }
            catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or TimeoutException)
            {
            }
        }
        _socket.Dispose();
    }
}
