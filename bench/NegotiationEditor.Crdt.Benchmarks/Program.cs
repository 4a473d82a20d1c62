using BenchmarkDotNet.Running;
using NegotiationEditor.Crdt.Benchmarks;

// `trace --trace FILE.json.gz [--runs N] [--state-out FILE]`: one JSON line of measurements, used by
// bench/run-crdt.sh next to bench/yjs/replay-trace.mjs. Anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "trace")
{
    string? Option(string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
    var tracePath = Option("trace") ?? throw new ArgumentException("usage: trace --trace FILE.json.gz [--runs N] [--state-out FILE]");
    return TraceReplay.Run(tracePath, int.Parse(Option("runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture), Option("state-out"));
}
BenchmarkSwitcher.FromAssembly(typeof(TraceReplayBenchmarks).Assembly).Run(args);
return 0;
