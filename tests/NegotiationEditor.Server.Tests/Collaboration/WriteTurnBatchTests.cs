using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Crdt;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Tests.Storage;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Collaboration;

/// <summary>
/// Client updates that wait for a room's write turn are taken together by the next turn: checked one by one, stored as
/// one, then applied and sent to everyone; a failed store applies none of them.
/// </summary>
public sealed class WriteTurnBatchTests
{
    private GatedUpdateLog _log = null!;
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start()
    {
        _server = new NegotiationServerFactory(services: services => services.AddSingleton<IDocumentUpdateLog>(provider =>
        {
            _log = new GatedUpdateLog(provider.GetRequiredService<LiteDbStorage>());
            return _log;
        })).Started();
    }

    [TearDown]
    public void Stop()
    {
        _log.Open();
        _server.Dispose();
    }

    private string Document => _server.Document.ToString();

    [Test]
    public async Task Updates_that_waited_behind_a_slow_store_are_stored_in_one_append_and_reach_everyone()
    {
        var (writers, observer, room) = await JoinAsync();
        var before = _log.Appends;

        _log.Hold();
        var first = writers[0].AppendAsync(" [first]");
        Assert.That(await Eventually.HoldsAsync(() => _log.Waiting == 1), Is.True, "the first update holds the write turn in its store");
        var waiting = new[] { writers[1].AppendAsync(" [second]"), writers[2].AppendAsync(" [third]") };
        Assert.That(await Eventually.HoldsAsync(() => room.QueuedUpdates == 2), Is.True);
        _log.Open();
        await Task.WhenAll([first, .. waiting]);

        Assert.That(_log.Appends - before, Is.EqualTo(2), "the first update alone, then the two that waited together");
        Assert.That(await Eventually.HoldsAsync(() => Has(observer.Peer.Text, "[first]", "[second]", "[third]")
            && writers.All(writer => Has(writer.Peer.Text, "[first]", "[second]", "[third]"))), Is.True);
        var live = await LiveTextAsync();
        Assert.That(StoredText(), Is.EqualTo(live));
        Assert.That(observer.Peer.Text, Is.EqualTo(live));
        await DisposeAsync(writers, observer);
    }

    [Test]
    public async Task A_batch_that_could_not_be_stored_is_not_applied_and_each_sender_is_told()
    {
        var (writers, observer, room) = await JoinAsync();

        _log.Hold();
        var first = writers[0].AppendAsync(" [stored]");
        Assert.That(await Eventually.HoldsAsync(() => _log.Waiting == 1), Is.True);
        var waiting = new[] { writers[1].AppendAsync(" [lost one]"), writers[2].AppendAsync(" [lost two]") };
        Assert.That(await Eventually.HoldsAsync(() => room.QueuedUpdates == 2), Is.True);
        // The first append was let through when it arrived; the batch behind it arrives now and fails.
        _log.Failing = true;
        _log.Open();
        await Task.WhenAll([first, .. waiting]);

        Assert.That(await Eventually.HoldsAsync(() => writers[1].Peer.Denials.Count == 1 && writers[2].Peer.Denials.Count == 1), Is.True);
        Assert.That(writers[1].Peer.Denials[0], Does.Contain("could not store"));
        Assert.That(writers[2].Peer.Denials[0], Does.Contain("could not store"));
        _log.Failing = false;
        var live = await LiveTextAsync();
        Assert.That(live, Does.Not.Contain("[lost one]").And.Not.Contain("[lost two]"));
        Assert.That(live, Is.EqualTo(StoredText()));
        await DisposeAsync(writers, observer);
    }

    [Test]
    public async Task A_malformed_update_in_a_batch_is_answered_as_a_fault_and_the_others_are_applied()
    {
        var (writers, observer, room) = await JoinAsync();

        _log.Hold();
        var first = writers[0].AppendAsync(" [first]");
        Assert.That(await Eventually.HoldsAsync(() => _log.Waiting == 1), Is.True);
        // A sync update frame whose update is truncated: it reads as a frame but does not decode.
        var good = writers[1].Peer.Append(" [good]")[0];
        var waiting = new[] { writers[1].SendAsync([good]), writers[2].SendAsync([Truncated(writers[2].Peer.Append(" [bad]")[0])]) };
        Assert.That(await Eventually.HoldsAsync(() => room.QueuedUpdates == 2), Is.True);
        _log.Open();
        await Task.WhenAll([first, .. waiting]);

        Assert.That(await Eventually.HoldsAsync(() => writers[2].Peer.Denials.Count == 1), Is.True);
        Assert.That(writers[2].Peer.Denials[0], Does.Contain("malformed"));
        Assert.That(await Eventually.HoldsAsync(() => Has(observer.Peer.Text, "[first]", "[good]")), Is.True);
        var live = await LiveTextAsync();
        Assert.That(live, Does.Not.Contain("[bad]"));
        Assert.That(StoredText(), Is.EqualTo(live));
        await DisposeAsync(writers, observer);
    }

    // A y-websocket sync update frame (message type 0, sync type 2, then the update as a var-length byte array) whose
    // update loses its last bytes, with the length prefix adjusted so that the frame itself still reads.
    private static byte[] Truncated(byte[] frame)
    {
        Assert.That(frame[0], Is.EqualTo(0));
        Assert.That(frame[1], Is.EqualTo(2));
        Assert.That(frame[2], Is.LessThan(128), "a short update has a one-byte length");
        var update = frame[3..];
        var cut = update[..(update.Length / 2)];
        return [0, 2, (byte)cut.Length, .. cut];
    }

    private static bool Has(string text, params string[] parts) => parts.All(text.Contains);

    private async Task<(HubPeer[] Writers, WebsocketPeer Observer, DocumentRoom Room)> JoinAsync()
    {
        var writers = new[]
        {
            await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document),
            await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, Document, messagePack: true),
            await HubPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, Document),
        };
        var observer = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Observer, Document);
        Assert.That(await Eventually.HoldsAsync(() => writers.All(writer => writer.Peer.Synced) && observer.Peer.Synced), Is.True);
        var room = _server.Services.GetRequiredService<DocumentRooms>().Loaded.Single(candidate => candidate.Id == _server.Document);
        return (writers, observer, room);
    }

    private static async Task DisposeAsync(HubPeer[] writers, WebsocketPeer observer)
    {
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }
        await observer.DisposeAsync();
    }

    private Task<string> LiveTextAsync() =>
        _server.Services.GetRequiredService<DocumentRooms>().ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());

    private string StoredText()
    {
        var stored = new YDoc();
        Y.ApplyUpdate(stored, Y.MergeUpdates(_log.Read(_server.Document)));
        return stored.GetText(LiveText.RootName).ToString();
    }
}
