using System.Net.WebSockets;
using Microsoft.AspNetCore.TestHost;
using NegotiationEditor.Crdt.Protocol;

namespace NegotiationEditor.Testing;

/// <summary>
/// A raw WebSocket client on /ws/{documentId} speaking y-websocket frames: a <see cref="SyncingPeer"/> for the
/// document and an <see cref="Crdt.Protocol.Awareness"/> holding its own state and those the server sent.
/// </summary>
public sealed class WebsocketPeer : IAsyncDisposable
{
    private readonly WebSocket _socket;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _awarenessGate = new();
    private readonly Task _receiving;

    private WebsocketPeer(WebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveAsync);
    }

    /// <summary>The document as this client holds it.</summary>
    public SyncingPeer Peer { get; } = new();

    /// <summary>This client's awareness, holding the states the server sent too.</summary>
    public Awareness Awareness { get; } = new((ulong)Random.Shared.NextInt64(1, int.MaxValue));

    /// <summary>How the server closed the socket, once it did.</summary>
    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>The reason the server gave when it closed the socket.</summary>
    public string? CloseReason => _socket.CloseStatusDescription;

    /// <summary>Completes when the socket no longer receives.</summary>
    public Task Receiving => _receiving;

    /// <summary>Opens a raw WebSocket to a document of an in-memory server (nothing sent yet).</summary>
    public static async Task<WebSocket> ConnectAsync(TestServer server, string token, string documentId)
    {
        var uri = new Uri($"ws://localhost/ws/{documentId}?access_token={Uri.EscapeDataString(token)}");
        return await server.CreateWebSocketClient().ConnectAsync(uri, CancellationToken.None);
    }

    /// <summary>Joins a document of an in-memory server: sends sync step 1 (as the npm provider does) and waits until synced.</summary>
    public static async Task<WebsocketPeer> JoinAsync(TestServer server, string token, string documentId) =>
        await JoinAsync(await ConnectAsync(server, token, documentId));

    /// <summary>Joins a document at a <c>ws://</c> address (see <see cref="ServerProcess.Websocket"/>).</summary>
    public static async Task<WebsocketPeer> JoinAsync(Uri address)
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(address, CancellationToken.None);
        return await JoinAsync(socket);
    }

    /// <summary>Sends sync step 1 on an open socket and waits until synced.</summary>
    /// <exception cref="TimeoutException">The server's sync step 2 did not arrive.</exception>
    public static async Task<WebsocketPeer> JoinAsync(WebSocket socket)
    {
        var peer = new WebsocketPeer(socket);
        await peer.SendAsync([peer.Peer.SyncStepOne()]);
        if (!await Eventually.HoldsAsync(() => peer.Peer.Synced))
        {
            await peer.DisposeAsync();
            throw new TimeoutException("the server's sync step 2 did not arrive on /ws");
        }
        return peer;
    }

    /// <summary>Sends frames one after the other.</summary>
    public async Task SendAsync(IEnumerable<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            await _sending.WaitAsync();
            try
            {
                await _socket.SendAsync(frame, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            }
            finally
            {
                _sending.Release();
            }
        }
    }

    /// <summary>Appends text at the end of the document and sends the update.</summary>
    public Task AppendAsync(string text) => SendAsync(Peer.Append(text));

    /// <summary>Sets this client's awareness state and sends it.</summary>
    public Task AnnounceAsync(string stateJson)
    {
        byte[] frame;
        lock (_awarenessGate)
        {
            Awareness.SetLocalState(stateJson);
            frame = new WebsocketAwarenessMessage(Awareness.EncodeUpdate([Awareness.ClientId])).ToArray();
        }
        return SendAsync([frame]);
    }

    /// <summary>The awareness state this client holds for <paramref name="client"/>, or null.</summary>
    public string? StateOf(ulong client)
    {
        lock (_awarenessGate)
        {
            return Awareness.States.GetValueOrDefault(client);
        }
    }

    /// <summary>Closes the socket as a browser tab does when it goes away.</summary>
    public Task LeaveAsync() => _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "leaving", CancellationToken.None);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                if (await WebsocketMessages.ReceiveAsync(_socket, buffer, message, _stop.Token) is not { } frame)
                {
                    return;
                }
                if (WebsocketMessage.Read(frame) is WebsocketAwarenessMessage awareness)
                {
                    lock (_awarenessGate)
                    {
                        Awareness.ApplyUpdate(awareness.Update.ToArray(), "server");
                    }
                    continue;
                }
                if (Peer.Handle(frame) is { } answer)
                {
                    await SendAsync([answer]);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Closes the socket (the receive loop reads the server's answer to the close) and stops receiving.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                await _receiving.WaitAsync(Eventually.Limit);
            }
            catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException or TimeoutException)
            {
            }
        }
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
        }
        _socket.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }
}
