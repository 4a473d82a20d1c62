using System.Diagnostics;
using DiffPlex;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Benchmarks;

/// <summary>Where Compare spends its time: tokenizing, aligning, word diffs (the --stages mode).</summary>
public static class StageTimings
{
    private static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F2} MB";

    public static void Run(int words)
    {
        var pair = new UnDraftGenerator(QuickRun.Seed).Generate(words);
        var oldTexts = pair.Old.Paragraphs.Select(Redliner.TextOf).ToArray();
        var newTexts = pair.New.Paragraphs.Select(Redliner.TextOf).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var table = new TokenTable();
            var oldSide = new ComparedSide(oldTexts);
            var newSide = new ComparedSide(newTexts);
            for (var i = 0; i < oldSide.Count; i++)
            {
                oldSide.Profile(i);
            }

            for (var j = 0; j < newSide.Count; j++)
            {
                newSide.Profile(j);
            }

            var profiledBytes = GC.GetAllocatedBytesForCurrentThread();

            var tokenized = watch.Elapsed.TotalMilliseconds;
            var matches = new ParagraphAligner(0.5, true).Align(oldSide, newSide);
            var aligned = watch.Elapsed.TotalMilliseconds;
            var alignedBytes = GC.GetAllocatedBytesForCurrentThread();
            var differ = new WordDiffer(new Differ());
            foreach (var (i, j, _) in matches)
            {
                if (i >= 0 && j >= 0 && oldTexts[i] != newTexts[j])
                {
                    differ.Diff(oldTexts[i], newTexts[j], table);
                }
            }

            var diffed = watch.Elapsed.TotalMilliseconds;
            var diffedBytes = GC.GetAllocatedBytesForCurrentThread();
            Console.WriteLine(
                $"profile {tokenized:F1} ms {Mb(profiledBytes - allocatedBefore)}, align {aligned - tokenized:F1} ms {Mb(alignedBytes - profiledBytes)}, " +
                $"word diffs {diffed - aligned:F1} ms {Mb(diffedBytes - alignedBytes)}");
        }
    }
}
