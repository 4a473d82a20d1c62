namespace NegotiationEditor.Drafting.Redlines;

/// <summary>Configures a <see cref="Redliner"/>; <see cref="Build"/> freezes the settings into an immutable redliner.</summary>
public sealed class RedlinerBuilder
{
    /// <summary>The default minimum similarity for two paragraphs to be compared as one.</summary>
    public const double DefaultMinimumSimilarity = 0.5;

    private double minimumSimilarity = DefaultMinimumSimilarity;
    private bool detectMoves = true;

    /// <summary>
    /// Sets how similar two paragraphs must be (Dice coefficient over their words and punctuation, above 0
    /// and at most 1) to be compared word by word; below it, one is shown deleted and the other inserted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not above 0 and at most 1.</exception>
    public RedlinerBuilder WithMinimumSimilarity(double similarity)
    {
        if (!(similarity > 0 && similarity <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(similarity), similarity, "the minimum similarity must be above 0 and at most 1");
        }

        minimumSimilarity = similarity;
        return this;
    }

    /// <summary>Sets whether paragraphs found at another place are shown as moves (the default) or as changes in place.</summary>
    public RedlinerBuilder DetectMoves(bool detect = true)
    {
        detectMoves = detect;
        return this;
    }

    /// <summary>The configured redliner (immutable, thread-safe, reusable).</summary>
    public Redliner Build() => new(minimumSimilarity, detectMoves);
}
