using System.Diagnostics;
using DiffPlex;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Benchmarks;

/// <summary>Where Compare spends its time (process CPU time, summed over rounds) and allocation: the --stages mode.</summary>
public static class StageTimings
{
    private const int Rounds = 12;

    public static void Run(int words)
    {
        var pair = new UnDraftGenerator(QuickRun.Seed).Generate(words);
        var cpu = new double[4];
        var bytes = new long[4];
        for (var round = 0; round < Rounds + 2; round++)
        {
            var marks = new List<(TimeSpan Cpu, long Bytes)>();
            void Mark() => marks.Add((Process.GetCurrentProcess().TotalProcessorTime, GC.GetAllocatedBytesForCurrentThread()));

            Mark();
            var oldTexts = pair.Old.Paragraphs.Select(Redliner.TextOf).ToArray();
            var newTexts = pair.New.Paragraphs.Select(Redliner.TextOf).ToArray();
            Mark();
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

            Mark();
            var matches = new ParagraphAligner(RedlinerBuilder.DefaultMinimumSimilarity, true).Align(oldSide, newSide);
            Mark();
            var differ = new WordDiffer(new Differ());
            foreach (var (i, j, _) in matches)
            {
                if (i >= 0 && j >= 0 && oldTexts[i] != newTexts[j])
                {
                    differ.Diff(oldTexts[i], newTexts[j], table);
                }
            }

            Mark();
            if (round < 2)
            {
                continue;
            }

            for (var s = 0; s < 4; s++)
            {
                cpu[s] += (marks[s + 1].Cpu - marks[s].Cpu).TotalMilliseconds / Rounds;
                bytes[s] += (marks[s + 1].Bytes - marks[s].Bytes) / Rounds;
            }
        }

        string[] names = ["paragraph texts", "profiles (all paragraphs)", "alignment", "word diffs"];
        for (var s = 0; s < 4; s++)
        {
            Console.WriteLine($"{names[s],-26} CPU {cpu[s],7:F1} ms  allocated {bytes[s] / 1024.0 / 1024.0,6:F2} MB");
        }
    }
}
