namespace NegotiationEditor.Drafting.Notation;

/// <summary>
/// A text (a paragraph's, a bullet item's or the title) read as bracket notation: plain runs and brackets in
/// order. Writing it back (<see cref="Source"/>) gives the text it was read from, byte for byte. Immutable.
/// </summary>
public sealed class BracketedText : IEquatable<BracketedText>
{
    /// <summary>Creates a text from segments; adjacent plain runs are joined and empty ones dropped.</summary>
    /// <exception cref="ArgumentException">The segments could not be read back as written (e.g. a plain run holding an unescaped '[').</exception>
    public BracketedText(IEnumerable<Segment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Segments = Normalize(segments);
        var reread = BracketParser.TryParse(Source, out var problem);
        if (reread is null || !reread.Equals(this))
        {
            throw new ArgumentException($"these segments would not be read back as written: {problem ?? "a plain run looks like notation"}", nameof(segments));
        }
    }

    private BracketedText(IReadOnlyList<Segment> segments, bool trusted)
    {
        _ = trusted;
        Segments = segments;
    }

    internal static BracketedText Read(List<Segment> segments) => new(segments.AsReadOnly(), trusted: true);

    /// <summary>The plain runs and brackets in order.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The brackets in order.</summary>
    public IEnumerable<Bracket> Brackets => Segments.OfType<Bracket>();

    /// <summary>True when the text holds no bracket: it is agreed.</summary>
    public bool IsAgreed => !Segments.OfType<Bracket>().Any();

    /// <summary>The text written back in notation.</summary>
    public string Source => string.Concat(Segments.Select(s => s.Source));

    /// <inheritdoc />
    public override string ToString() => Source;

    /// <inheritdoc />
    public bool Equals(BracketedText? other) => other is not null && Segments.SequenceEqual(other.Segments);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as BracketedText);

    /// <inheritdoc />
    public override int GetHashCode() => Source.GetHashCode(StringComparison.Ordinal);

    private static IReadOnlyList<Segment> Normalize(IEnumerable<Segment> segments)
    {
        var result = new List<Segment>();
        foreach (var segment in segments)
        {
            ArgumentNullException.ThrowIfNull(segment, nameof(segments));
            if (segment is PlainText plain)
            {
                if (plain.Source.Length == 0)
                {
                    continue;
                }

                if (result.Count > 0 && result[^1] is PlainText previous)
                {
                    result[^1] = new PlainText(previous.Source + plain.Source);
                    continue;
                }
            }

            result.Add(segment);
        }

        return result.AsReadOnly();
    }
}
