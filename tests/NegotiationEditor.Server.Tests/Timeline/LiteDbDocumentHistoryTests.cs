using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Tests.Timeline;

/// <summary>The edit history in its LiteDB file: records added and extended, read back in order up to a moment, kept across a reopen.</summary>
public sealed class LiteDbDocumentHistoryTests
{
    private static readonly DateTimeOffset Noon = new(2010, 12, 17, 12, 0, 0, TimeSpan.Zero);

    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Path.Combine(Path.GetTempPath(), "negotiation-history-" + Guid.NewGuid().ToString("N"));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Records_are_read_oldest_first_with_their_times_authors_and_bytes_and_only_up_to_the_moment_asked()
    {
        var document = new DocumentId(Guid.NewGuid());
        var author = new ParticipantId(Guid.NewGuid());
        var (first, second) = TwoUpdates();
        using var history = new LiteDbDocumentHistory(_folder);
        await history.AddAsync(new EditRecord(document, Noon.AddTicks(1234567), Noon.AddSeconds(1), author, second));
        await history.AddAsync(new EditRecord(document, Noon, Noon, null, first));
        await history.AddAsync(new EditRecord(new DocumentId(Guid.NewGuid()), Noon, Noon, null, first));

        var all = history.Read(document);
        var untilNoon = history.Read(document, Noon.AddMilliseconds(500));

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(r => (r.First, r.Last, r.Author)), Is.EqualTo(new[]
            {
                (Noon, Noon, (ParticipantId?)null),
                (Noon.AddTicks(1234567), Noon.AddSeconds(1), author),
            }), "times keep their ticks");
            Assert.That(all.Select(r => r.Update), Is.EqualTo(new[] { first, second }));
            Assert.That(untilNoon, Has.Count.EqualTo(1));
            Assert.That(history.Read(new DocumentId(Guid.NewGuid())), Is.Empty);
        });
    }

    [Test]
    public async Task An_extended_record_keeps_its_first_time_and_takes_the_new_last_time_and_bytes_across_a_reopen()
    {
        var document = new DocumentId(Guid.NewGuid());
        var (first, second) = TwoUpdates();
        var merged = Y.MergeUpdates([first, second]);
        using (var history = new LiteDbDocumentHistory(_folder))
        {
            var id = await history.AddAsync(new EditRecord(document, Noon, Noon, null, first));
            await history.ExtendAsync(id, Noon.AddMilliseconds(700), merged);
        }

        using var reopened = new LiteDbDocumentHistory(_folder);
        var record = reopened.Read(document).Single();

        Assert.That((record.First, record.Last), Is.EqualTo((Noon, Noon.AddMilliseconds(700))));
        Assert.That(record.Update, Is.EqualTo(merged));
        Assert.That(Text(record.Update), Is.EqualTo("ab"));
    }

    [Test]
    public void Extending_a_record_that_does_not_exist_is_refused() =>
        Assert.ThrowsAsync<KeyNotFoundException>(async () =>
        {
            using var history = new LiteDbDocumentHistory(_folder);
            await history.ExtendAsync(42, Noon, [0, 0]);
        });

    internal static (byte[] First, byte[] Second) TwoUpdates()
    {
        var doc = new YDoc();
        var updates = new List<byte[]>();
        doc.Updated += (_, args) => updates.Add(args.Update);
        doc.GetText(LiveText.RootName).Insert(0, "a");
        doc.GetText(LiveText.RootName).Insert(1, "b");
        return (updates[0], updates[1]);
    }

    internal static string Text(byte[] update)
    {
        var doc = new YDoc();
        Y.ApplyUpdate(doc, update);
        return doc.GetText(LiveText.RootName).ToString();
    }
}
