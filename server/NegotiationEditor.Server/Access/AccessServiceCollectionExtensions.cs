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
        return services;
    }
}
