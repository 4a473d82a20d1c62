namespace NegotiationEditor.Negotiation.Access;

/// <summary>
/// The secret of an invite, handed once to the invited person (in their link) and never stored: the negotiation
/// keeps only its SHA-256 hash. <see cref="ToString"/> does not reveal it.
/// </summary>
/// <param name="Value">The token as the person presents it (43 characters of base64url).</param>
public readonly record struct InviteToken(string Value)
{
    /// <summary>The number of random bytes in a token.</summary>
    public const int RandomBytes = 32;

    /// <summary>A new token drawn from <paramref name="random"/>.</summary>
    public static InviteToken New(IRandomSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> bytes = stackalloc byte[RandomBytes];
        random.Fill(bytes);
        return new InviteToken(Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
    }

    /// <summary>Hides the secret from logs.</summary>
    public override string ToString() => "InviteToken(hidden)";
}
