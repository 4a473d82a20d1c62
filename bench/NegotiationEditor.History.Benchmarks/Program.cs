using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Timeline;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Collaboration.Hooks;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Workflow;

// A day of typing in one document: KEYSTROKES keystrokes by five authors, one every 300 ms within bursts of 40, bursts
// 20 s apart, at random places of a 20,000-character text; recorded through HistoryRecorder into a LiteDB history
// file, then the text at 50 random moments and the timeline are read back and checked against the texts seen.
var keystrokes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var folder = Path.Combine(Path.GetTempPath(), "history-bench-" + Guid.NewGuid().ToString("N"));
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {File.ReadAllText("/proc/loadavg").Trim()}");

var clock = new BenchClock(new DateTimeOffset(2010, 12, 17, 9, 0, 0, TimeSpan.Zero));
var workflow = new NegotiationWorkflow(clock, CryptographicRandomSource.Instance, new NoAnchors());
var opened = workflow.Open("History benchmark", "Chair").Value;
var state = workflow.TableDocument(opened.Negotiation, opened.Value.Id, "A day of typing", "E/CN.16/2010/CRP.9").Value;
var document = state.Value.Id;
var options = Options.Create(new HistoryOptions());
var authors = Enumerable.Range(0, 5).Select(_ => new ParticipantId(Guid.NewGuid())).ToArray();

var random = new Random(2010);
var doc = new YDoc();
var text = doc.GetText(LiveText.RootName);
byte[]? last = null;
doc.Updated += (_, update) => last = update.Update;
var seen = new List<(DateTimeOffset At, string Text)>();
long recordTicks = 0;
var total = Stopwatch.StartNew();
using (var history = new LiteDbDocumentHistory(folder))
{
    await using (var recorder = new HistoryRecorder(history, options, NullLogger<HistoryRecorder>.Instance))
    {
        text.Insert(0, string.Concat(Enumerable.Repeat("Following stakeholders are invited by the Chair of CSTD to participate. ", 280)));
        recorder.Record(document, clock.GetUtcNow(), null, last!);
        for (var k = 0; k < keystrokes; k++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(k % 40 == 0 ? 20_000 : 300));
            if (random.Next(5) == 0)
            {
                text.Delete(random.Next(text.Length - 1), 1);
            }
            else
            {
                text.Insert(random.Next(text.Length), "x");
            }

            var write = Stopwatch.GetTimestamp();
            recorder.Record(document, clock.GetUtcNow(), authors[k / 40 % authors.Length], last!);
            recordTicks += Stopwatch.GetTimestamp() - write;
            if (k % 40 == 39)
            {
                seen.Add((clock.GetUtcNow(), text.ToString()));
            }
        }

        await recorder.FlushAsync();
    }
}

var recorded = total.Elapsed;
var files = Directory.GetFiles(folder).Sum(f => new FileInfo(f).Length);
using var reopened = new LiteDbDocumentHistory(folder);
var records = reopened.Read(document);
var updateBytes = records.Sum(r => (long)r.Update.Length);
Console.WriteLine($"{keystrokes} keystrokes: {records.Count} records, {updateBytes / 1024} KiB of updates, {files / 1024} KiB on disk; " +
    $"Record() on the write path {Stopwatch.GetElapsedTime(0, recordTicks).TotalMicroseconds / keystrokes:F1} µs per keystroke; all written after {recorded.TotalSeconds:F1} s");

var texts = new TextHistory(reopened, options);
var timings = new List<double>();
var wrong = 0;
foreach (var (at, expected) in seen.OrderBy(_ => random.Next()).Take(50))
{
    var watch = Stopwatch.StartNew();
    var then = TextHistory.Build(texts.Records(document, at)).GetText(LiveText.RootName).ToString();
    timings.Add(watch.Elapsed.TotalMilliseconds);
    wrong += then == expected ? 0 : 1;
}

timings.Sort();
Console.WriteLine($"text at a moment (50 random burst ends): median {timings[timings.Count / 2]:F0} ms, max {timings[^1]:F0} ms, {wrong} wrong");
var timelineWatch = Stopwatch.StartNew();
var timeline = texts.Timeline(state.Negotiation, document);
var moments = DocumentTimeline.Of(state.Negotiation, document, timeline.Bursts, timeline.TextTabledAt);
Console.WriteLine($"timeline: {moments.Count} moments ({timeline.Bursts.Count} edit bursts) in {timelineWatch.Elapsed.TotalMilliseconds:F0} ms");
timelineWatch.Restart();
var again = texts.Timeline(state.Negotiation, document);
Console.WriteLine($"timeline again, the history unchanged: {again.Bursts.Count} edit bursts in {timelineWatch.Elapsed.TotalMilliseconds:F0} ms");
Directory.Delete(folder, recursive: true);
return wrong == 0 && timeline.Bursts.Count == keystrokes / 40 ? 0 : 1;

internal sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

internal sealed class NoAnchors : IAnchorResolver
{
    public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) => null;
}
