using System.Security.Cryptography;
using System.Text;
using NegotiationEditor.Negotiation.Access;

namespace NegotiationEditor.Negotiation.Adoption;

/// <summary>
/// The seal put on a document when the chair adopts it: the adopted text, its SHA-256 and the time. From then on every
/// edit, amendment or position on the document is refused for everyone.
/// </summary>
/// <param name="Text">The adopted text.</param>
/// <param name="TextSha256">The SHA-256 of the text's UTF-8 bytes, lower-case hex (64 characters).</param>
/// <param name="AdoptedAt">When it was adopted.</param>
/// <param name="AdoptedBy">The chair who adopted it.</param>
public sealed record AdoptionSeal(string Text, string TextSha256, DateTimeOffset AdoptedAt, ParticipantId AdoptedBy)
{
    /// <summary>Seals <paramref name="text"/>: the adoption of that text at <paramref name="at"/> by <paramref name="chair"/>.</summary>
    public static AdoptionSeal Seal(string text, DateTimeOffset at, ParticipantId chair)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new AdoptionSeal(text, HashOf(text), at, chair);
    }

    /// <summary>The SHA-256 of <paramref name="text"/>'s UTF-8 bytes, lower-case hex.</summary>
    public static string HashOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Whether <paramref name="text"/> is exactly the adopted text (its hash matches the seal).</summary>
    public bool Seals(string text) => text is not null && HashOf(text) == TextSha256;
}
