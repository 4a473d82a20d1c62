using System.Diagnostics.CodeAnalysis;

namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>Identifies an amendment.</summary>
public readonly record struct AmendmentId(Guid Value)
{
    /// <summary>A new random id drawn from <paramref name="random"/>.</summary>
    public static AmendmentId New(IRandomSource random) => new(RandomIds.NewGuid(random));

    /// <summary>Reads an id written by <see cref="ToString"/>; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out AmendmentId id)
    {
        if (Guid.TryParseExact(text, "D", out var value) && value != Guid.Empty)
        {
            id = new AmendmentId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>The id as 36 characters (lower-case hex with hyphens).</summary>
    public override string ToString() => Value.ToString("D");
}
