using Microsoft.AspNetCore.Authentication;

namespace NegotiationEditor.Server.Access;

/// <summary>Registers invite authentication and the live negotiation.</summary>
public static class AccessServiceCollectionExtensions
{
    /// <summary>Adds the invite-token scheme (the default) and authorization that requires it.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddSingleton<LiveNegotiation>();
        services.AddAuthentication(InviteAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, InviteAuthenticationHandler>(InviteAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();
        // Browsers put the invite token in the query string of /hubs and /ws (access_token): keep request lines,
        // which carry it, out of the logs.
        services.AddLogging(logging => logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning));
        return services;
    }
}
