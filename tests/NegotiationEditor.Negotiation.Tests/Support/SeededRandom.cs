namespace NegotiationEditor.Negotiation.Tests.Support;

/// <summary>Deterministic randomness: the same seed gives the same ids and tokens.</summary>
internal sealed class SeededRandom(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    public int BytesDrawn { get; private set; }

    public void Fill(Span<byte> destination)
    {
        _random.NextBytes(destination);
        BytesDrawn += destination.Length;
    }
}
