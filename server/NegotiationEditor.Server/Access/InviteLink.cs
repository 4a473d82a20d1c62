using System.Diagnostics.CodeAnalysis;
using NegotiationEditor.Negotiation.Access;

namespace NegotiationEditor.Server.Access;

/// <summary>
/// A personal invite link: the server's address with the token in the fragment, <c>http://host:port/#invite=TOKEN</c>.
/// The fragment never reaches the server in a request line or its logs; clients read it and send the token as a
/// bearer token (REST) or as <c>access_token</c> (hub and WebSocket).
/// </summary>
public static class InviteLink
{
    private const string Marker = "#invite=";

    /// <summary>The link for <paramref name="token"/> on the server at <paramref name="serverUrl"/>.</summary>
    public static string Create(string serverUrl, InviteToken token)
    {
        ArgumentNullException.ThrowIfNull(serverUrl);
        return serverUrl.TrimEnd('/') + "/" + Marker + token.Value;
    }

    /// <summary>Splits a link into the server's address and the token; false when it is not an invite link.</summary>
    public static bool TryParse(string? link, [NotNullWhen(true)] out Uri? server, out InviteToken token)
    {
        server = null;
        token = default;
        var at = link?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0 || !Uri.TryCreate(link![..at], UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
        {
            return false;
        }
        var value = link[(at + Marker.Length)..];
        if (value.Length == 0)
        {
            return false;
        }
        server = parsed;
        token = new InviteToken(value);
        return true;
    }
}
