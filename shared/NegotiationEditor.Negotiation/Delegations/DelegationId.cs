using System.Diagnostics.CodeAnalysis;

namespace NegotiationEditor.Negotiation.Delegations;

/// <summary>Identifies a delegation (a member state, an observer state, an organisation or a stakeholder).</summary>
public readonly record struct DelegationId(Guid Value)
{
    /// <summary>A new random id drawn from <paramref name="random"/>.</summary>
    public static DelegationId New(IRandomSource random) => new(RandomIds.NewGuid(random));

    /// <summary>Reads an id written by <see cref="ToString"/>; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out DelegationId id)
    {
        if (Guid.TryParseExact(text, "D", out var value) && value != Guid.Empty)
        {
            id = new DelegationId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>The id as 36 characters (lower-case hex with hyphens).</summary>
    public override string ToString() => Value.ToString("D");
}
