using BenchmarkDotNet.Attributes;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Benchmarks;

/// <summary>Compare time and allocation of the redline on generated drafts of 30,000 and 300,000 words (2% of the words edited).</summary>
[MemoryDiagnoser]
public class RedlineBenchmarks
{
    private GeneratedPair pair = null!;

    /// <summary>Words in the old draft.</summary>
    [Params(30_000, 300_000)]
    public int Words { get; set; }

    /// <summary>Generates the pair (seeded) and warms the redliner.</summary>
    [GlobalSetup]
    public void Setup()
    {
        pair = new UnDraftGenerator(QuickRun.Seed).Generate(Words);
        Redliner.Default.Compare(pair.Old, pair.New);
    }

    /// <summary>The redline of the generated pair.</summary>
    [Benchmark]
    public Redline Compare() => Redliner.Default.Compare(pair.Old, pair.New);
}
