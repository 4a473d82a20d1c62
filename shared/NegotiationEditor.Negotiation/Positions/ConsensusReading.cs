using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;

namespace NegotiationEditor.Negotiation.Positions;

/// <summary>
/// Where the member states stand on an amendment: decisions are made by the member states, so only their positions
/// count; stakeholders, organisations and observer states are left out. The sponsoring delegations count as supporting
/// (the chair, proposing for no delegation, counts for nothing); a member
/// state with no position is silent. There is consensus when no member state objects.
/// </summary>
/// <param name="Supporting">Member states supporting (the sponsors first).</param>
/// <param name="Objecting">Member states objecting.</param>
/// <param name="Reserving">Member states reserving their position.</param>
/// <param name="CanLiveWith">Member states that can live with it.</param>
/// <param name="Silent">Member states that have taken no position.</param>
public sealed record ConsensusReading(
    IReadOnlyList<DelegationId> Supporting,
    IReadOnlyList<DelegationId> Objecting,
    IReadOnlyList<DelegationId> Reserving,
    IReadOnlyList<DelegationId> CanLiveWith,
    IReadOnlyList<DelegationId> Silent)
{
    /// <summary>Whether no member state objects.</summary>
    public bool IsConsensus => Objecting.Count == 0;

    /// <summary>Reads the member states' positions on <paramref name="amendment"/>.</summary>
    /// <param name="amendment">The amendment.</param>
    /// <param name="history">The document's position history.</param>
    /// <param name="delegations">The negotiation's delegations (member states are picked from them).</param>
    public static ConsensusReading Of(Amendment amendment, IEnumerable<Position> history, IReadOnlyCollection<Delegation> delegations)
    {
        ArgumentNullException.ThrowIfNull(amendment);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(delegations);
        var memberStates = delegations.Where(d => d.CountsTowardConsensus).Select(d => d.Id).ToHashSet();
        var sponsors = amendment.SponsoringDelegations().Where(memberStates.Contains).ToList();
        var current = PositionHistory.Current(history, amendment.Id)
            .Where(p => memberStates.Contains(p.Delegation) && !sponsors.Contains(p.Delegation))
            .ToList();
        List<DelegationId> With(PositionKind kind) => current.Where(p => p.Kind == kind).Select(p => p.Delegation).ToList();

        var spoken = current.Select(p => p.Delegation).Concat(sponsors).ToHashSet();
        return new ConsensusReading(
            sponsors.Concat(With(PositionKind.Supports)).ToList(),
            With(PositionKind.Objects),
            With(PositionKind.Reserves),
            With(PositionKind.CanLiveWith),
            delegations.Where(d => d.CountsTowardConsensus && !spoken.Contains(d.Id)).Select(d => d.Id).ToList());
    }
}
