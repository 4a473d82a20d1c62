using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Delegations;

namespace NegotiationEditor.Negotiation.Positions;

/// <summary>One position taken by a delegation on an amendment at a moment. Positions are never overwritten: a change
/// is a new position, and the latest one is the delegation's current position.</summary>
/// <param name="Amendment">The amendment.</param>
/// <param name="Delegation">The delegation taking the position.</param>
/// <param name="Kind">The position.</param>
/// <param name="TakenAt">When it was taken.</param>
/// <param name="TakenBy">The participant who took it for the delegation.</param>
/// <param name="Note">An optional remark (empty when none).</param>
public sealed record Position(
    AmendmentId Amendment,
    DelegationId Delegation,
    PositionKind Kind,
    DateTimeOffset TakenAt,
    ParticipantId TakenBy,
    string Note = "")
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNoteLength = 2_000;
}

/// <summary>Reads the position history of a document.</summary>
public static class PositionHistory
{
    /// <summary>Every position taken on <paramref name="amendment"/> by <paramref name="delegation"/>, oldest first.</summary>
    public static IReadOnlyList<Position> Of(IEnumerable<Position> history, AmendmentId amendment, DelegationId delegation)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Where(p => p.Amendment == amendment && p.Delegation == delegation).ToList();
    }

    /// <summary>The current position of each delegation on <paramref name="amendment"/> (its latest), in the order the
    /// current positions were taken.</summary>
    public static IReadOnlyList<Position> Current(IEnumerable<Position> history, AmendmentId amendment)
    {
        ArgumentNullException.ThrowIfNull(history);
        var latest = new Dictionary<DelegationId, (int Order, Position Position)>();
        var order = 0;
        foreach (var position in history.Where(p => p.Amendment == amendment))
        {
            latest[position.Delegation] = (order++, position);
        }

        return latest.Values.OrderBy(entry => entry.Order).Select(entry => entry.Position).ToList();
    }
}
