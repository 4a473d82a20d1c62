using BenchmarkDotNet.Running;
using NegotiationEditor.Drafting.Benchmarks;

// --quick [--words 30000,300000] [--no-references]: exactness + Stopwatch timings + references (git, DiffPlex whole text).
// --density [--words 30000]: the same at edit densities from 0.5% to 10%. --stages [--words N]: CPU and allocation per stage.
// Otherwise: BenchmarkDotNet (pass its own arguments, e.g. --filter '*').
if (args.Contains("--stages"))
{
    StageTimings.Run(QuickRun.ParseSizes(args.SkipWhile(a => a != "--words").Skip(1).FirstOrDefault())[^1]);
    return 0;
}

if (args.Contains("--single-paragraph"))
{
    var wordsAt = Array.IndexOf(args, "--words");
    return QuickRun.SingleParagraph(QuickRun.ParseSizes(wordsAt >= 0 && wordsAt + 1 < args.Length ? args[wordsAt + 1] : "30000")[0]);
}

if (args.Contains("--density"))
{
    var wordsAt = Array.IndexOf(args, "--words");
    var words = QuickRun.ParseSizes(wordsAt >= 0 && wordsAt + 1 < args.Length ? args[wordsAt + 1] : "30000")[0];
    return QuickRun.Density(words, [0.005, 0.01, 0.02, 0.05, 0.10]);
}

if (args.Contains("--quick"))
{
    var wordsAt = Array.IndexOf(args, "--words");
    var sizes = QuickRun.ParseSizes(wordsAt >= 0 && wordsAt + 1 < args.Length ? args[wordsAt + 1] : null);
    return QuickRun.Run(sizes, references: !args.Contains("--no-references"));
}

BenchmarkSwitcher.FromTypes([typeof(RedlineBenchmarks)]).Run(args.Length == 0 ? ["--filter", "*"] : args);
return 0;
