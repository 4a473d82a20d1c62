namespace NegotiationEditor.Drafting.Notation;

/// <summary>A piece of a text in bracket notation: agreed <see cref="PlainText"/> or a non-agreed <see cref="Bracket"/>.</summary>
public abstract record Segment
{
    private protected Segment()
    {
    }

    /// <summary>The segment exactly as written in the notation.</summary>
    public abstract string Source { get; }

    /// <summary>The segment as written.</summary>
    public sealed override string ToString() => Source;
}

/// <summary>Text outside brackets, as written (Markdown, with its escapes such as <c>\[</c>).</summary>
/// <param name="Source">The text as written.</param>
public sealed record PlainText(string Source) : Segment
{
    /// <summary>The text as written.</summary>
    public override string Source { get; } = Source ?? throw new ArgumentNullException(nameof(Source));
}
