using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NegotiationEditor.Server.Collaboration.Hooks;

namespace NegotiationEditor.Server.Collaboration;

/// <summary>Registers the document rooms and their hooks.</summary>
public static class CollaborationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the rooms with their hooks, in this order: access (authenticate, change), limits (change), the update
    /// log (load, store). More hooks registered as <see cref="RoomHook"/> run after these.
    /// </summary>
    public static IServiceCollection AddCollaboration(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CollaborationOptions>(configuration.GetSection(CollaborationOptions.Section));
        services.AddSingleton<RoomHook, InviteAccessHook>();
        services.AddSingleton<RoomHook, DocumentLimitsHook>();
        services.AddSingleton<RoomHook, UpdateLogHook>();
        services.AddSingleton<RoomHook, HistoryHook>().Configure<HistoryOptions>(configuration.GetSection(HistoryOptions.Section));
        services.AddSingleton<DocumentRooms>();
        services.TryAddSingleton<SendingLanes>();
        services.AddHostedService<RoomMaintenance>();
        // A client that vanished without closing (a laptop lid shut) must leave its documents, and its awareness
        // state with it: /ws sockets are pinged and closed when no pong comes back.
        services.Configure<WebSocketOptions>(options =>
        {
            options.KeepAliveInterval = TimeSpan.FromSeconds(15);
            options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        });
        // With SendOnFlushingThread (the default), a socket's output is sent by the thread that flushed it (Kestrel's
        // inline scheduling) instead of by one of Kestrel's I/O threads; request handling stays on the thread pool
        // (socket completions are not inlined), so a handler that blocks does not hold up other sockets.
        services.AddOptions<SocketTransportOptions>()
            .Configure<IOptions<CollaborationOptions>>((sockets, collaboration) => sockets.UnsafePreferInlineScheduling = collaboration.Value.SendOnFlushingThread);
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
