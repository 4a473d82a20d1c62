using System.Diagnostics;
using System.Text.Json;

namespace NegotiationEditor.Crdt.Benchmarks;

/// <summary>
/// Merging a document's stored update log, as the server's compaction does: <c>--updates</c> one-keystroke updates
/// of <c>--typists</c> clients typing at random places in one text (each client sees the others' updates), merged
/// alone (the first compaction) and after a merged state of as many (the next ones). Times are the median of
/// <c>--runs</c> runs. <c>--log-out FILE</c> writes both cases' inputs and then their two results (each as a 32-bit
/// length and the bytes) for bench/yjs/merge-log.mjs, which merges the same inputs with yjs and checks that the results
/// are the same bytes.
/// </summary>
internal static class UpdateLogMerge
{
    public static int Run(int updates, int typists, int runs, string? logOut)
    {
        var typed = Type(updates * 2, typists);
        var first = typed.Take(updates).ToList();
        var merged = Y.MergeUpdates(first);
        var next = new List<byte[]> { merged };
        next.AddRange(typed.Skip(updates));

        var firstMs = Median(runs, () => Y.MergeUpdates(first));
        var nextMs = Median(runs, () => Y.MergeUpdates(next));
        if (logOut is not null)
        {
            using var file = File.Create(logOut);
            using var writer = new BinaryWriter(file);
            foreach (var update in first.Concat(next).Append(merged).Append(Y.MergeUpdates(next)))
            {
                writer.Write(update.Length);
                writer.Write(update);
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new
        {
            implementation = "C#",
            updates,
            typists,
            runs,
            firstMergeMs = Math.Round(firstMs, 2),
            nextMergeMs = Math.Round(nextMs, 2),
            mergedBytes = merged.Length,
            nextMergedBytes = Y.MergeUpdates(next).Length,
        }));
        return 0;
    }

    /// <summary>One keystroke per update, the typists taking turns, each typing where its pseudo-random cursor is.</summary>
    private static List<byte[]> Type(int count, int typists)
    {
        var docs = Enumerable.Range(0, typists).Select(i => new YDoc((ulong)(1000 + i))).ToList();
        var updates = new List<byte[]>(count);
        var random = new Random(7);
        const string letters = "abcdefghijklmnopqrstuvwxyz ";
        for (var i = 0; i < count; i++)
        {
            var doc = docs[i % typists];
            byte[]? update = null;
            void Capture(object? sender, UpdateEventArgs change) => update = change.Update;
            doc.Updated += Capture;
            var text = doc.GetText("text");
            text.Insert(random.Next(text.Length + 1), letters[random.Next(letters.Length)].ToString());
            doc.Updated -= Capture;
            updates.Add(update!);
            foreach (var other in docs)
            {
                if (other != doc)
                {
                    Y.ApplyUpdate(other, update!);
                }
            }
        }
        return updates;
    }

    private static double Median(int runs, Action merge)
    {
        merge();
        var times = new List<double>();
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            merge();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
