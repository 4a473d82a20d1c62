namespace NegotiationEditor.Drafting.Notation;

/// <summary>
/// A non-agreed span: <c>[text]</c>, alternatives <c>[in accordance with / bearing in mind]</c>, or an option
/// to delete <c>[rules of procedure / (delete)]</c>, each alternative optionally attributed. Immutable.
/// </summary>
public sealed record Bracket : Segment
{
    /// <summary>The separator between alternatives, with its spaces.</summary>
    public const string Separator = " / ";

    /// <summary>Creates a bracket from its alternatives, in order.</summary>
    /// <exception cref="ArgumentException">No alternative, or an alternative that could not be read back as written.</exception>
    public Bracket(IEnumerable<Alternative> alternatives)
    {
        ArgumentNullException.ThrowIfNull(alternatives);
        Alternatives = Array.AsReadOnly(alternatives.ToArray());
        if (Alternatives.Count == 0)
        {
            throw new ArgumentException("a bracket has at least one alternative", nameof(alternatives));
        }

        BracketParser.CheckReadsBack(this, nameof(alternatives));
    }

    /// <summary>Creates a bracket from its alternatives, in order.</summary>
    public Bracket(params Alternative[] alternatives)
        : this((IEnumerable<Alternative>)alternatives)
    {
    }

    private Bracket(Alternative[] alternatives, bool trusted)
    {
        _ = trusted;
        Alternatives = Array.AsReadOnly(alternatives);
    }

    internal static Bracket Read(Alternative[] alternatives) => new(alternatives, trusted: true);

    /// <summary>The alternatives in the order written; a single one for a plain non-agreed span.</summary>
    public IReadOnlyList<Alternative> Alternatives { get; }

    /// <summary>True when the bracket offers a choice between two or more options.</summary>
    public bool HasAlternatives => Alternatives.Count > 1;

    /// <summary>True when one of the options is <c>(delete)</c>.</summary>
    public bool OffersDeletion => Alternatives.Any(a => a.IsDeletion);

    /// <inheritdoc />
    public override string Source => "[" + string.Join(Separator, Alternatives.Select(a => a.Source)) + "]";

    /// <inheritdoc />
    public bool Equals(Bracket? other) => other is not null && Alternatives.SequenceEqual(other.Alternatives);

    /// <inheritdoc />
    public override int GetHashCode() => Alternatives.Count == 0 ? 0 : HashCode.Combine(Alternatives.Count, Alternatives[0]);
}
