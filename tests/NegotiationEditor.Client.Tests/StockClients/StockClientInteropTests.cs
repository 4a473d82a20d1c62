using NegotiationEditor.Client.Live;
using NegotiationEditor.Client.Tests.Support;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Client.Tests.StockClients;

/// <summary>
/// Clients we did not write, against the real server process: a node client made of npm yjs + y-protocols +
/// @microsoft/signalr on the hub (MessagePack and JSON), and y-websocket's unmodified WebsocketProvider on
/// /ws/{documentId} (one, or two at once). The scripts are in tests/stock-clients. They type at the same time as C#
/// <see cref="LiveDocument"/>s; all must end with the same text and the same encoded state vector, which is also the
/// server's text.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class StockClientInteropTests
{
    private const int Edits = 15;

    private ServerProcess _server = null!;
    private InviteBook _invites = null!;
    private string _document = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        await StockClient.InstallAsync();
        _server = await ServerProcess.StartAsync(new ServerOptions { RequestsPerWindow = 100_000 });
        _invites = InviteBook.Of(_server);
        using var api = new NegotiationApi(_invites.Chair);
        _document = (await api.ListDocumentsAsync())[0].Id;
    }

    [OneTimeTearDown]
    public void StopServer() => _server?.Dispose();

    [TestCase("messagepack")]
    [TestCase("json")]
    public async Task A_node_client_on_the_hub_with_npm_signalr_and_yjs_converges_with_a_csharp_client(string protocol)
    {
        var hub = "hub-" + protocol;
        var csharp = "cs-hub-" + protocol;
        await using var live = await LiveDocument.ConnectAsync(_invites.Chair, _document);

        var node = StockClient.Start("hub-client.mjs", hub, _invites.Secretariat, _document, Edits, [$"{csharp}:{Edits}"], "--protocol", protocol);
        await TypeAsync(live, csharp, seed: 11);

        await AssertConvergedAsync(live, [$"{hub}:{Edits}", $"{csharp}:{Edits}"], node);
    }

    [Test]
    public async Task The_y_websocket_provider_on_ws_converges_with_a_csharp_client()
    {
        await using var live = await LiveDocument.ConnectAsync(_invites.Secretariat, _document);

        var node = StockClient.Start("ws-client.mjs", "ws", _invites.Chair, _document, Edits, [$"cs-ws:{Edits}"]);
        await TypeAsync(live, "cs-ws", seed: 12);

        await AssertConvergedAsync(live, [$"ws:{Edits}", $"cs-ws:{Edits}"], node);
    }

    [Test]
    public async Task Two_y_websocket_providers_and_a_csharp_client_typing_at_once_converge_and_keep_the_seeded_text()
    {
        await using var live = await LiveDocument.ConnectAsync(_invites.Chair, _document);
        string[] everyone = [$"ws-a:{Edits}", $"ws-b:{Edits}", $"cs-two-ws:{Edits}"];

        var first = StockClient.Start("ws-client.mjs", "ws-a", _invites.Chair, _document, Edits, everyone.Where(e => !e.StartsWith("ws-a", StringComparison.Ordinal)));
        var second = StockClient.Start("ws-client.mjs", "ws-b", _invites.Secretariat, _document, Edits, everyone.Where(e => !e.StartsWith("ws-b", StringComparison.Ordinal)));
        await TypeAsync(live, "cs-two-ws", seed: 15);

        await AssertConvergedAsync(live, everyone, first, second);
        Assert.That(live.Text, Does.Contain("# Composition of the Working Group"), "the seeded text is still there around the markers");
    }

    [Test]
    public async Task Both_stock_clients_and_two_csharp_clients_typing_at_once_converge()
    {
        await using var chair = await LiveDocument.ConnectAsync(_invites.Chair, _document);
        await using var secretariat = await LiveDocument.ConnectAsync(_invites.Secretariat, _document, new LiveDocumentOptions { MessagePack = false });
        string[] everyone = [$"all-hub:{Edits}", $"all-ws:{Edits}", $"all-cs1:{Edits}", $"all-cs2:{Edits}"];

        var hub = StockClient.Start("hub-client.mjs", "all-hub", _invites.Secretariat, _document, Edits, everyone.Where(e => !e.StartsWith("all-hub", StringComparison.Ordinal)));
        var ws = StockClient.Start("ws-client.mjs", "all-ws", _invites.Chair, _document, Edits, everyone.Where(e => !e.StartsWith("all-ws", StringComparison.Ordinal)));
        await Task.WhenAll(TypeAsync(chair, "all-cs1", seed: 13), TypeAsync(secretariat, "all-cs2", seed: 14));

        await AssertConvergedAsync(chair, everyone, hub, ws);
        Assert.Multiple(() =>
        {
            Assert.That(secretariat.Text, Is.EqualTo(chair.Text));
            Assert.That(secretariat.EncodeStateVector(), Is.EqualTo(chair.EncodeStateVector()));
        });
    }

    private static async Task TypeAsync(LiveDocument live, string peer, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Edits; i++)
        {
            var marker = Markers.Of(peer, i);
            live.Edit(text => text.Insert(Markers.InsertionPoint(text.ToString(), random), marker));
            await Task.Delay(random.Next(5, 20));
        }
        await live.FlushAsync();
    }

    private async Task AssertConvergedAsync(LiveDocument live, string[] everyone, params StockClient[] stock)
    {
        var markers = everyone.SelectMany(entry => Markers.All(entry.Split(':')[0], int.Parse(entry.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var results = await Task.WhenAll(stock.Select(client => client.Run));
        var outputs = string.Join("\n", stock.Zip(results, (client, result) => $"{client.Name}: {result}"));
        Assert.That(results.Select(r => r.ExitCode), Is.All.EqualTo(0), outputs + "\nserver:\n" + _server.Output);
        var reports = new List<(string Name, string Text, byte[] StateVector)>();
        foreach (var client in stock)
        {
            var (text, stateVector) = await client.ReportAsync();
            reports.Add((client.Name, text, stateVector));
        }
        var arrived = await Eventually.HoldsAsync(() => markers.All(live.Text.Contains), TimeSpan.FromSeconds(60));
        using var api = new NegotiationApi(_invites.Observer);
        var serverText = (await api.GetDocumentAsync(_document)).Text;

        Assert.Multiple(() =>
        {
            Assert.That(arrived, Is.True, "every marker reached the C# client; missing "
                + string.Join(' ', markers.Where(m => !live.Text.Contains(m, StringComparison.Ordinal))) + "\n" + outputs + "\nserver:\n" + _server.Output);
            foreach (var report in reports)
            {
                Assert.That(report.Text, Is.EqualTo(live.Text), $"{report.Name}'s text");
                Assert.That(report.StateVector, Is.EqualTo(live.EncodeStateVector()), $"{report.Name}'s encoded state vector");
            }
            Assert.That(serverText, Is.EqualTo(live.Text), "the server's text");
            Assert.That(live.Denials, Is.Empty);
            Assert.That(_server.LoggedErrors, Is.Empty, "errors the server logged:\n" + _server.Output);
        });
    }
}
