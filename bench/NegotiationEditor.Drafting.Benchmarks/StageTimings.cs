using System.Diagnostics;
using DiffPlex;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Benchmarks;

/// <summary>Where Compare spends its time: tokenizing, aligning, word diffs (the --stages mode).</summary>
public static class StageTimings
{
    public static void Run(int words)
    {
        var pair = new UnDraftGenerator(QuickRun.Seed).Generate(words);
        var oldTexts = pair.Old.Paragraphs.Select(Redliner.TextOf).ToArray();
        var newTexts = pair.New.Paragraphs.Select(Redliner.TextOf).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            var table = new TokenTable();
            var oldSide = new ComparedSide(oldTexts, table);
            var newSide = new ComparedSide(newTexts, table);
            for (var i = 0; i < oldSide.Count; i++)
            {
                oldSide.Tokens(i);
            }

            for (var j = 0; j < newSide.Count; j++)
            {
                newSide.Tokens(j);
            }

            var tokenized = watch.Elapsed.TotalMilliseconds;
            var matches = new ParagraphAligner(0.5, true).Align(oldSide, newSide);
            var aligned = watch.Elapsed.TotalMilliseconds;
            var differ = new WordDiffer(new Differ());
            foreach (var (i, j, _) in matches)
            {
                if (i >= 0 && j >= 0 && oldTexts[i] != newTexts[j])
                {
                    differ.Diff(oldSide.Tokens(i), newSide.Tokens(j), table);
                }
            }

            var diffed = watch.Elapsed.TotalMilliseconds;
            Console.WriteLine($"tokenize {tokenized:F1} ms, align {aligned - tokenized:F1} ms, word diffs {diffed - aligned:F1} ms");
        }
    }
}
