using BenchmarkDotNet.Attributes;

namespace NegotiationEditor.Crdt.Benchmarks;

/// <summary>
/// BenchmarkDotNet view of the trace replay (C# only; for the comparison with yjs use
/// bench/run-crdt.sh): <c>dotnet run -c Release --project bench/NegotiationEditor.Crdt.Benchmarks -- --filter *TraceReplay*</c>.
/// </summary>
[MemoryDiagnoser]
public class TraceReplayBenchmarks
{
    private EditingTrace _trace = null!;
    private byte[] _state = [];

    /// <summary>The trace file name without .json.gz.</summary>
    [Params("automerge-paper", "seph-blog1")]
    public string Trace { get; set; } = "";

    [GlobalSetup]
    public void LoadTrace()
    {
        _trace = EditingTrace.Load(Path.Combine(EditingTrace.DataFolder(), Trace + ".json.gz"));
        var doc = new YDoc(TraceReplay.ClientId);
        TraceReplay.Replay(doc, _trace);
        _state = Y.EncodeStateAsUpdate(doc);
    }

    [Benchmark]
    public string Replay() => TraceReplay.Replay(new YDoc(TraceReplay.ClientId), _trace).ToString();

    [Benchmark]
    public int LoadState()
    {
        var doc = new YDoc();
        Y.ApplyUpdate(doc, _state);
        return doc.GetText("text").Length;
    }
}
