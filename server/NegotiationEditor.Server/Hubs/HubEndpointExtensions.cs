using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Hubs.Sockets;

namespace NegotiationEditor.Server.Hubs;

/// <summary>Registers and maps the collaboration hub.</summary>
public static class HubEndpointExtensions
{
    /// <summary>The hub's path.</summary>
    public const string Path = "/hubs/collab";

    /// <summary>Adds SignalR with the JSON and MessagePack protocols, sized for the largest frame accepted.</summary>
    public static IServiceCollection AddCollabHub(this IServiceCollection services)
    {
        services.AddSignalR().AddMessagePackProtocol();
        services.AddCollabHubLifetimeManager<DefaultHubLifetimeManager<CollabHub>>();
        services.AddSingleton<IGroupFanOut, HubGroupFanOut>();
        services.AddSingleton<HubSocketTransport>();
        // Set on the hubs' common options: SignalR copies them into each hub's own options after any
        // configuration of those, so a setting made there would be overwritten.
        services.AddOptions<Microsoft.AspNetCore.SignalR.HubOptions>()
            .Configure<IOptions<CollaborationOptions>>((hub, collaboration) =>
            {
                // Room for the largest frame in base64 (JSON protocol) plus the envelope, so that the room itself
                // refuses an oversized frame with a clear error instead of SignalR dropping the connection.
                hub.MaximumReceiveMessageSize = (collaboration.Value.MaxFrameBytes * 4L / 3) + (64 * 1024);
                hub.EnableDetailedErrors = false;
            });
        return services;
    }

    /// <summary>
    /// Makes <typeparamref name="TManager"/> (SignalR's default lifetime manager, or the Redis backplane's) the one
    /// the hub's calls go to, behind the layer that lets document frames go to this node's connections only. The last
    /// call wins.
    /// </summary>
    public static IServiceCollection AddCollabHubLifetimeManager<TManager>(this IServiceCollection services)
        where TManager : HubLifetimeManager<CollabHub>
    {
        services.RemoveAll<NodeLocalHubLifetimeManager>();
        services.AddSingleton(provider => new NodeLocalHubLifetimeManager(ActivatorUtilities.CreateInstance<TManager>(provider), provider.GetRequiredService<SendingLanes>()));
        services.TryAddSingleton<HubLifetimeManager<CollabHub>>(provider => provider.GetRequiredService<NodeLocalHubLifetimeManager>());
        return services;
    }

    /// <summary>
    /// Maps the hub at <see cref="Path"/>. WebSocket connections opened without a negotiation (<c>skipNegotiation</c>,
    /// as the .NET client does) go to <see cref="HubSocketTransport"/> unless
    /// <see cref="CollaborationOptions.DirectHubSockets"/> is off; negotiation, negotiated connections, Server-Sent
    /// Events and long polling are SignalR's. Either way the request passes the hub's authorization first.
    /// </summary>
    public static IEndpointRouteBuilder MapCollabHub(this IEndpointRouteBuilder endpoints)
    {
        var hub = endpoints.MapHub<CollabHub>(Path);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<CollaborationOptions>>().Value.DirectHubSockets)
        {
            var transport = endpoints.ServiceProvider.GetRequiredService<HubSocketTransport>();
            hub.Add(endpoint =>
            {
                var signalR = endpoint.RequestDelegate
                    ?? throw new InvalidOperationException($"SignalR's endpoint {endpoint.DisplayName} has no request delegate");
                // A WebSocket with an `id` follows a negotiation: SignalR holds a connection for it, which would
                // never be used (nor dropped) if another transport took the socket. Those stay SignalR's.
                endpoint.RequestDelegate = context =>
                    context.WebSockets.IsWebSocketRequest && !context.Request.Query.ContainsKey("id")
                        ? transport.ServeAsync(context)
                        : signalR(context);
            });
        }
        return endpoints;
    }
}
