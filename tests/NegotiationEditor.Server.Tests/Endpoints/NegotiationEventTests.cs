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
}
