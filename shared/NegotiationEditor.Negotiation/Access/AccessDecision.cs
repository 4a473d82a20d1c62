namespace NegotiationEditor.Negotiation.Access;

/// <summary>The access policy's answer: allowed, or refused with the reason to show.</summary>
public sealed record AccessDecision
{
    private AccessDecision(bool isAllowed, string? reason)
    {
        IsAllowed = isAllowed;
        Reason = reason;
    }

    /// <summary>The answer "allowed".</summary>
    public static AccessDecision Allowed { get; } = new(true, null);

    /// <summary>Whether the action is allowed.</summary>
    public bool IsAllowed { get; }

    /// <summary>Why the action is refused; null when allowed.</summary>
    public string? Reason { get; }

    /// <summary>A refusal for <paramref name="reason"/>.</summary>
    public static AccessDecision Refused(string reason) => new(false, reason);
}
