using System.Net.WebSockets;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Scaleout.Tests.Support;

/// <summary>A raw y-websocket client on /ws/{documentId} carrying a <see cref="SyncingPeer"/>.</summary>
public sealed class WebsocketPeer : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _receiving = Task.CompletedTask;

    private readonly Lock _awarenessGate = new();

    public SyncingPeer Peer { get; } = new();

    /// <summary>This client's awareness, holding the states the server sent too.</summary>
    public Awareness Awareness { get; } = new((ulong)Random.Shared.NextInt64(1, int.MaxValue));

    public static async Task<WebsocketPeer> JoinAsync(Uri address)
    {
        var peer = new WebsocketPeer();
        await peer._socket.ConnectAsync(address, CancellationToken.None);
        peer._receiving = Task.Run(peer.ReceiveAsync);
        await peer.SendAsync([peer.Peer.SyncStepOne()]);
        Assert.That(await Eventually.HoldsAsync(() => peer.Peer.Synced), Is.True, "the server's sync step 2 arrived on /ws");
        return peer;
    }

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
    public async Task LeaveAsync()
    {
        await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "leaving", CancellationToken.None);
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }
                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    var frame = message.ToArray();
                    message.SetLength(0);
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
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
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
    }
}
