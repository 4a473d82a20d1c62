using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration.Hooks;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Tests.Timeline;

/// <summary>
/// The recorder lets updates gather before it writes them (one write per author and second of typing, not one per
/// keystroke), but a reader never waits for that: a flush, or closing the recorder, writes what is queued at once.
/// </summary>
public sealed class HistoryRecorderTests
{
    private static readonly DateTimeOffset Noon = new(2010, 12, 8, 12, 0, 0, TimeSpan.Zero);
    private static readonly ParticipantId Greece = new(Guid.NewGuid());
    private static readonly ParticipantId Uk = new(Guid.NewGuid());
    private static readonly ParticipantId Iran = new(Guid.NewGuid());
    private static readonly ParticipantId India = new(Guid.NewGuid());
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "negotiation-recorder-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void RemoveFolder()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task Queued_updates_are_not_written_before_the_gathering_time_unless_a_reader_flushes()
    {
        using var history = new LiteDbDocumentHistory(_folder);
        await using var recorder = Recorder(history, writeEvery: TimeSpan.FromMinutes(10));
        var document = new DocumentId(Guid.NewGuid());
        var keystrokes = Keystrokes("Bearing in mind");

        foreach (var (update, i) in keystrokes.Select((u, i) => (u, i)))
        {
            recorder.Record(document, Noon.AddMilliseconds(50 * i), Greece, update);
        }
        await Task.Delay(300);
        Assert.That(history.Read(document), Is.Empty, "nothing is written while the updates gather");

        var flushing = Stopwatch.StartNew();
        await recorder.FlushAsync();
        Assert.That(flushing.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)), "a flush does not wait for the gathering time");

        var records = history.Read(document);
        Assert.That(records, Has.Count.EqualTo(1), "one author typing within a second is one record");
        Assert.That(records[0].Author, Is.EqualTo(Greece));
        Assert.That(TextOf(records.Select(r => r.Update)), Is.EqualTo("Bearing in mind"));
    }

    [Test]
    public async Task Closing_the_recorder_writes_what_is_queued_without_waiting_for_the_gathering_time()
    {
        var document = new DocumentId(Guid.NewGuid());
        var keystrokes = Keystrokes("in accordance with");
        using (var history = new LiteDbDocumentHistory(_folder))
        {
            var recorder = Recorder(history, writeEvery: TimeSpan.FromMinutes(10));
            for (var i = 0; i < keystrokes.Count; i++)
            {
                recorder.Record(document, Noon.AddMilliseconds(50 * i), i < 9 ? Uk : Iran, keystrokes[i]);
            }

            var closing = Stopwatch.StartNew();
            await recorder.DisposeAsync();
            Assert.That(closing.Elapsed, Is.LessThan(TimeSpan.FromMinutes(1)));
        }

        using var reopened = new LiteDbDocumentHistory(_folder);
        var records = reopened.Read(document);
        Assert.That(records.Select(r => r.Author), Is.EqualTo(new[] { Uk, Iran }),
            "UK typed the first nine characters, Iran the rest: a record per author");
        Assert.That(TextOf(records.Select(r => r.Update)), Is.EqualTo("in accordance with"));
    }

    [Test]
    public async Task Without_a_gathering_time_each_update_is_written_as_soon_as_the_writer_is_free()
    {
        using var history = new LiteDbDocumentHistory(_folder);
        await using var recorder = Recorder(history, writeEvery: TimeSpan.Zero);
        var document = new DocumentId(Guid.NewGuid());
        var keystrokes = Keystrokes("UN");
        recorder.Record(document, Noon, India, keystrokes[0]);
        recorder.Record(document, Noon.AddMilliseconds(100), India, keystrokes[1]);

        var deadline = Stopwatch.StartNew();
        while (history.Read(document).Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(20);
        }
        Assert.That(TextOf(history.Read(document).Select(r => r.Update)), Is.EqualTo("UN"));
    }

    private static HistoryRecorder Recorder(IDocumentHistory history, TimeSpan writeEvery) =>
        new(history, Options.Create(new HistoryOptions { WriteEvery = writeEvery }), NullLogger<HistoryRecorder>.Instance);

    // One update per character typed at the end of a text, as a client sends them.
    private static List<byte[]> Keystrokes(string text)
    {
        var typist = new YDoc();
        var updates = new List<byte[]>();
        typist.Updated += (_, args) => updates.Add(args.Update);
        var shared = typist.GetText("text");
        foreach (var character in text)
        {
            shared.Insert(shared.Length, character.ToString());
        }
        return updates;
    }

    private static string TextOf(IEnumerable<byte[]> updates)
    {
        var reader = new YDoc();
        foreach (var update in updates)
        {
            Y.ApplyUpdate(reader, update);
        }
        return reader.GetText("text").ToString();
    }
}
