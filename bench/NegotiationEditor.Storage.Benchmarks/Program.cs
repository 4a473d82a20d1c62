using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Storage;

// A compaction while a document is being typed in, as the server's maintenance does it: ENTRIES one-keystroke updates
// of 20 typists are stored (LiteDbStorage on a fresh file in DIR, the disk's temporary folder by default), then an
// appender stores one more every 10 ms (100 updates/s, the load benchmark's 20 typists at 5 per second) and waits for
// each, while the log is compacted (merged with Y.MergeUpdates). Measured per run: how long each append took, before
// and from the compaction's start until 0.5 s after its end, and the compaction's own time. The first run warms up
// (JIT) and is not counted; prints one JSON line per run, then the medians.
//
//   dotnet run -c Release --project bench/NegotiationEditor.Storage.Benchmarks -- [--entries 2800] [--runs 6] [--dir DIR]
string? Option(string name)
{
    var index = Array.IndexOf(args, "--" + name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
var entries = int.Parse(Option("entries") ?? "2800", CultureInfo.InvariantCulture);
var runs = int.Parse(Option("runs") ?? "6", CultureInfo.InvariantCulture);
var root = Option("dir") ?? Path.GetTempPath();
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Trim()}");

var typed = Typing(entries + 2000);
var results = new List<Run>();
for (var run = 0; run <= runs; run++)
{
    var measured = await MeasureAsync(root, typed, entries);
    Console.WriteLine((run == 0 ? "warm-up " : "") + JsonSerializer.Serialize(measured));
    if (run > 0)
    {
        results.Add(measured);
    }
}

double Median(Func<Run, double> of)
{
    var values = results.Select(of).Order().ToList();
    return values[values.Count / 2];
}
Console.WriteLine(JsonSerializer.Serialize(new
{
    entries,
    runs,
    compactionMs = Median(r => r.CompactionMs),
    longestAppendDuringMs = Median(r => r.LongestAppendDuringMs),
    medianAppendDuringMs = Median(r => r.MedianAppendDuringMs),
    medianAppendBeforeMs = Median(r => r.MedianAppendBeforeMs),
    longestAppendBeforeMs = Median(r => r.LongestAppendBeforeMs),
}));
return 0;

static async Task<Run> MeasureAsync(string root, List<byte[]> typed, int entries)
{
    var folder = Path.Combine(root, "storage-bench-" + Guid.NewGuid().ToString("N"));
    try
    {
        using var storage = new LiteDbStorage(folder);
        var document = new DocumentId(Guid.NewGuid());
        // One entry per update, as the server stores them (written in one transaction here).
        await storage.AppendAsync(document, typed.Take(entries).ToList());

        var clock = Stopwatch.StartNew();
        var appends = new List<(double At, double Ms)>();
        double compactionStart = double.MaxValue, compactionEnd = double.MaxValue;
        var appender = Task.Run(async () =>
        {
            var next = entries;
            while (clock.Elapsed.TotalMilliseconds < compactionEnd + 500 && next < typed.Count)
            {
                var at = clock.Elapsed.TotalMilliseconds;
                await storage.AppendAsync(document, typed[next++]);
                appends.Add((at, clock.Elapsed.TotalMilliseconds - at));
                var wait = at + 10 - clock.Elapsed.TotalMilliseconds;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait));
                }
            }
        });
        await Task.Delay(1000);
        compactionStart = clock.Elapsed.TotalMilliseconds;
        var merged = await Task.Run(() => storage.Compact(document, updates => Y.MergeUpdates(updates)));
        compactionEnd = clock.Elapsed.TotalMilliseconds;
        await appender;

        var before = appends.Where(a => a.At + a.Ms < compactionStart).Select(a => a.Ms).Order().ToList();
        var during = appends.Where(a => a.At + a.Ms >= compactionStart).Select(a => a.Ms).Order().ToList();
        return new Run(merged.MergedUpdates, Math.Round(compactionEnd - compactionStart, 1), Math.Round(during[^1], 1),
            Math.Round(during[during.Count / 2], 2), Math.Round(before[before.Count / 2], 2), Math.Round(before[^1], 1));
    }
    finally
    {
        Directory.Delete(folder, recursive: true);
    }
}

// One keystroke per update, 20 typists taking turns, each seeing the others' updates.
static List<byte[]> Typing(int count)
{
    var docs = Enumerable.Range(0, 20).Select(i => new YDoc((ulong)(500 + i))).ToList();
    var updates = new List<byte[]>(count);
    var random = new Random(11);
    for (var i = 0; i < count; i++)
    {
        var doc = docs[i % docs.Count];
        byte[]? update = null;
        void Capture(object? sender, UpdateEventArgs change) => update = change.Update;
        doc.Updated += Capture;
        var text = doc.GetText("text");
        text.Insert(random.Next(text.Length + 1), ((char)('a' + random.Next(26))).ToString());
        doc.Updated -= Capture;
        updates.Add(update!);
        foreach (var other in docs.Where(other => other != doc))
        {
            Y.ApplyUpdate(other, update!);
        }
    }
    return updates;
}

internal sealed record Run(int Merged, double CompactionMs, double LongestAppendDuringMs, double MedianAppendDuringMs,
    double MedianAppendBeforeMs, double LongestAppendBeforeMs);
