using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Storage.Postgres;

namespace NegotiationEditor.Scaleout.Tests.Storage;

/// <summary>
/// The edit history in PostgreSQL keeps the contract of the LiteDB one (records read oldest first with their exact
/// times, authors and bytes, up to a moment; extended records; a missing record refused), and two nodes write it together.
/// </summary>
public sealed class PostgresDocumentHistoryTests
{
    private static readonly DateTimeOffset Noon = new(2010, 12, 17, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Records_are_read_oldest_first_with_their_times_authors_and_bytes_and_only_up_to_the_moment_asked()
    {
        using var history = new PostgresDocumentHistory(SharedServices.NewDatabase());
        var document = new DocumentId(Guid.NewGuid());
        var author = new ParticipantId(Guid.NewGuid());
        var updates = Keystrokes("ab");
        await history.AddAsync(new EditRecord(document, Noon.AddTicks(1234567), Noon.AddSeconds(1), author, updates[1]));
        await history.AddAsync(new EditRecord(document, Noon, Noon, null, updates[0]));
        await history.AddAsync(new EditRecord(new DocumentId(Guid.NewGuid()), Noon, Noon, null, updates[0]));

        var all = history.Read(document);

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(r => (r.First, r.Last, r.Author)), Is.EqualTo(new[]
            {
                (Noon, Noon, (ParticipantId?)null),
                (Noon.AddTicks(1234567), Noon.AddSeconds(1), author),
            }), "times keep their ticks");
            Assert.That(all.Select(r => r.Update), Is.EqualTo(updates));
            Assert.That(history.Read(document, Noon.AddMilliseconds(500)), Has.Count.EqualTo(1));
            Assert.That(history.Read(new DocumentId(Guid.NewGuid())), Is.Empty);
        });
    }

    [Test]
    public async Task An_extended_record_keeps_its_first_time_and_takes_the_new_last_time_and_bytes_and_a_missing_one_is_refused()
    {
        var database = SharedServices.NewDatabase();
        var document = new DocumentId(Guid.NewGuid());
        var updates = Keystrokes("ab");
        var merged = Y.MergeUpdates(updates);
        using (var history = new PostgresDocumentHistory(database))
        {
            var id = await history.AddAsync(new EditRecord(document, Noon, Noon, null, updates[0]));
            await history.ExtendAsync(id, Noon.AddMilliseconds(700), merged);
            Assert.ThrowsAsync<KeyNotFoundException>(() => history.ExtendAsync(id + 1000, Noon, merged));
        }

        using var reopened = new PostgresDocumentHistory(database);
        var record = reopened.Read(document).Single();

        Assert.That((record.First, record.Last), Is.EqualTo((Noon, Noon.AddMilliseconds(700))));
        Assert.That(Text(record.Update), Is.EqualTo("ab"));
    }

    [Test]
    public async Task Two_nodes_recording_at_once_lose_nothing_and_the_merged_history_rebuilds_both_texts()
    {
        var database = SharedServices.NewDatabase();
        using var first = new PostgresDocumentHistory(database);
        using var second = new PostgresDocumentHistory(database);
        var document = new DocumentId(Guid.NewGuid());
        var a = Keystrokes(new string('a', 60));
        var b = Keystrokes(new string('b', 60));

        await Task.WhenAll(
            Task.Run(async () => await Record(first, document, a, offset: 0)),
            Task.Run(async () => await Record(second, document, b, offset: 1)));

        var records = first.Read(document);
        var text = Text(Y.MergeUpdates(records.Select(r => r.Update)));

        Assert.That(records, Has.Count.EqualTo(120));
        Assert.That(records.Select(r => r.First), Is.Ordered);
        Assert.That(text.Count(c => c == 'a'), Is.EqualTo(60));
        Assert.That(text.Count(c => c == 'b'), Is.EqualTo(60));
    }

    private static async Task Record(IDocumentHistory history, DocumentId document, IReadOnlyList<byte[]> updates, int offset)
    {
        for (var i = 0; i < updates.Count; i++)
        {
            var at = Noon.AddMilliseconds(i * 2 + offset);
            await history.AddAsync(new EditRecord(document, at, at, null, updates[i]));
        }
    }

    private static List<byte[]> Keystrokes(string text)
    {
        var doc = new YDoc();
        var updates = new List<byte[]>();
        doc.Updated += (_, args) => updates.Add(args.Update);
        foreach (var c in text)
        {
            var shared = doc.GetText(LiveText.RootName);
            shared.Insert(shared.Length, c.ToString());
        }

        return updates;
    }

    private static string Text(byte[] update)
    {
        var doc = new YDoc();
        Y.ApplyUpdate(doc, update);
        return doc.GetText(LiveText.RootName).ToString();
    }
}
