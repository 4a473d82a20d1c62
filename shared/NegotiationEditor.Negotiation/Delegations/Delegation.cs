namespace NegotiationEditor.Negotiation.Delegations;

/// <summary>A delegation: a member state, an observer state, an intergovernmental organisation or a stakeholder.</summary>
/// <param name="Id">The delegation's id.</param>
/// <param name="Name">The name as printed in the ledger ("Greece", "UK", "ICC").</param>
/// <param name="Kind">What the delegation is.</param>
public sealed record Delegation(DelegationId Id, string Name, DelegationKind Kind)
{
    /// <summary>The longest name accepted.</summary>
    public const int MaxNameLength = 120;

    /// <summary>Whether the delegation's positions count toward consensus (member states only).</summary>
    public bool CountsTowardConsensus => Kind == DelegationKind.MemberState;

    /// <summary>Whether the delegation may propose amendments and take positions (member states, organisations, stakeholders).</summary>
    public bool MayTakePart => Kind is DelegationKind.MemberState or DelegationKind.IntergovernmentalOrganisation or DelegationKind.Stakeholder;

    /// <summary>Why <paramref name="name"/> cannot be a delegation's name, or null when it can.</summary>
    public static string? CheckName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "a delegation needs a name";
        }

        if (name.Length > MaxNameLength)
        {
            return $"a delegation's name has at most {MaxNameLength} characters";
        }

        if (name.Trim() != name || name.Any(char.IsControl))
        {
            return "a delegation's name has no leading or trailing spaces and no control characters";
        }

        return null;
    }
}
