using System.Security.Cryptography;
using System.Text;

namespace NegotiationEditor.Negotiation.Access;

/// <summary>An invite issued to a participant: the SHA-256 of its token, when it was issued and, once revoked, when.</summary>
/// <param name="Participant">The participant the invite identifies.</param>
/// <param name="TokenSha256">The SHA-256 of the token's UTF-8 bytes, lower-case hex (64 characters).</param>
/// <param name="IssuedAt">When it was issued.</param>
/// <param name="RevokedAt">When it was revoked; null while it is valid.</param>
public sealed record Invite(ParticipantId Participant, string TokenSha256, DateTimeOffset IssuedAt, DateTimeOffset? RevokedAt = null)
{
    /// <summary>Whether the invite has been revoked.</summary>
    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The hash stored for <paramref name="token"/>: SHA-256 of its UTF-8 bytes, lower-case hex.</summary>
    public static string Hash(InviteToken token)
    {
        ArgumentNullException.ThrowIfNull(token.Value);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Value)));
    }

    /// <summary>Whether <paramref name="token"/> is this invite's token; compares the hashes in constant time.</summary>
    public bool Matches(InviteToken token) => Matches(HashBytes(token));

    internal static byte[] HashBytes(InviteToken token) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(token.Value ?? string.Empty));

    internal bool Matches(ReadOnlySpan<byte> presentedHash)
    {
        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        if (TokenSha256 is null
            || TokenSha256.Length != SHA256.HashSizeInBytes * 2
            || Convert.FromHexString(TokenSha256, stored, out _, out var written) != System.Buffers.OperationStatus.Done
            || written != stored.Length)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(stored, presentedHash);
    }
}
