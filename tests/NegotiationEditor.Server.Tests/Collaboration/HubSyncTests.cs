using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationEditor.Server.Tests.Collaboration;

[TestFixture(false, TestName = "HubSyncTests(JSON)")]
[TestFixture(true, TestName = "HubSyncTests(MessagePack)")]
public sealed class HubSyncTests(bool messagePack)
{
    private NegotiationServerFactory _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new NegotiationServerFactory().Started();

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task Joining_a_document_brings_its_seeded_text()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack);

        var stored = await _server.Services.GetRequiredService<DocumentRooms>()
            .ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());
        Assert.That(chair.Peer.Text, Does.Contain("# Composition of the Working Group"));
        Assert.That(chair.Peer.Text, Is.EqualTo(stored));
    }

    [Test]
    public async Task Two_clients_typing_at_once_converge_on_the_same_text()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack);
        await using var secretariat = await HubPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document, messagePack);

        var typing = Enumerable.Range(0, 25).Select(async i =>
        {
            await chair.SendAsync(chair.Peer.Edit(t => t.Insert(0, $"c{i} ")));
            await secretariat.AppendAsync($" s{i}");
        });
        await Task.WhenAll(typing);

        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Text == secretariat.Peer.Text), Is.True,
            $"chair: {chair.Peer.Text}\nsecretariat: {secretariat.Peer.Text}");
        var server = await _server.Services.GetRequiredService<DocumentRooms>()
            .ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());
        Assert.That(chair.Peer.Text, Is.EqualTo(server));
        for (var i = 0; i < 25; i++)
        {
            Assert.That(server, Does.Contain($"c{i} ").And.Contain($" s{i}"));
        }
    }

    [Test]
    public async Task A_paste_larger_than_signalrs_default_message_size_goes_through()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack);
        await using var observer = await HubPeer.JoinAsync(_server.Server, _server.Invites.Observer, document, messagePack);
        var paste = string.Concat(Enumerable.Repeat("Decisions of this Working Group will be made by consensus. ", 700));

        await chair.AppendAsync(paste);

        Assert.That(paste.Length, Is.GreaterThan(40 * 1024));
        Assert.That(chair.Peer.Denials, Is.Empty);
        Assert.That(await Eventually.HoldsAsync(() => observer.Peer.Text.EndsWith(paste)), Is.True);
    }

    [Test]
    public async Task A_client_that_joins_later_receives_every_earlier_edit()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack);
        await chair.AppendAsync(" [late joiner check]");

        await using var observer = await HubPeer.JoinAsync(_server.Server, _server.Invites.Observer, document, messagePack);

        Assert.That(observer.Peer.Text, Does.EndWith(" [late joiner check]"));
        Assert.That(observer.Peer.Text, Is.EqualTo(chair.Peer.Text));
    }

    [Test]
    public async Task A_client_that_left_a_document_receives_no_more_of_its_updates_and_one_still_in_it_each_once()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack);
        var leaving = new ConcurrentDictionary<string, int>();
        var staying = new ConcurrentDictionary<string, int>();
        await using var leaver = await HubPeer.JoinAsync(CountingUpdates(HubPeer.Build(_server.Server, _server.Invites.Observer, messagePack), leaving), document);
        await using var stayer = await HubPeer.JoinAsync(CountingUpdates(HubPeer.Build(_server.Server, _server.Invites.Secretariat, messagePack), staying), document);

        await chair.AppendAsync(" [before the leave]");
        Assert.That(await Eventually.HoldsAsync(() => leaver.Peer.Text.Contains("[before the leave]") && stayer.Peer.Text.Contains("[before the leave]")), Is.True);
        await leaver.Connection.InvokeAsync("Leave", document);
        await chair.AppendAsync(" [after the leave]");
        Assert.That(await Eventually.HoldsAsync(() => stayer.Peer.Text.Contains("[after the leave]")), Is.True);

        Assert.That(leaving.Values, Is.EqualTo(new[] { 1 }), "the client that left received the update made before it left, once, and nothing after");
        Assert.That(staying.Values, Is.EqualTo(new[] { 1, 1 }), "the client still in the document received both updates, once each");
    }

    private static HubConnection CountingUpdates(HubConnection connection, ConcurrentDictionary<string, int> received)
    {
        connection.On<string, byte[]>("Receive", (_, frame) =>
        {
            if (NegotiationEditor.Crdt.Protocol.WebsocketMessage.Read(frame) is NegotiationEditor.Crdt.Protocol.WebsocketSyncMessage { Sync.Type: NegotiationEditor.Crdt.Protocol.SyncMessageType.Update })
            {
                received.AddOrUpdate(Convert.ToBase64String(frame), 1, (_, count) => count + 1);
            }
        });
        return connection;
    }

    [Test]
    public async Task Awareness_states_reach_the_others_and_leave_with_their_connection()
    {
        var document = _server.Document.ToString();
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, document, messagePack);
        var awareness = new List<byte[]>();
        var observer = HubPeer.Build(_server.Server, _server.Invites.Observer, messagePack);
        observer.On<string, byte[]>("Receive", (_, frame) =>
        {
            if (frame[0] == 1)
            {
                lock (awareness)
                {
                    awareness.Add(frame);
                }
            }
        });
        await observer.StartAsync();
        await observer.InvokeAsync("Join", document);

        var state = NegotiationEditor.Crdt.Protocol.AwarenessUpdate.Write([new(4242, 1, "{\"user\":{\"name\":\"Chair\"}}")]);
        await chair.SendAsync([new NegotiationEditor.Crdt.Protocol.WebsocketAwarenessMessage(state).ToArray()]);
        Assert.That(await Eventually.HoldsAsync(() => { lock (awareness) { return awareness.Count == 1; } }), Is.True);

        await chair.Connection.StopAsync();
        Assert.That(await Eventually.HoldsAsync(() => { lock (awareness) { return awareness.Count == 2; } }), Is.True);
        var removal = NegotiationEditor.Crdt.Protocol.WebsocketMessage.Read(awareness[1]);
        var entries = ((NegotiationEditor.Crdt.Protocol.WebsocketAwarenessMessage)removal).ReadEntries();
        Assert.That(entries.Single().ClientId, Is.EqualTo(4242UL));
        Assert.That(entries.Single().StateJson, Is.Null);
        await observer.DisposeAsync();
    }
}
