using System.Text;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;

namespace NegotiationEditor.Negotiation.Positions;

/// <summary>
/// Renders who stands where on an amendment as UN documents print it:
/// "Proposed by Greece; supported by Iran; opposed by UK", or for a chair's proposal "Proposed by the Chair; supported by
/// US; opposed by India". Member states first, in the order their current positions
/// were taken; stakeholders and organisations apart at the end ("; stakeholders: supported by ICC").
/// </summary>
public static class AmendmentLedger
{
    /// <summary>How the ledger names the chair as proposer ("Proposed by the Chair; supported by US").</summary>
    public const string Chair = "the Chair";

    /// <summary>The ledger line of <paramref name="amendment"/>.</summary>
    /// <param name="amendment">The amendment.</param>
    /// <param name="history">The document's position history (the current positions are read from it).</param>
    /// <param name="delegations">The negotiation's delegations, to name them.</param>
    public static string Render(Amendment amendment, IEnumerable<Position> history, IReadOnlyCollection<Delegation> delegations)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(delegations);
        var byId = delegations.ToDictionary(d => d.Id);
        string Name(DelegationId id) => byId.TryGetValue(id, out var d) ? d.Name : "an unknown delegation";

        var line = new StringBuilder("Proposed by ");
        var sponsors = amendment.SponsoringDelegations().Select(Name);
        line.AppendJoin(", ", amendment.Proposer == ProposerKind.Chair ? sponsors.Prepend(Chair) : sponsors);

        // A sponsor's position is its sponsorship (a delegation may have taken a position before joining as co-sponsor).
        var current = PositionHistory.Current(history, amendment.Id).Where(p => !amendment.IsSponsoredBy(p.Delegation)).ToList();
        var memberStates = current.Where(p => byId.TryGetValue(p.Delegation, out var d) && d.CountsTowardConsensus).ToList();
        var others = current.Except(memberStates).ToList();
        AppendGroups(line, memberStates, Name);
        if (others.Count > 0)
        {
            line.Append("; stakeholders: ");
            var start = line.Length;
            AppendGroups(line, others, Name);
            line.Remove(start, 2);
        }

        return line.ToString();
    }

    /// <summary>How a position is printed in the ledger ("supported by").</summary>
    public static string Describe(PositionKind kind) => kind switch
    {
        PositionKind.Supports => "supported by",
        PositionKind.Objects => "opposed by",
        PositionKind.Reserves => "reservation by",
        PositionKind.CanLiveWith => "acceptable to",
        _ => "unknown position of",
    };

    private static void AppendGroups(StringBuilder line, List<Position> positions, Func<DelegationId, string> name)
    {
        foreach (var kind in new[] { PositionKind.Supports, PositionKind.Objects, PositionKind.Reserves, PositionKind.CanLiveWith })
        {
            var names = positions.Where(p => p.Kind == kind).Select(p => name(p.Delegation)).ToList();
            if (names.Count > 0)
            {
                line.Append("; ").Append(Describe(kind)).Append(' ').AppendJoin(", ", names);
            }
        }
    }
}
