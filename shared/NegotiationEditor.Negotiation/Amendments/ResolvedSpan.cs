using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>An anchor resolved against the current text: absolute UTF-16 indices, <c>[Start, End)</c>.</summary>
/// <param name="Start">The index of the first character of the span.</param>
/// <param name="End">The index just after the span (equal to <paramref name="Start"/> for a point).</param>
public readonly record struct ResolvedSpan(int Start, int End)
{
    /// <summary>The number of characters in the span.</summary>
    public int Length => End - Start;

    /// <summary>Whether the span is a point.</summary>
    public bool IsPoint => Start == End;

    /// <summary>Whether the span is well formed and lies inside a text of <paramref name="textLength"/> characters.</summary>
    public bool LiesWithin(int textLength) => Start >= 0 && End >= Start && End <= textLength;

    /// <summary>
    /// Whether two spans touch the same text: two spans overlap when they share a character; a point collides with a
    /// span that holds it strictly inside, and with another point at the same place. Spans that only meet at a boundary
    /// do not collide.
    /// </summary>
    public bool Overlaps(ResolvedSpan other) => (IsPoint, other.IsPoint) switch
    {
        (true, true) => Start == other.Start,
        (true, false) => other.Start < Start && Start < other.End,
        (false, true) => Start < other.Start && other.Start < End,
        _ => Start < other.End && other.Start < End,
    };

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";
}

/// <summary>
/// Resolves opaque anchors to absolute spans in a document's current text. The server implements it over the CRDT
/// (relative positions to absolute indices in UTF-16 code units, as the live text counts them).
/// </summary>
public interface IAnchorResolver
{
    /// <summary>The span <paramref name="anchor"/> covers now in <paramref name="document"/>'s text, or null when it no longer exists.</summary>
    ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor);
}
