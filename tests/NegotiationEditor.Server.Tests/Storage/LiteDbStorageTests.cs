using LiteDB;
using Microsoft.Extensions.Logging;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>
/// The LiteDB update log on its own file: a compaction reads in steps, writes the merged state at once, and leaves the
/// merged entries to the writer's later commits, which delete them a few at a time.
/// </summary>
public sealed class LiteDbStorageTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("negotiation-storage-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public async Task Compacting_one_of_several_documents_whose_entries_interleave_merges_all_of_its_entries_and_no_other()
    {
        var documents = Enumerable.Range(0, 3).Select(_ => new DocumentId(Guid.NewGuid())).ToList();
        var typists = documents.Select(_ => new Typist()).ToList();
        // Far more entries than a compaction reads at a time, the documents' entries taking turns.
        var perDocument = LiteDbStorage.EntriesPerRead * 2 + 37;
        using (var storage = new LiteDbStorage(_folder))
        {
            for (var i = 0; i < perDocument; i++)
            {
                for (var d = 0; d < documents.Count; d++)
                {
                    await storage.AppendAsync(documents[d], typists[d].Type(i));
                }
            }

            var result = storage.Compact(documents[1], updates => Y.MergeUpdates(updates));

            Assert.That(result.MergedUpdates, Is.EqualTo(perDocument));
            var stored = storage.Read(documents[1]);
            Assert.That(stored, Has.Count.EqualTo(1));
            Assert.That(result.StoredBytes, Is.EqualTo(stored[0].Length));
            Assert.That(TextOf(stored), Is.EqualTo(typists[1].Text));
            Assert.That(storage.Read(documents[0]), Has.Count.EqualTo(perDocument));
            Assert.That(TextOf(storage.Read(documents[2])), Is.EqualTo(typists[2].Text));
        }

        // Closed: the merged entries are gone from the file too, the other documents' entries all there.
        Assert.That(EntriesInFile(documents[1]), Is.EqualTo(1));
        Assert.That(EntriesInFile(documents[0]), Is.EqualTo(perDocument));
        Assert.That(EntriesInFile(documents[2]), Is.EqualTo(perDocument));
    }

    [Test]
    public async Task Merged_entries_are_deleted_in_the_commits_of_the_appends_that_follow_and_every_append_stays()
    {
        var document = new DocumentId(Guid.NewGuid());
        var typist = new Typist();
        const int count = 700;
        using var storage = new LiteDbStorage(_folder);
        for (var i = 0; i < count; i++)
        {
            await storage.AppendAsync(document, typist.Type(i));
        }

        storage.Compact(document, updates => Y.MergeUpdates(updates));
        Assert.That(storage.Read(document), Has.Count.EqualTo(1), "reads skip the merged entries at once");

        // Appends while the merged entries are being deleted, some of them in batches.
        var appended = 0;
        for (var i = 0; i < 40; i++)
        {
            if (i % 4 == 0)
            {
                await storage.AppendAsync(document, [typist.Type(count + i), typist.Type(count + i)]);
                appended += 2;
            }
            else
            {
                await storage.AppendAsync(document, typist.Type(count + i));
                appended++;
            }
        }

        Assert.That(await Eventually.HoldsAsync(() => storage.MergedEntriesLeft == 0), Is.True, "the writer deleted them without being asked");
        Assert.That(storage.Read(document), Has.Count.EqualTo(1 + appended));
        Assert.That(TextOf(storage.Read(document)), Is.EqualTo(typist.Text));
        Assert.That(EntriesInFileWhileOpen(storage, document), Is.EqualTo(1 + appended));
    }

    [Test]
    public async Task A_second_compaction_before_the_first_ones_entries_are_deleted_merges_only_what_is_live()
    {
        var document = new DocumentId(Guid.NewGuid());
        var typist = new Typist();
        using var storage = new LiteDbStorage(_folder);
        for (var i = 0; i < 600; i++)
        {
            await storage.AppendAsync(document, typist.Type(i));
        }
        storage.Compact(document, updates => Y.MergeUpdates(updates));
        for (var i = 600; i < 610; i++)
        {
            await storage.AppendAsync(document, typist.Type(i));
        }

        IReadOnlyList<byte[]>? merging = null;
        var result = storage.Compact(document, updates =>
        {
            merging = updates;
            return Y.MergeUpdates(updates);
        });

        Assert.That(result.MergedUpdates, Is.EqualTo(11), "the merged state and the ten updates after it");
        Assert.That(merging, Has.Count.EqualTo(11));
        Assert.That(TextOf(storage.Read(document)), Is.EqualTo(typist.Text));
        Assert.That(await Eventually.HoldsAsync(() => storage.MergedEntriesLeft == 0), Is.True);
        Assert.That(storage.Read(document), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task A_store_reopened_with_merged_entries_still_in_the_file_reads_the_same_text_and_compacts_them_away()
    {
        var document = new DocumentId(Guid.NewGuid());
        var typist = new Typist();
        var path = Path.Combine(_folder, LiteDbStorage.FileName);
        List<byte[]> before;
        using (var storage = new LiteDbStorage(_folder))
        {
            for (var i = 0; i < 300; i++)
            {
                await storage.AppendAsync(document, typist.Type(i));
            }
            before = storage.Read(document).ToList();
            storage.Compact(document, updates => Y.MergeUpdates(updates));
        }
        // As a killed process would leave it: the merged state written, the merged entries not all deleted yet.
        using (var database = new LiteDatabase(path))
        {
            var updates = database.GetCollection("updates", BsonAutoId.Int64);
            foreach (var update in before.Skip(1).Take(150))
            {
                updates.Insert(new BsonDocument { ["document"] = document.ToString(), ["bytes"] = update });
            }
        }

        using (var reopened = new LiteDbStorage(_folder))
        {
            Assert.That(reopened.Read(document), Has.Count.EqualTo(151));
            Assert.That(TextOf(reopened.Read(document)), Is.EqualTo(typist.Text));

            var result = reopened.Compact(document, updates => Y.MergeUpdates(updates));

            Assert.That(result.MergedUpdates, Is.EqualTo(151));
            Assert.That(TextOf(reopened.Read(document)), Is.EqualTo(typist.Text));
        }
        Assert.That(EntriesInFile(document), Is.EqualTo(1));
    }

    [Test]
    public async Task Slow_commits_are_reported_as_a_warning_at_most_once_in_ten_seconds()
    {
        var document = new DocumentId(Guid.NewGuid());
        var typist = new Typist();
        var log = new CapturedLog(LogLevel.Warning);
        // Every commit counts as slow here.
        using var storage = new LiteDbStorage(_folder, log) { SlowCommit = TimeSpan.Zero };

        for (var i = 0; i < 5; i++)
        {
            await storage.AppendAsync(document, typist.Type(i));
        }

        Assert.That(log.Messages, Has.Count.EqualTo(1), "five slow commits within a second, one report");
        Assert.That(log.Messages.Single(), Does.StartWith("1 commit(s) of updates took over 0 ms since the last report"));
        Assert.That(storage.Read(document), Has.Count.EqualTo(5));
    }

    private int EntriesInFile(DocumentId document)
    {
        using var database = new LiteDatabase(Path.Combine(_folder, LiteDbStorage.FileName));
        return database.GetCollection("updates").Count(Query.EQ("document", document.ToString()));
    }

    // The storage holds the file open, so count in a copy: every commit of the storage ends with a checkpoint, which
    // leaves everything in the data file.
    private int EntriesInFileWhileOpen(LiteDbStorage storage, DocumentId document)
    {
        var copy = Path.Combine(_folder, "copy");
        Directory.CreateDirectory(copy);
        File.Copy(storage.Path, Path.Combine(copy, LiteDbStorage.FileName));
        using var database = new LiteDatabase(Path.Combine(copy, LiteDbStorage.FileName));
        return database.GetCollection("updates").Count(Query.EQ("document", document.ToString()));
    }

    private static string TextOf(IEnumerable<byte[]> updates)
    {
        var doc = new YDoc();
        foreach (var update in updates)
        {
            Y.ApplyUpdate(doc, update);
        }
        return doc.GetText("t").ToString();
    }

    /// <summary>One client typing one character per update, somewhere in the text.</summary>
    private sealed class Typist
    {
        private readonly YDoc _doc = new();
        private byte[]? _last;

        public Typist() => _doc.Updated += (_, change) => _last = change.Update;

        public string Text => _doc.GetText("t").ToString();

        public byte[] Type(int i)
        {
            var text = _doc.GetText("t");
            text.Insert(i * 7 % (text.Length + 1), ((char)('a' + (i % 26))).ToString());
            return _last!;
        }
    }
}
