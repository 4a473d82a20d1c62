using System.Diagnostics;
using System.Globalization;
using DiffPlex;
using DiffPlex.Chunkers;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Benchmarks;

/// <summary>
/// The quick mode: for each size, generate the pair, check the redline's exactness, time Compare
/// (median of warm runs, Stopwatch), count its allocation, and time references: DiffPlex's whole-text
/// word diff and <c>git diff --no-index --word-diff</c> as a whole process.
/// </summary>
public static class QuickRun
{
    /// <summary>The generator's seed, shared with the BenchmarkDotNet run.</summary>
    public const int Seed = 20101208;

    public static int Run(int[] sizes, bool references)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine($"generator: seed {Seed}, 2% of the words edited (replace/insert/delete, >= {UnDraftGenerator.MinimumGap} words apart), one paragraph moved, one inserted");
        var exact = true;
        foreach (var words in sizes)
        {
            var pair = new UnDraftGenerator(Seed).Generate(words);
            var redline = Redliner.Default.Compare(pair.Old, pair.New);
            var problems = RedlineExactness.Check(redline, pair.Edits);
            exact &= problems.Count == 0;

            var times = new List<double>();
            var warmups = words >= 200_000 ? 5 : 20;
            var runs = words >= 200_000 ? 15 : 60;
            for (var k = 0; k < warmups; k++)
            {
                Redliner.Default.Compare(pair.Old, pair.New);
            }

            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var k = 0; k < runs; k++)
            {
                var watch = Stopwatch.StartNew();
                Redliner.Default.Compare(pair.Old, pair.New);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;

            var before = GC.GetAllocatedBytesForCurrentThread();
            Redliner.Default.Compare(pair.Old, pair.New);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Sort();

            Console.WriteLine();
            Console.WriteLine($"== {pair.Edits.WordCount:N0} words, {pair.Old.Paragraphs.Count} paragraphs, {pair.Edits.EditCount} word edits in {pair.Edits.WordEdits.Count} paragraphs");
            Console.WriteLine(
                $"Redliner.Compare: median {times[times.Count / 2]:F2} ms, min {times[0]:F2} ms ({runs} warm runs, wall clock); " +
                $"process CPU time {cpuPerRun:F2} ms per compare; allocated {allocated / 1024.0 / 1024.0:F2} MB");
            var marked = redline.Paragraphs.Sum(p => RedlineExactness.Words(p, RunKind.Deleted).Count + RedlineExactness.Words(p, RunKind.Inserted).Count);
            Console.WriteLine(
                $"paragraphs: {redline.Count(ParagraphStatus.Unchanged)} unchanged, {redline.Count(ParagraphStatus.Changed)} changed, " +
                $"{redline.Count(ParagraphStatus.Inserted)} inserted, {redline.Count(ParagraphStatus.Deleted)} deleted, {redline.Count(ParagraphStatus.Moved)} moved; {marked} words marked");
            Console.WriteLine(problems.Count == 0
                ? "exactness: EXACT (marked words = the generator's edits; inserted paragraph clean; moved paragraph a move)"
                : $"exactness: {problems.Count} problems");
            foreach (var problem in problems.Take(10))
            {
                Console.WriteLine("  " + problem);
            }

            if (references)
            {
                References(pair);
            }
        }

        return exact ? 0 : 1;
    }

    /// <summary>
    /// The worst shape for a paragraph-first redline: the whole generated pair as one paragraph each (a
    /// draft pasted without blank lines). The --single-paragraph mode.
    /// </summary>
    public static int SingleParagraph(int words)
    {
        var pair = new UnDraftGenerator(Seed).Generate(words);
        string[] old = [string.Join(" ", pair.Old.Paragraphs.Select(Redliner.TextOf))];
        string[] @new = [string.Join(" ", pair.New.Paragraphs.Select(Redliner.TextOf))];
        var watch = Stopwatch.StartNew();
        var redline = Redliner.Default.Compare(old, @new);
        var first = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        Redliner.Default.Compare(old, @new);
        Console.WriteLine(
            $"{pair.Edits.WordCount:N0} words in one paragraph, {pair.Edits.EditCount} word edits (plus a moved and an inserted paragraph inside it): " +
            $"first compare {first:F0} ms, second {watch.Elapsed.TotalMilliseconds:F0} ms; " +
            $"{redline.Paragraphs.Single().Runs.Count(r => r.Kind != RunKind.Unchanged)} changed runs");
        return 0;
    }

    /// <summary>Compare cost at one size for several edit densities (the --density mode).</summary>
    public static int Density(int words, double[] shares)
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel()}, .NET {Environment.Version}; load average at start: {LoadAverage()}");
        Console.WriteLine("| Words edited | Word edits | Compare, wall min | Compare, CPU time | Allocated | Exactness |");
        Console.WriteLine("|---|---|---|---|---|---|");
        var exact = true;
        foreach (var share in shares)
        {
            var pair = new UnDraftGenerator(Seed).Generate(words, share);
            var problems = RedlineExactness.Check(Redliner.Default.Compare(pair.Old, pair.New), pair.Edits);
            exact &= problems.Count == 0;
            for (var k = 0; k < 10; k++)
            {
                Redliner.Default.Compare(pair.Old, pair.New);
            }

            const int runs = 30;
            var best = double.MaxValue;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var k = 0; k < runs; k++)
            {
                var watch = Stopwatch.StartNew();
                Redliner.Default.Compare(pair.Old, pair.New);
                best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
            }

            var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / runs;
            var before = GC.GetAllocatedBytesForCurrentThread();
            Redliner.Default.Compare(pair.Old, pair.New);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine(
                $"| {share:P1} | {pair.Edits.EditCount} | {best:F1} ms | {cpu:F1} ms | {allocated / 1024.0 / 1024.0:F2} MB | " +
                $"{(problems.Count == 0 ? "exact" : $"{problems.Count} problems")} |");
        }

        return exact ? 0 : 1;
    }

    private static void References(GeneratedPair pair)
    {
        var oldText = DraftWriter.Write(pair.Old);
        var newText = DraftWriter.Write(pair.New);

        var differ = new Differ();
        differ.CreateDiffs(oldText, newText, false, false, WordChunker.Instance);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        differ.CreateDiffs(oldText, newText, false, false, WordChunker.Instance);
        var elapsed = watch.Elapsed.TotalMilliseconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"reference, DiffPlex whole-text word diff (WordChunker): {elapsed:F1} ms, {allocated / 1024.0 / 1024.0:F1} MB");

        var directory = Directory.CreateTempSubdirectory("redline-bench-");
        try
        {
            var oldPath = Path.Combine(directory.FullName, "old.md");
            var newPath = Path.Combine(directory.FullName, "new.md");
            File.WriteAllText(oldPath, oldText);
            File.WriteAllText(newPath, newText);
            var gitTimes = new List<double>();
            for (var k = 0; k < 7; k++)
            {
                var start = new ProcessStartInfo("git", ["diff", "--no-index", "--word-diff", oldPath, newPath])
                {
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                var watchGit = Stopwatch.StartNew();
                using var git = Process.Start(start)!;
                git.StandardOutput.ReadToEnd();
                git.WaitForExit();
                gitTimes.Add(watchGit.Elapsed.TotalMilliseconds);
            }

            gitTimes.Sort();
            Console.WriteLine($"reference, git diff --no-index --word-diff (whole process): median {gitTimes[gitTimes.Count / 2]:F1} ms");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.WriteLine("reference, git diff: git is not installed");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    public static int[] ParseSizes(string? value) =>
        value is null ? [30_000, 300_000] : value.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
