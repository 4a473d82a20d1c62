using System.Security.Cryptography;

namespace NegotiationEditor.Negotiation;

/// <summary>The source of randomness for ids and invite tokens; injected so that tests are deterministic.</summary>
public interface IRandomSource
{
    /// <summary>Fills <paramref name="destination"/> with random bytes.</summary>
    void Fill(Span<byte> destination);
}

/// <summary>Randomness from the operating system's cryptographic generator; the one to use outside tests.</summary>
public sealed class CryptographicRandomSource : IRandomSource
{
    /// <summary>The shared instance.</summary>
    public static CryptographicRandomSource Instance { get; } = new();

    /// <inheritdoc />
    public void Fill(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}

internal static class RandomIds
{
    /// <summary>A version-4 GUID from 16 random bytes.</summary>
    public static Guid NewGuid(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[16];
        random.Fill(bytes);
        // Guid's byte layout is little-endian for the first three groups: byte 7 carries the version.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }
}
