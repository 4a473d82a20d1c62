using System.Diagnostics;
using System.Text.Json;

namespace NegotiationEditor.Crdt.Benchmarks;

/// <summary>
/// The side-by-side trace measurement (bench/run-crdt.sh runs it next to bench/yjs/replay-trace.mjs,
/// which measures the same things with yjs): local replay, full state V1 with client id
/// 0xDEADBEEF, loading that state into a fresh document, a doc-to-doc update stream, retained and
/// peak memory. Times are the median of several runs, each on fresh documents.
/// </summary>
internal static class TraceReplay
{
    public const ulong ClientId = 0xDEADBEEF;

    public static YText Replay(YDoc doc, EditingTrace trace)
    {
        var text = doc.GetText("text");
        foreach (var transaction in trace.Transactions)
        {
            doc.Transact(_ =>
            {
                foreach (var (position, deleteCount, insertText) in transaction)
                {
                    if (deleteCount > 0)
                    {
                        text.Delete(position, deleteCount);
                    }
                    if (insertText.Length > 0)
                    {
                        text.Insert(position, insertText);
                    }
                }
            });
        }
        return text;
    }

    public static int Run(string tracePath, int runs, string? stateOut)
    {
        var trace = EditingTrace.Load(tracePath);
        long peakAfterLoad;
        using (var loadedProcess = Process.GetCurrentProcess())
        {
            peakAfterLoad = loadedProcess.PeakWorkingSet64;
        }
        var replayTimes = new List<double>();
        var loadTimes = new List<double>();
        var streamTimes = new List<double>();
        byte[] state = [];
        long retainedBytes = 0;
        long allocatedBytes = 0;
        for (var run = 0; run < runs; run++)
        {
            Collect();
            var heapBefore = GC.GetTotalMemory(true);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var doc = new YDoc(ClientId);
            var text = Replay(doc, trace);
            replayTimes.Add(watch.Elapsed.TotalMilliseconds);
            allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            Check(text.ToString(), trace, "replay");
            retainedBytes = Math.Max(retainedBytes, GC.GetTotalMemory(true) - heapBefore);
            state = Y.EncodeStateAsUpdate(doc);
            GC.KeepAlive(doc);

            Collect();
            watch.Restart();
            var loaded = new YDoc();
            Y.ApplyUpdate(loaded, state);
            loadTimes.Add(watch.Elapsed.TotalMilliseconds);
            Check(loaded.GetText("text").ToString(), trace, "load");

            Collect();
            watch.Restart();
            var source = new YDoc(ClientId);
            var target = new YDoc();
            source.Updated += (_, e) => Y.ApplyUpdate(target, e.Update);
            Replay(source, trace);
            streamTimes.Add(watch.Elapsed.TotalMilliseconds);
            Check(target.GetText("text").ToString(), trace, "update stream");
        }
        if (stateOut is not null)
        {
            File.WriteAllBytes(stateOut, state);
        }
        using var process = Process.GetCurrentProcess();
        Console.WriteLine(JsonSerializer.Serialize(new
        {
            implementation = "NegotiationEditor.Crdt",
            runtime = $".NET {Environment.Version}",
            trace = trace.Name,
            txns = trace.Transactions.Length,
            patches = trace.PatchCount,
            runs,
            replayMs = Median(replayTimes),
            loadMs = Median(loadTimes),
            streamMs = Median(streamTimes),
            stateBytes = state.Length,
            retainedBytes,
            replayAllocatedBytes = allocatedBytes,
            peakRssAfterTraceLoadBytes = peakAfterLoad,
            peakRssBytes = process.PeakWorkingSet64,
        }));
        return 0;
    }

    private static void Check(string actual, EditingTrace trace, string stage)
    {
        if (actual != trace.EndContent)
        {
            throw new InvalidOperationException($"{trace.Name}: the {stage} did not produce the trace's endContent.");
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
