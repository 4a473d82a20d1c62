using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using NegotiationEditor.Server.Hubs;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Storage.Postgres;

namespace NegotiationEditor.Server.Collaboration.Scaleout;

/// <summary>Registers what several nodes serving one negotiation need: <c>--redis</c> and <c>--postgres</c>.</summary>
public static class ScaleoutServiceCollectionExtensions
{
    /// <summary>The setting naming the Redis server (<c>--redis HOST:PORT</c>).</summary>
    public const string RedisSetting = "redis";

    /// <summary>The setting holding the PostgreSQL connection string (<c>--postgres CONN</c>).</summary>
    public const string PostgresSetting = "postgres";

    /// <summary>
    /// With <c>--postgres</c>, stores documents and the negotiation in PostgreSQL instead of LiteDB; with
    /// <c>--redis</c>, adds the SignalR Redis backplane and relays document frames between nodes. Call it after
    /// the storage, the collaboration and the hub are added.
    /// </summary>
    public static IServiceCollection AddScaleout(this IServiceCollection services, IConfiguration configuration)
    {
        if (configuration[PostgresSetting] is { Length: > 0 } postgres)
        {
            // The data folder still receives the seed's invites.csv, though the database is elsewhere.
            Directory.CreateDirectory(StorageServiceCollectionExtensions.DataFolder(configuration));
            services.AddSingleton(_ => new PostgresStorage(postgres));
            services.AddSingleton<IDocumentUpdateLog>(provider => provider.GetRequiredService<PostgresStorage>());
            services.AddSingleton<INegotiationStore>(provider => provider.GetRequiredService<PostgresStorage>());
            services.AddSingleton<IDocumentHistory>(_ => new PostgresDocumentHistory(postgres));
        }

        if (configuration[RedisSetting] is { Length: > 0 } redis)
        {
            // The backplane carries what the hub sends to groups and users (workflow events); document frames go to
            // this node's hub connections only and reach the other nodes through the relay below.
            services.AddSignalR().AddStackExchangeRedis(redis);
            services.AddCollabHubLifetimeManager<RedisHubLifetimeManager<CollabHub>>();
            services.AddSingleton(_ => new RedisDocumentRelay(redis));
            services.AddSingleton<RoomHook, RelayHook>();
            services.AddHostedService<RelayedFrameListener>();
            if (configuration[PostgresSetting] is { Length: > 0 })
            {
                services.AddHostedService<NegotiationChangeRelay>();
            }
        }
        return services;
    }
}
