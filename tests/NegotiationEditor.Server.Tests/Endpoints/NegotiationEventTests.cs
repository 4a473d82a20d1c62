using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>Workflow changes reach hub clients as <c>Negotiation(documentId, eventJson)</c>: those in the document, and
/// everyone for a newly tabled document.</summary>
public sealed class NegotiationEventTests
{
    [Test]
    public async Task Events_of_a_document_reach_only_its_joined_clients_and_a_tabled_document_reaches_everyone()
    {
        using var server = new NegotiationServerFactory(new Dictionary<string, string> { ["NegotiationApi:RequestsPerWindow"] = "10000" }).Started();
        using var chair = ApiSession.As(server, server.Invites.Chair);
        var seed = server.Document.ToString();
        var events = new ConcurrentQueue<(string Document, JsonNode Event)>();
        var connection = HubPeer.Build(server.Server, server.Invites.Observer, messagePack: true);
        connection.On<string, string>("Negotiation", (document, json) => events.Enqueue((document, JsonNode.Parse(json)!)));
        await using var observer = await HubPeer.JoinAsync(connection, seed);

        var other = await chair.TableAsync();
        await ApiSession.Expect(await chair.PutAsync($"/api/documents/{other}/on-screen-drafting", new { mode = "closed" }), HttpStatusCode.OK);
        await ApiSession.Expect(await chair.PutAsync($"/api/documents/{seed}/on-screen-drafting", new { mode = "memberStates" }), HttpStatusCode.OK);

        Assert.That(await Eventually.HoldsAsync(() => events.Count >= 2), Is.True);
        var received = events.ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(received.Select(e => (e.Document, e.Event["event"]!.GetValue<string>())), Is.EqualTo(new[]
            {
                (other, "documentTabled"),
                (seed, "onScreenDraftingSwitched"),
            }), "the switch on the other document was not sent to a client that did not join it");
            Assert.That(received[1].Event["document"]!["onScreenDrafting"]!.GetValue<string>(), Is.EqualTo("memberStates"));
            Assert.That(received[1].Event["actor"]!["role"]!.GetValue<string>(), Is.EqualTo("chair"));
            Assert.That(received[1].Event["document"]!["text"], Is.Null, "events do not carry the text");
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task The_event_of_an_accepted_amendment_reaches_a_hub_client_after_the_text_update_it_describes(bool messagePack)
    {
        using var server = new NegotiationServerFactory(new Dictionary<string, string> { ["NegotiationApi:RequestsPerWindow"] = "10000" }).Started();
        using var chair = ApiSession.As(server, server.Invites.Chair);
        using var greece = ApiSession.As(server, server.Invites.Delegate("Greece"));
        const string Original = "in accordance with";
        var document = await chair.TableAsync();
        var arrivals = new ConcurrentQueue<string>();
        var connection = HubPeer.Build(server.Server, server.Invites.Observer, messagePack);
        connection.On<string, byte[]>("Receive", (_, frame) =>
        {
            if (frame.Length > 2 && frame[0] == 0 && frame[1] == 2)
            {
                arrivals.Enqueue("update");
            }
        });
        connection.On<string, string>("Negotiation", (_, json) => arrivals.Enqueue(JsonNode.Parse(json)!["event"]!.GetValue<string>()));
        await using var observer = await HubPeer.JoinAsync(connection, document);
        var text = observer.Peer.Text;
        var start = text.IndexOf(Original, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), "the seed holds the phrase");
        var live = observer.Peer.Doc.GetText(NegotiationEditor.Server.Collaboration.LiveText.RootName);
        var proposed = await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "replace",
            paragraph = "p-1",
            anchor = new
            {
                start = Convert.ToBase64String(NegotiationEditor.Crdt.RelativePosition.FromIndex(live, start).Encode()),
                end = Convert.ToBase64String(NegotiationEditor.Crdt.RelativePosition.FromIndex(live, start + Original.Length, assoc: -1).Encode()),
            },
            originalText = Original,
            proposedTexts = new[] { "bearing in mind" },
        }), HttpStatusCode.Created);

        await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/amendments/{proposed["id"]}/accept"), HttpStatusCode.OK);

        Assert.That(await Eventually.HoldsAsync(() => arrivals.Contains("amendmentAccepted")), Is.True, string.Join(", ", arrivals));
        var order = arrivals.ToArray();
        var accepted = Array.IndexOf(order, "amendmentAccepted");
        Assert.That(order.Take(accepted), Does.Contain("update"), $"the accepted text came first: {string.Join(", ", order)}");
        Assert.That(observer.Peer.Text, Does.Contain("bearing in mind"));
    }
}
