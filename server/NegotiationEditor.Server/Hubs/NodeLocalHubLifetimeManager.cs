using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Hubs.Sockets;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Hubs;

/// <summary>
/// The hub's lifetime manager: SignalR's own (the default one, or the Redis backplane's with <c>--redis</c>), which
/// does everything it did, plus a memory of this node's connections and of the groups they joined here. Through it a
/// document frame goes to this node's members of a group only (<see cref="SendToLocalGroupAsync"/>), encoded once
/// per hub protocol for all of them; frames made on other nodes reach this node through the document relay instead.
/// </summary>
/// <remarks>
/// A group's frames are written by the <see cref="SendingLanes"/>: each connection is on one lane for its whole life,
/// so it receives a group's frames in the order they were sent, while the writes to many connections (each a socket
/// send on the hub's own WebSocket transport) spread over every core. A connection on the hub's own transport is
/// handed the broadcast's WebSocket frame, built once per protocol (<see cref="HubSocketWriter.WriteFramed"/>); any
/// other gets the message through SignalR's connection context.
/// </remarks>
internal sealed class NodeLocalHubLifetimeManager : HubLifetimeManager<CollabHub>, IDisposable
{
    private readonly HubLifetimeManager<CollabHub> _inner;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LocalConnection> _connections = new(StringComparer.Ordinal);
    // Replaced whole under the gate, read without it by every broadcast.
    private readonly ConcurrentDictionary<string, ImmutableArray<LocalConnection>> _groups = new(StringComparer.Ordinal);
    private readonly SendingLanes _lanes;
    private int _disposed;

    /// <summary>Wraps <paramref name="inner"/>, which every call of SignalR's still goes to.</summary>
    public NodeLocalHubLifetimeManager(HubLifetimeManager<CollabHub> inner, SendingLanes lanes)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(lanes);
        _inner = inner;
        _lanes = lanes;
    }

    /// <summary>
    /// Sends <paramref name="message"/> to the connections of this node in <paramref name="group"/>, except
    /// <paramref name="exceptConnectionId"/>; the message is serialized once per protocol whatever their number. It
    /// returns once the writes are posted to the sending lanes: a failed write aborts its own connection.
    /// </summary>
    public Task SendToLocalGroupAsync(string group, SerializedHubMessage message, string? exceptConnectionId)
    {
        if (!_groups.TryGetValue(group, out var members))
        {
            return Task.CompletedTask;
        }
        LocalConnection? except = null;
        if (exceptConnectionId is not null)
        {
            lock (_gate)
            {
                _connections.TryGetValue(exceptConnectionId, out except);
            }
        }
        _lanes.Post(new GroupBroadcast(members, message, except));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_gate)
        {
            _connections[connection.ConnectionId] = new LocalConnection(connection, _lanes.Next());
        }
        return _inner.OnConnectedAsync(connection);
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        lock (_gate)
        {
            if (_connections.Remove(connection.ConnectionId, out var local))
            {
                foreach (var group in local.Groups)
                {
                    RemoveMember(group, local);
                }
            }
        }
        return _inner.OnDisconnectedAsync(connection);
    }

    /// <inheritdoc />
    public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var local) && local.Groups.Add(groupName))
            {
                _groups[groupName] = _groups.TryGetValue(groupName, out var members) ? members.Add(local) : [local];
            }
        }
        return _inner.AddToGroupAsync(connectionId, groupName, cancellationToken);
    }

    /// <inheritdoc />
    public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_connections.TryGetValue(connectionId, out var local) && local.Groups.Remove(groupName))
            {
                RemoveMember(groupName, local);
            }
        }
        return _inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
    }

    /// <inheritdoc />
    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendAllAsync(methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        _inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

    /// <inheritdoc />
    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

    /// <summary>
    /// Sends to a group: this node's members get the message on their sending lanes, after the group's frames sent
    /// before it (a workflow event never overtakes the text update it describes); the other nodes' members through the
    /// wrapped manager, which is told to leave this node's members out.
    /// </summary>
    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        if (!_groups.TryGetValue(groupName, out var members) || members.IsEmpty)
        {
            return _inner.SendGroupAsync(groupName, methodName, args, cancellationToken);
        }
        _lanes.Post(new GroupBroadcast(members, new SerializedHubMessage(new InvocationMessage(methodName, args)), except: null));
        var local = new string[members.Length];
        for (var i = 0; i < members.Length; i++)
        {
            local[i] = members[i].Context.ConnectionId;
        }
        return _inner.SendGroupExceptAsync(groupName, methodName, args, local, cancellationToken);
    }

    /// <inheritdoc />
    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendGroupsAsync(groupNames, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        _inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

    /// <inheritdoc />
    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendUserAsync(userId, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _inner.SendUsersAsync(userIds, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        _inner.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    /// <inheritdoc />
    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        _inner.SetConnectionResultAsync(connectionId, result);

    /// <inheritdoc />
    public override bool TryGetReturnType(string invocationId, [NotNullWhen(true)] out Type? type) =>
        _inner.TryGetReturnType(invocationId, out type);

    /// <summary>Disposes the wrapped manager (the Redis backplane's holds its Redis connection).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _inner is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }

    // Under the gate.
    private void RemoveMember(string group, LocalConnection connection)
    {
        if (!_groups.TryGetValue(group, out var members))
        {
            return;
        }
        var remaining = members.Remove(connection);
        if (remaining.IsEmpty)
        {
            _groups.TryRemove(group, out _);
        }
        else
        {
            _groups[group] = remaining;
        }
    }

    private sealed class LocalConnection(HubConnectionContext context, int lane)
    {
        public HubConnectionContext Context { get; } = context;

        /// <summary>The sending lane that writes this connection's group frames.</summary>
        public int Lane { get; } = lane;

        /// <summary>The connection's protocol, which the broadcast's frame for it is serialized with.</summary>
        public IHubProtocol Protocol { get; } = context.Protocol;

        /// <summary>The output of a connection on the hub's own transport, which takes prepared frames; otherwise null.</summary>
        public HubSocketWriter? Writer { get; } = context.Features.Get<HubSocketWriter>();

        public HashSet<string> Groups { get; } = new(StringComparer.Ordinal);
    }

    // A write that does not complete at once finishes on its own: the connection writes one message at a time and
    // aborts itself when a write fails, so the lane does not wait for it.
    private sealed class GroupBroadcast(ImmutableArray<LocalConnection> members, SerializedHubMessage message, LocalConnection? except) : ILaneWork
    {
        // The message framed for each protocol (and WebSocket message type) met so far; the lanes share them.
        private ImmutableArray<(IHubProtocol Protocol, ServerFrame Frame)> _frames = [];

        public void Write(int lane)
        {
            foreach (var member in members)
            {
                if (member.Lane != lane || ReferenceEquals(member, except))
                {
                    continue;
                }
                if (member.Writer is { } writer)
                {
                    writer.WriteFramed(FrameFor(member.Protocol, writer.MessageType));
                    continue;
                }
                var written = member.Context.WriteAsync(message);
                if (written.IsCompletedSuccessfully)
                {
                    written.GetAwaiter().GetResult();
                }
                else
                {
                    _ = written.AsTask();
                }
            }
        }

        private ServerFrame FrameFor(IHubProtocol protocol, WebSocketMessageType type)
        {
            foreach (var (framedFor, frame) in _frames)
            {
                if (ReferenceEquals(framedFor, protocol) && frame.Type == type)
                {
                    return frame;
                }
            }
            // Two lanes may both frame it the first time: either copy is right.
            var framed = new ServerFrame(type, message.GetSerializedMessage(protocol).Span);
            ImmutableInterlocked.Update(ref _frames, frames => frames.Add((protocol, framed)));
            return framed;
        }
    }
}
