using System.Text.RegularExpressions;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Storage.Postgres;

namespace NegotiationEditor.Scaleout.Tests.Storage;

/// <summary>The PostgreSQL update log, shared by two stores as two nodes share it.</summary>
public sealed partial class PostgresStorageTests
{
    [Test]
    public async Task Appended_updates_are_read_back_in_order_and_rebuild_the_text()
    {
        using var storage = new PostgresStorage(SharedServices.NewDatabase());
        var document = new DocumentId(Guid.NewGuid());
        var writer = new Writer("a");
        foreach (var update in writer.Type(20))
        {
            await storage.AppendAsync(document, update);
        }

        var stored = storage.Read(document);

        Assert.That(stored, Is.EqualTo(writer.Updates));
        Assert.That(Rebuild(stored), Is.EqualTo(writer.Text));
        Assert.That(storage.Read(new DocumentId(Guid.NewGuid())), Is.Empty, "another document has nothing stored");
    }

    [Test]
    public async Task Compaction_by_two_nodes_during_appends_from_two_nodes_loses_no_update()
    {
        var database = SharedServices.NewDatabase();
        using var first = new PostgresStorage(database);
        using var second = new PostgresStorage(database);
        var document = new DocumentId(Guid.NewGuid());
        var writers = new[] { new Writer("a"), new Writer("b") };
        var appending = new[]
        {
            Task.Run(async () => { foreach (var update in writers[0].Type(150)) { await first.AppendAsync(document, update); } }),
            Task.Run(async () => { foreach (var update in writers[1].Type(150)) { await second.AppendAsync(document, update); } }),
        };
        var compactions = 0;
        var compacting = new[] { first, second }.Select(storage => Task.Run(async () =>
        {
            while (!appending.All(task => task.IsCompleted))
            {
                if (storage.Compact(document, Y.MergeUpdates).MergedUpdates > 0)
                {
                    Interlocked.Increment(ref compactions);
                }
                await Task.Yield();
            }
        })).ToArray();
        await Task.WhenAll(appending.Concat(compacting));

        var text = Rebuild(first.Read(document));

        Assert.That(compactions, Is.GreaterThan(0), "compactions ran while updates were appended");
        Assert.That(Words().Matches(text).Select(m => m.Value), Is.EquivalentTo(Words().Matches(writers[0].Text + writers[1].Text).Select(m => m.Value)));
        var final = first.Compact(document, Y.MergeUpdates);
        Assert.That(second.Read(document), Has.Count.EqualTo(1));
        Assert.That(Rebuild(second.Read(document)), Is.EqualTo(text));
        Assert.That(final.StoredBytes, Is.EqualTo(second.Read(document)[0].Length));
    }

    [Test]
    public void An_unreachable_database_is_refused_with_a_clear_error()
    {
        var nowhere = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Username=postgres;Timeout=3";

        Assert.That(() => new PostgresStorage(nowhere), Throws.TypeOf<IOException>().With.Message.Contains("PostgreSQL: could not create the tables"));
    }

    private static string Rebuild(IReadOnlyList<byte[]> updates)
    {
        var document = new YDoc();
        foreach (var update in updates)
        {
            Y.ApplyUpdate(document, update);
        }
        return document.GetText("t").ToString();
    }

    [GeneratedRegex(@"[ab]\d+;")]
    private static partial Regex Words();

    /// <summary>One node's client typing words into its own document, keeping the updates it made.</summary>
    private sealed class Writer(string letter)
    {
        private readonly YDoc _document = new();

        public List<byte[]> Updates { get; } = [];

        public string Text => _document.GetText("t").ToString();

        public IEnumerable<byte[]> Type(int words)
        {
            for (var i = 0; i < words; i++)
            {
                byte[]? made = null;
                void Keep(object? sender, UpdateEventArgs args) => made = args.Update;
                _document.Updated += Keep;
                var text = _document.GetText("t");
                text.Insert(text.Length, $"{letter}{i};");
                _document.Updated -= Keep;
                Updates.Add(made!);
                yield return made!;
            }
        }
    }
}
