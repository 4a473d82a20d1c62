using System.Diagnostics.CodeAnalysis;

namespace NegotiationEditor.Client.Invites;

/// <summary>
/// A participant's invite link, <c>http://host:port/#invite=TOKEN</c>, split into the server's address and the
/// token. The token is the participant's credential: a bearer token for REST and <c>access_token</c> for the hub.
/// </summary>
public sealed record Invite(Uri Server, string Token)
{
    private const string Marker = "#invite=";

    /// <summary>Reads an invite link; false when the text is not one.</summary>
    public static bool TryParse(string? link, [NotNullWhen(true)] out Invite? invite)
    {
        invite = null;
        var at = link?.IndexOf(Marker, StringComparison.Ordinal) ?? -1;
        if (at < 0
            || !Uri.TryCreate(link![..at], UriKind.Absolute, out var server)
            || server.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(server.Query))
        {
            return false;
        }
        var token = link[(at + Marker.Length)..];
        if (token.Length == 0 || token.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }
        invite = new Invite(WithSlash(server), token);
        return true;
    }

    /// <summary>Reads an invite link.</summary>
    /// <exception cref="FormatException">The text is not an invite link.</exception>
    public static Invite Parse(string link) =>
        TryParse(link, out var invite)
            ? invite
            : throw new FormatException($"'{link}' is not an invite link (expected http://host:port/#invite=TOKEN)");

    /// <summary>An invite for a server address given apart from its token.</summary>
    /// <exception cref="FormatException">The address is not an absolute http(s) URL or the token is empty.</exception>
    public static Invite For(string serverUrl, string token)
    {
        if (!Uri.TryCreate(serverUrl, UriKind.Absolute, out var server) || server.Scheme is not ("http" or "https"))
        {
            throw new FormatException($"'{serverUrl}' is not a server address (expected http://host:port)");
        }
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new FormatException("the invite token is empty");
        }
        return new Invite(WithSlash(server), token.Trim());
    }

    /// <summary>The link form of this invite.</summary>
    public override string ToString() => Server.ToString().TrimEnd('/') + "/" + Marker + Token;

    private static Uri WithSlash(Uri server) =>
        server.AbsolutePath.EndsWith('/') ? server : new Uri(server.ToString() + "/");
}
