using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using NegotiationEditor.Negotiation.Access;

namespace NegotiationEditor.Server.Access;

/// <summary>
/// Authenticates a request by its invite token: <c>Authorization: Bearer TOKEN</c> everywhere, or the query
/// parameter <c>access_token</c> on the live channels (<c>/hubs/</c> and <c>/ws/</c>, where browsers cannot set
/// headers). The principal carries the participant's id, role and delegation, and the token itself (in memory only,
/// never written anywhere) so that live connections can check later that it has not been revoked.
/// </summary>
public sealed class InviteAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LiveNegotiation negotiation)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme's name.</summary>
    public const string SchemeName = "Invite";

    /// <summary>The claim carrying the delegation id (absent for the chair, the secretariat and lone observers).</summary>
    public const string DelegationClaim = "delegation";

    private const string TokenClaim = "NegotiationEditor.InviteToken";

    /// <summary>The invite token the request was authenticated with.</summary>
    public static InviteToken? TokenOf(HttpContext context) => TokenOf(context.User);

    /// <summary>The invite token an authenticated principal was made from.</summary>
    public static InviteToken? TokenOf(ClaimsPrincipal user) =>
        user.FindFirstValue(TokenClaim) is { Length: > 0 } token ? new InviteToken(token) : null;

    /// <summary>The participant id of an authenticated principal, or null.</summary>
    public static ParticipantId? ParticipantOf(ClaimsPrincipal user) =>
        ParticipantId.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = ReadToken(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = new InviteToken(presented);
        var outcome = negotiation.Authenticate(token);
        if (!outcome.Succeeded)
        {
            return Task.FromResult(AuthenticateResult.Fail(outcome.Refusal!.Message));
        }

        var participant = outcome.Value;
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, participant.Id.ToString()),
            new(ClaimTypes.Name, participant.Name),
            new(ClaimTypes.Role, participant.Role.ToString()),
            new(TokenClaim, token.Value),
        };
        if (participant.Delegation is { } delegation)
        {
            claims.Add(new Claim(DelegationClaim, delegation.ToString()));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <inheritdoc />
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "An invite token is needed",
            detail: failure ?? "Send your invite token as 'Authorization: Bearer TOKEN' (or as access_token on /hubs and /ws).")
            .ExecuteAsync(Context);
    }

    private static string? ReadToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var value = header["Bearer ".Length..].Trim();
            return value.Length > 0 ? value : null;
        }

        if (request.Path.StartsWithSegments("/hubs") || request.Path.StartsWithSegments("/ws"))
        {
            var query = request.Query["access_token"].ToString();
            return query.Length > 0 ? query : null;
        }

        return null;
    }
}
