using NegotiationEditor.Negotiation.Access;

namespace NegotiationEditor.Negotiation.Timeline;

/// <summary>A burst of typing in a document's text: edits that followed each other with no long pause, as one moment.</summary>
/// <param name="Start">When the first edit of the burst was stored.</param>
/// <param name="End">When the last edit of the burst was stored.</param>
/// <param name="Editors">Who typed, in the order they first typed in the burst.</param>
/// <param name="Change">What the burst changed in the text.</param>
/// <param name="Paragraph">The paragraph where the change starts (op-3), or null when it is outside any paragraph.</param>
public sealed record EditBurst(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<ParticipantId> Editors, TextChange Change, string? Paragraph);

/// <summary>Splits a run of stored edits into bursts.</summary>
public static class EditBursts
{
    /// <summary>The default pause that ends a burst.</summary>
    public static readonly TimeSpan DefaultGap = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Groups <paramref name="edits"/> (oldest first) into runs where each edit began no more than
    /// <paramref name="gap"/> after the previous one ended.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<T>> Split<T>(IEnumerable<T> edits, Func<T, (DateTimeOffset First, DateTimeOffset Last)> span, TimeSpan gap)
    {
        ArgumentNullException.ThrowIfNull(edits);
        ArgumentNullException.ThrowIfNull(span);
        var bursts = new List<IReadOnlyList<T>>();
        List<T>? current = null;
        var end = DateTimeOffset.MinValue;
        foreach (var edit in edits)
        {
            var (first, last) = span(edit);
            if (current is null || first - end > gap)
            {
                current = [];
                bursts.Add(current);
            }

            current.Add(edit);
            end = last > end ? last : end;
        }

        return bursts;
    }
}
