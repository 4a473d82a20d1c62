using System.Collections.Immutable;
using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Negotiation.Amendments;

/// <summary>
/// Where an amendment sits in the live text: the paragraph, and the start and end of the span as opaque relative
/// positions (the server fills them from the CRDT, so they follow the text as others type). For a point (an insertion)
/// start and end are the same position. The domain never reads the bytes; an <see cref="IAnchorResolver"/> does.
/// </summary>
public sealed class TextAnchor : IEquatable<TextAnchor>
{
    /// <summary>The longest encoded relative position accepted, in bytes.</summary>
    public const int MaxPositionBytes = 1024;

    /// <summary>Makes an anchor from stored parts (for example when a server loads it back); use
    /// <see cref="Create"/> for input that may be wrong.</summary>
    /// <exception cref="ArgumentException">The parts do not make an anchor (see <see cref="Create"/>).</exception>
    public TextAnchor(ParagraphId paragraph, ImmutableArray<byte> start, ImmutableArray<byte> end)
    {
        if (Check(paragraph, start.AsSpan(), end.AsSpan()) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        Paragraph = paragraph;
        Start = start;
        End = end;
    }

    /// <summary>The paragraph the span is in (for a new paragraph: the one it follows).</summary>
    public ParagraphId Paragraph { get; }

    /// <summary>The encoded relative position of the span's start.</summary>
    public ImmutableArray<byte> Start { get; }

    /// <summary>The encoded relative position of the span's end.</summary>
    public ImmutableArray<byte> End { get; }

    /// <summary>Makes an anchor from copies of the given bytes, or says why they cannot be one.</summary>
    public static Outcome<TextAnchor> Create(ParagraphId paragraph, ReadOnlySpan<byte> start, ReadOnlySpan<byte> end) =>
        Check(paragraph, start, end) is { } problem
            ? Refusal.Invalid(problem)
            : new TextAnchor(paragraph, [.. start], [.. end]);

    private static string? Check(ParagraphId paragraph, ReadOnlySpan<byte> start, ReadOnlySpan<byte> end)
    {
        if (paragraph.Value is null)
        {
            return "an anchor needs the id of its paragraph";
        }

        if (start.IsEmpty || end.IsEmpty)
        {
            return "an anchor needs both a start and an end position";
        }

        return start.Length > MaxPositionBytes || end.Length > MaxPositionBytes
            ? $"an anchor position has at most {MaxPositionBytes} bytes"
            : null;
    }

    /// <summary>Whether start and end are the same position (an insertion point).</summary>
    public bool IsPoint => Start.AsSpan().SequenceEqual(End.AsSpan());

    /// <inheritdoc />
    public bool Equals(TextAnchor? other) =>
        other is not null
        && Paragraph == other.Paragraph
        && Start.AsSpan().SequenceEqual(other.Start.AsSpan())
        && End.AsSpan().SequenceEqual(other.End.AsSpan());

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TextAnchor);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Paragraph);
        hash.AddBytes(Start.AsSpan());
        hash.AddBytes(End.AsSpan());
        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => $"{Paragraph} [{Convert.ToHexStringLower(Start.AsSpan())}..{Convert.ToHexStringLower(End.AsSpan())}]";
}
