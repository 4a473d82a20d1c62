using System.Diagnostics.CodeAnalysis;

namespace NegotiationEditor.Negotiation.Workflow;

/// <summary>Identifies a negotiation.</summary>
public readonly record struct NegotiationId(Guid Value)
{
    /// <summary>A new random id drawn from <paramref name="random"/>.</summary>
    public static NegotiationId New(IRandomSource random) => new(RandomIds.NewGuid(random));

    /// <summary>Reads an id written by <see cref="ToString"/>; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out NegotiationId id)
    {
        if (Guid.TryParseExact(text, "D", out var value) && value != Guid.Empty)
        {
            id = new NegotiationId(value);
            return true;
        }

        id = default;
        return false;
    }

    /// <summary>The id as 36 characters (lower-case hex with hyphens).</summary>
    public override string ToString() => Value.ToString("D");
}
