using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>The document's update log: every applied update stored, compaction merging them, idle documents unloaded.</summary>
public sealed class UpdateLogTests
{
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start() => _server = new NegotiationServerFactory(new Dictionary<string, string>
    {
        // Maintenance is driven by the tests themselves.
        ["Collaboration:MaintenanceInterval"] = "01:00:00",
        ["Collaboration:UnloadWhenIdleFor"] = "00:00:00",
        ["Collaboration:CompactAfterUpdates"] = "10",
    }).Started();

    [TearDown]
    public void Stop() => _server.Dispose();

    private IDocumentUpdateLog Log => _server.Services.GetRequiredService<IDocumentUpdateLog>();

    private DocumentRooms Rooms => _server.Services.GetRequiredService<DocumentRooms>();

    [Test]
    public async Task Every_applied_update_is_in_the_log_when_its_broadcast_arrives()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document);
        await using var observer = await HubPeer.JoinAsync(_server.Server, _server.Invites.Observer, document);
        var seeded = Log.Read(_server.Document).Count;

        for (var i = 0; i < 5; i++)
        {
            await chair.AppendAsync($" [{i}]");
        }

        Assert.That(await Eventually.HoldsAsync(() => observer.Peer.Text.EndsWith(" [4]")), Is.True);
        Assert.That(Log.Read(_server.Document), Has.Count.EqualTo(seeded + 5));
    }

    [Test]
    public async Task Compaction_merges_the_log_into_one_update_with_the_same_text()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document);
        for (var i = 0; i < 12; i++)
        {
            await chair.SendAsync(chair.Peer.Edit(t => t.Insert(i % 3, $"<{i}>")));
        }
        Assert.That(Log.Read(_server.Document), Has.Count.EqualTo(13));

        Rooms.Maintain();

        var stored = Log.Read(_server.Document);
        Assert.That(stored, Has.Count.EqualTo(1));
        var reloaded = new NegotiationEditor.Crdt.YDoc();
        NegotiationEditor.Crdt.Y.ApplyUpdate(reloaded, stored[0]);
        Assert.That(reloaded.GetText(LiveText.RootName).ToString(), Is.EqualTo(chair.Peer.Text));
    }

    [Test]
    public async Task A_compaction_of_hundreds_of_entries_leaves_only_the_merged_state_and_a_leftover_would_change_nothing()
    {
        // Hundreds of entries of the document itself, each one character typed somewhere.
        var writer = new NegotiationEditor.Crdt.YDoc();
        foreach (var update in Log.Read(_server.Document))
        {
            NegotiationEditor.Crdt.Y.ApplyUpdate(writer, update);
        }
        var typed = new List<byte[]>();
        writer.Updated += (_, change) => typed.Add(change.Update);
        var text = writer.GetText(LiveText.RootName);
        const int count = 237;
        for (var i = 0; i < count; i++)
        {
            text.Insert(i * 7 % (text.Length + 1), ((char)('a' + (i % 26))).ToString());
        }
        foreach (var update in typed)
        {
            await Log.AppendAsync(_server.Document, update);
        }
        var before = Log.Read(_server.Document);

        var result = Log.Compact(_server.Document, updates => NegotiationEditor.Crdt.Y.MergeUpdates(updates));

        var stored = Log.Read(_server.Document);
        Assert.That(result.MergedUpdates, Is.EqualTo(before.Count));
        Assert.That(stored, Has.Count.EqualTo(1), "every merged entry was deleted");
        Assert.That(result.StoredBytes, Is.EqualTo(stored[0].Length));
        string TextOf(IEnumerable<byte[]> updates)
        {
            var doc = new NegotiationEditor.Crdt.YDoc();
            foreach (var update in updates)
            {
                NegotiationEditor.Crdt.Y.ApplyUpdate(doc, update);
            }
            return doc.GetText(LiveText.RootName).ToString();
        }
        Assert.That(TextOf(stored), Is.EqualTo(text.ToString()));
        // Merged entries left beside the merged state (a store that deletes them in steps, cut short) would change nothing.
        Assert.That(TextOf(stored.Concat(before.Skip(before.Count / 2))), Is.EqualTo(text.ToString()));
    }

    [Test]
    public async Task An_update_stored_while_a_compaction_merges_stays_beside_the_merged_state()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document);
        for (var i = 0; i < 4; i++)
        {
            await chair.AppendAsync($" [{i}]");
        }
        var before = Log.Read(_server.Document);
        var elsewhere = new NegotiationEditor.Crdt.YDoc();
        foreach (var update in before)
        {
            NegotiationEditor.Crdt.Y.ApplyUpdate(elsewhere, update);
        }
        byte[]? late = null;
        elsewhere.Updated += (_, change) => late = change.Update;
        elsewhere.GetText(LiveText.RootName).Insert(0, "[stored during the merge] ");

        var appendedDuringTheMerge = false;
        var result = Log.Compact(_server.Document, updates =>
        {
            // The file is not locked while the merge runs: an append completes meanwhile.
            appendedDuringTheMerge = Log.AppendAsync(_server.Document, late!).Wait(TimeSpan.FromSeconds(30));
            return NegotiationEditor.Crdt.Y.MergeUpdates(updates);
        });

        Assert.That(appendedDuringTheMerge, Is.True);
        Assert.That(result.MergedUpdates, Is.EqualTo(before.Count));
        var stored = Log.Read(_server.Document);
        Assert.That(stored, Has.Count.EqualTo(2), "the merged state, then the update stored during the merge");
        Assert.That(stored[1], Is.EqualTo(late));
        Assert.That(result.StoredBytes, Is.EqualTo(stored.Sum(update => (long)update.Length)));
        var reloaded = new NegotiationEditor.Crdt.YDoc();
        foreach (var update in stored)
        {
            NegotiationEditor.Crdt.Y.ApplyUpdate(reloaded, update);
        }
        Assert.That(reloaded.GetText(LiveText.RootName).ToString(), Is.EqualTo("[stored during the merge] " + chair.Peer.Text));
    }

    [Test]
    public async Task An_idle_document_is_unloaded_and_loads_again_with_everything_in_it()
    {
        var document = _server.Document.ToString();
        string text;
        await using (var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document))
        {
            await chair.AppendAsync(" [before unloading]");
            text = chair.Peer.Text;
        }
        Assert.That(await Eventually.HoldsAsync(() => Rooms.Loaded.All(room => room.Connections.IsEmpty)), Is.True);

        Rooms.Maintain();
        Assert.That(Rooms.Loaded, Is.Empty);

        await using var again = await HubPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document);
        Assert.That(again.Peer.Text, Is.EqualTo(text));
        Assert.That(Log.Read(_server.Document), Has.Count.EqualTo(1), "unloading compacted the log");
    }

    [Test]
    public async Task A_document_with_connections_stays_loaded()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document);

        Rooms.Maintain();

        Assert.That(Rooms.Loaded.Select(room => room.Id), Is.EqualTo(new[] { _server.Document }));
        await chair.AppendAsync(" [still here]");
        Assert.That(await Rooms.ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString()), Does.EndWith(" [still here]"));
    }
}
