using BenchmarkDotNet.Running;
using NegotiationEditor.Crdt.Benchmarks;

// `trace --trace FILE.json.gz [--runs N] [--state-out FILE]`: one JSON line of measurements, used by
// bench/run-crdt.sh next to bench/yjs/replay-trace.mjs.
// `merge [--updates N] [--typists K] [--runs R] [--log-out FILE]`: merging a stored update log (UpdateLogMerge), next
// to bench/yjs/merge-log.mjs. Anything else goes to BenchmarkDotNet.
string? Option(string name)
{
    var index = Array.IndexOf(args, "--" + name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
int Number(string name, int otherwise) => int.Parse(Option(name) ?? otherwise.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
if (args.Length > 0 && args[0] == "merge")
{
    return UpdateLogMerge.Run(Number("updates", 3000), Number("typists", 20), Number("runs", 5), Option("log-out"));
}
if (args.Length > 0 && args[0] == "trace")
{
    var tracePath = Option("trace") ?? throw new ArgumentException("usage: trace --trace FILE.json.gz [--runs N] [--state-out FILE]");
    return TraceReplay.Run(tracePath, int.Parse(Option("runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture), Option("state-out"));
}
BenchmarkSwitcher.FromAssembly(typeof(TraceReplayBenchmarks).Assembly).Run(args);
return 0;
