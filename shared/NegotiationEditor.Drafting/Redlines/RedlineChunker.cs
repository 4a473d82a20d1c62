using DiffPlex;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>A DiffPlex <see cref="IChunker"/> that splits text with <see cref="RedlineTokenizer"/> (words, punctuation, whitespace).</summary>
public sealed class RedlineChunker : IChunker
{
    /// <summary>The shared instance (stateless, thread-safe).</summary>
    public static RedlineChunker Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyList<string> Chunk(string text) => RedlineTokenizer.Tokenize(text);
}
