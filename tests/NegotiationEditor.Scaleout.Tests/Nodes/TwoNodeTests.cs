using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage.Postgres;

namespace NegotiationEditor.Scaleout.Tests.Nodes;

/// <summary>Two real server processes serving one negotiation through Redis and PostgreSQL.</summary>
[NonParallelizable]
public sealed partial class TwoNodeTests
{
    private string _database = "";
    private ServerProcess? _first;
    private ServerProcess? _second;
    private string _document = "";
    private SeededInvites _invites = null!;

    [SetUp]
    public async Task StartTwoNodes()
    {
        _database = SharedServices.NewDatabase();
        // The first node seeds the sample negotiation into the empty database; the second finds it there.
        _first = await ServerProcess.StartAsync(ServerOptions.Node(SharedServices.Redis, _database));
        _second = await ServerProcess.StartAsync(ServerOptions.Node(SharedServices.Redis, _database));
        using var storage = new PostgresStorage(_database);
        _document = storage.Load()!.Documents[0].Id.ToString();
        _invites = _first.Invites;
    }

    [TearDown]
    public void StopNodes()
    {
        _first?.Dispose();
        _second?.Dispose();
    }

    [Test]
    public async Task Hub_and_websocket_clients_on_two_nodes_see_each_others_edits()
    {
        await using var hubOnFirst = await HubPeer.JoinAsync(_first!.Hub(_invites.Chair.Token), _document);
        await using var hubOnSecond = await HubPeer.JoinAsync(_second!.Hub(_invites.Chair.Token), _document);
        await using var socketOnFirst = await WebsocketPeer.JoinAsync(_first.Websocket(_document, _invites.Chair.Token));
        await using var socketOnSecond = await WebsocketPeer.JoinAsync(_second.Websocket(_document, _invites.Chair.Token));

        await Task.WhenAll(
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await hubOnFirst.AppendAsync($"h1-{i};"); } }),
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await hubOnSecond.AppendAsync($"h2-{i};"); } }),
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await socketOnFirst.AppendAsync($"w1-{i};"); } }),
            Task.Run(async () => { for (var i = 0; i < 10; i++) { await socketOnSecond.AppendAsync($"w2-{i};"); } }));

        var peers = new[] { hubOnFirst.Peer, hubOnSecond.Peer, socketOnFirst.Peer, socketOnSecond.Peer };
        Assert.That(await Eventually.HoldsAsync(() => peers.All(peer => Edits().Matches(peer.Text).Count == 40)), Is.True,
            "every client received the forty edits: " + string.Join(" | ", peers.Select(peer => Edits().Matches(peer.Text).Count)));
        Assert.That(peers.Select(peer => peer.Text).Distinct().Count(), Is.EqualTo(1), "the four clients hold the same text");

        // A client joining either node afterwards gets the whole text from that node's own document.
        await using var lateOnFirst = await HubPeer.JoinAsync(_first.Hub(_invites.Observer.Token), _document);
        await using var lateOnSecond = await WebsocketPeer.JoinAsync(_second.Websocket(_document, _invites.Observer.Token));
        Assert.That(lateOnFirst.Peer.Text, Is.EqualTo(hubOnFirst.Peer.Text));
        Assert.That(lateOnSecond.Peer.Text, Is.EqualTo(hubOnFirst.Peer.Text));
    }

    [Test]
    public async Task Hub_clients_on_either_node_receive_each_update_typed_on_one_node_once()
    {
        // Both hub protocols on the other node, where the SignalR backplane and the document relay could both deliver.
        var onFirst = new UpdateFrames();
        var onSecondMessagePack = new UpdateFrames();
        var onSecondJson = new UpdateFrames();
        await using var typist = await HubPeer.JoinAsync(_first!.Hub(_invites.Chair.Token), _document);
        await using var readerOnFirst = await HubPeer.JoinAsync(onFirst.Count(_first.Hub(_invites.Observer.Token, messagePack: false)), _document);
        await using var messagePackOnSecond = await HubPeer.JoinAsync(onSecondMessagePack.Count(_second!.Hub(_invites.Secretariat.Token)), _document);
        await using var jsonOnSecond = await HubPeer.JoinAsync(onSecondJson.Count(_second.Hub(_invites.Observer.Token, messagePack: false)), _document);
        var readers = new[] { readerOnFirst.Peer, messagePackOnSecond.Peer, jsonOnSecond.Peer };

        for (var i = 0; i < 20; i++)
        {
            await typist.AppendAsync($"k{i};");
        }
        Assert.That(await Eventually.HoldsAsync(() => readers.All(reader => Edits().Matches(reader.Text).Count == 20)), Is.True, "every reader received the twenty edits");
        // One more edit: a second copy of the first twenty, were one on its way, arrives before it.
        await typist.AppendAsync("k20;");
        Assert.That(await Eventually.HoldsAsync(() => readers.All(reader => Edits().Matches(reader.Text).Count == 21)), Is.True, "every reader received the last edit");

        foreach (var (frames, reader) in new[] { (onFirst, "the typist's node"), (onSecondMessagePack, "the other node (MessagePack)"), (onSecondJson, "the other node (JSON)") })
        {
            Assert.That(frames.Received, Has.Count.EqualTo(21).And.All.EqualTo(1),
                $"a hub client on {reader} receives each of the 21 update frames once, not {string.Join(", ", frames.Received)} times");
        }
    }

    [Test]
    public async Task A_documents_negotiation_event_reaches_its_hub_clients_on_both_nodes_once_and_no_one_else()
    {
        // The event is sent by the node that made the change: to its own members on their sending lanes, to the other
        // node's through the SignalR backplane.
        var events = new Dictionary<string, ConcurrentQueue<string>>();
        HubConnection Listening(string name, HubConnection connection)
        {
            var received = events[name] = new ConcurrentQueue<string>();
            connection.On<string, string>("Negotiation", (document, json) =>
            {
                var node = JsonNode.Parse(json)!;
                if (node["event"]!.GetValue<string>() == "onScreenDraftingSwitched")
                {
                    received.Enqueue(document + " " + node["document"]!["onScreenDrafting"]!.GetValue<string>());
                }
            });
            return connection;
        }

        await using var onFirst = await HubPeer.JoinAsync(Listening("first (JSON)", _first!.Hub(_invites.Observer.Token, messagePack: false)), _document);
        await using var onSecond = await HubPeer.JoinAsync(Listening("second (MessagePack)", _second!.Hub(_invites.Observer.Token)), _document);
        await using var jsonOnSecond = await HubPeer.JoinAsync(Listening("second (JSON)", _second.Hub(_invites.Secretariat.Token, messagePack: false)), _document);
        var notJoined = Listening("second, not joined", _second.Hub(_invites.Chair.Token));
        await notJoined.StartAsync();
        try
        {
            using var api = Api(_first);
            foreach (var mode in new[] { "memberStates", "closed" })
            {
                var response = await api.PutAsJsonAsync($"api/documents/{_document}/on-screen-drafting", new { mode });
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
                Assert.That(await Eventually.HoldsAsync(() => events.Where(e => e.Key != "second, not joined").All(e => e.Value.Any(v => v.EndsWith(mode, StringComparison.Ordinal)))), Is.True,
                    $"every joined client on either node received the switch to {mode}: " + Describe(events));
            }

            // The second switch came after the first on every connection: a second copy of the first would be there.
            Assert.Multiple(() =>
            {
                foreach (var (name, received) in events.Where(e => e.Key != "second, not joined"))
                {
                    Assert.That(received, Is.EqualTo(new[] { $"{_document} memberStates", $"{_document} closed" }), $"{name} received each event once, in order");
                }
                Assert.That(events["second, not joined"], Is.Empty, "a client that did not join the document receives none of its events");
            });
        }
        finally
        {
            await notJoined.DisposeAsync();
        }
    }

    private static string Describe(Dictionary<string, ConcurrentQueue<string>> events) =>
        string.Join("; ", events.Select(e => $"{e.Key}: [{string.Join(", ", e.Value)}]"));

    [Test]
    public async Task Awareness_set_on_one_node_reaches_clients_of_the_other_and_leaves_with_its_client()
    {
        var onFirst = await WebsocketPeer.JoinAsync(_first!.Websocket(_document, _invites.Chair.Token));
        await using var onSecond = await WebsocketPeer.JoinAsync(_second!.Websocket(_document, _invites.Secretariat.Token));
        await using var hubOnSecond = await HubPeer.JoinAsync(_second.Hub(_invites.Observer.Token), _document);

        await onFirst.AnnounceAsync("""{"user":{"name":"Chair","cursor":7}}""");

        var client = onFirst.Awareness.ClientId;
        Assert.That(await Eventually.HoldsAsync(() => onSecond.StateOf(client)?.Contains("\"cursor\":7") == true), Is.True,
            "the client on the other node sees the chair's cursor");
        await using (var late = await WebsocketPeer.JoinAsync(_second.Websocket(_document, _invites.Observer.Token)))
        {
            Assert.That(await Eventually.HoldsAsync(() => late.StateOf(client) is not null), Is.True,
                "a client joining the other node afterwards receives the chair's state from that node");
        }

        await onFirst.LeaveAsync();
        await onFirst.DisposeAsync();
        Assert.That(await Eventually.HoldsAsync(() => onSecond.StateOf(client) is null), Is.True,
            "the chair's state is removed on the other node when the chair leaves");
    }

    [Test]
    public async Task A_node_killed_with_SIGKILL_loses_no_acknowledged_edit_and_its_clients_catch_up_on_the_other()
    {
        var writer = await HubPeer.JoinAsync(_first!.Hub(_invites.Chair.Token), _document);
        await using var reader = await HubPeer.JoinAsync(_second!.Hub(_invites.Secretariat.Token), _document);
        var acknowledged = -1;
        using var stop = new CancellationTokenSource();
        var typing = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await writer.AppendAsync($"k{i};");
                acknowledged = i;
            }
        });
        Assert.That(await Eventually.HoldsAsync(() => Edits().Matches(reader.Peer.Text).Count >= 40), Is.True, "the reader on the other node received the stream");

        _first.Kill();
        await stop.CancelAsync();
        Assert.That(async () => await typing, Throws.Exception, "the writer saw its node die mid-stream");
        await writer.DisposeAsync();
        var expected = Enumerable.Range(0, acknowledged + 1).Select(i => $"k{i};").ToList();

        using (var storage = new PostgresStorage(_database))
        {
            var stored = new YDoc();
            Y.ApplyUpdate(stored, Y.MergeUpdates(storage.Read(new(Guid.Parse(_document)))));
            Assert.That(Edits().Matches(stored.GetText(LiveText.RootName).ToString()).Select(m => m.Value), Is.SupersetOf(expected), "every acknowledged edit is in PostgreSQL");
        }

        // The writer's client reconnects to the surviving node with the document it holds, as a provider does.
        await using var reconnected = await HubPeer.JoinAsync(_second.Hub(_invites.Chair.Token), _document, writer.Peer);
        await using var observer = await WebsocketPeer.JoinAsync(_second.Websocket(_document, _invites.Observer.Token));
        Assert.That(Edits().Matches(observer.Peer.Text).Select(m => m.Value), Is.SupersetOf(expected), "the surviving node serves every acknowledged edit");
        Assert.That(await Eventually.HoldsAsync(() => reader.Peer.Text == reconnected.Peer.Text && observer.Peer.Text == reconnected.Peer.Text), Is.True,
            "the reconnected writer, the reader and a new client converge");
    }

    [Test]
    public async Task Documents_tabled_on_both_nodes_at_once_are_all_kept_and_listed_by_each_node()
    {
        using var onFirst = Api(_first!);
        using var onSecond = Api(_second!);
        async Task<string> TableAsync(HttpClient api, string symbol)
        {
            var response = await api.PostAsJsonAsync("api/documents", new { title = "Composition of the Working Group", symbol, text = "The Working Group shall be composed of members." });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        }

        var tabled = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            TableAsync(i % 2 == 0 ? onFirst : onSecond, $"E/CN.16/2010/CRP.{200 + i}")));

        foreach (var api in new[] { onFirst, onSecond })
        {
            Assert.That(await Eventually.HoldsAsync(async () =>
            {
                var listed = (await api.GetFromJsonAsync<JsonArray>("api/documents"))!.Select(d => d!["id"]!.GetValue<string>()).ToList();
                return tabled.All(listed.Contains);
            }), Is.True, $"{api.BaseAddress} lists every document tabled on either node");
        }
        using var storage = new PostgresStorage(_database);
        Assert.That(storage.Load()!.Documents.Select(d => d.Id.ToString()), Is.SupersetOf(tabled), "PostgreSQL holds every tabled document");
    }

    private HttpClient Api(ServerProcess node)
    {
        var client = new HttpClient { BaseAddress = node.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _invites.Chair.Token);
        return client;
    }

    [GeneratedRegex(@"(?:[hw][12]-\d+|k\d+);")]
    private static partial Regex Edits();

    // Counts the update frames a hub connection receives, by their bytes: a frame delivered twice counts 2.
    private sealed class UpdateFrames
    {
        private readonly ConcurrentDictionary<string, int> _received = new();

        public IReadOnlyList<int> Received => [.. _received.Values];

        public HubConnection Count(HubConnection connection)
        {
            connection.On<string, byte[]>("Receive", (_, frame) =>
            {
                if (WebsocketMessage.Read(frame) is WebsocketSyncMessage { Sync.Type: SyncMessageType.Update })
                {
                    _received.AddOrUpdate(Convert.ToBase64String(frame), 1, (_, count) => count + 1);
                }
            });
            return connection;
        }
    }
}
