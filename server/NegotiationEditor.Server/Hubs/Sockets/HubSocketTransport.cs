using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Hubs.Sockets;

/// <summary>
/// The hub's WebSocket transport, in place of SignalR's own for WebSocket requests to the hub that skipped the
/// negotiation (negotiation, the connections it made, Server-Sent Events and long polling stay SignalR's). SignalR's transport puts a pipe and a thread-pool hop between every message
/// and its socket, which made a hub frame cost 3-5 µs of server CPU more than the same frame on <c>/ws</c>
/// (docs/benchmarks.md, "Server fan-out"); here the hub handler's writes go to the socket on the writing thread. The
/// hub protocols, the hub handler, its lifetime manager and its dispatch are SignalR's, unchanged.
/// </summary>
internal sealed class HubSocketTransport : IDisposable
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private readonly ConnectionHandler _handler;
    private readonly int _maxQueuedMessages;
    private readonly bool _direct;
    private readonly long _maxBufferedBytes;
    private readonly ConcurrentDictionary<HubSocketConnection, byte> _connections = new();
    private readonly Timer _heartbeat;
    private readonly CancellationTokenRegistration _stopping;

    public HubSocketTransport(HubConnectionHandler<CollabHub> handler, IOptions<HubOptions> hubOptions,
        IOptions<CollaborationOptions> collaboration, IHostApplicationLifetime lifetime)
    {
        _handler = handler;
        _maxQueuedMessages = collaboration.Value.MaxQueuedFrames;
        _direct = collaboration.Value.WritesStraightToSockets;
        // Twice the largest message the hub takes, so that the largest fits while the one before is being read.
        _maxBufferedBytes = Math.Max(64 * 1024, (hubOptions.Value.MaximumReceiveMessageSize ?? 1024 * 1024) * 2);
        _heartbeat = new Timer(_ => Tick(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        _stopping = lifetime.ApplicationStopping.Register(StopAll);
    }

    /// <summary>How many hub connections use this transport now.</summary>
    public int Count => _connections.Count;

    /// <summary>Serves a WebSocket request to the hub until the connection ends.</summary>
    public async Task ServeAsync(HttpContext context)
    {
        var (socket, direct) = await DirectWebSockets.AcceptAsync(context, _direct).ConfigureAwait(false);
        using var accepted = socket;
        var connection = new HubSocketConnection(context, socket, direct, _maxQueuedMessages, _maxBufferedBytes);
        _connections.TryAdd(connection, 0);
        try
        {
            await connection.RunAsync(_handler, CloseTimeout).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(connection, out _);
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _heartbeat.Dispose();
    }

    private void Tick()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.TickHeartbeat();
        }
    }

    // The server is stopping: every connection says goodbye (the client may reconnect to another node).
    private void StopAll()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Stop();
        }
    }
}
