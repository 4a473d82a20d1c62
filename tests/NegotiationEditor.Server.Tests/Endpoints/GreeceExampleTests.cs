using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>
/// The seed's exchange over REST, end to end: Greece proposes "bearing in mind" for "in accordance with", Iran
/// supports, the UK objects; the chair circulates Rev.1, accepts (connected hub clients see the text change), compares
/// Rev.1 with the live text and adopts; then everything is refused on every channel.
/// </summary>
public sealed class GreeceExampleTests
{
    private const string Original = "in accordance with";
    private const string Proposed = "bearing in mind";

    [Test]
    public async Task Greece_proposes_Iran_supports_UK_objects_the_chair_accepts_circulates_compares_and_adopts_then_everything_is_refused()
    {
        using var server = new NegotiationServerFactory(new Dictionary<string, string> { ["NegotiationApi:RequestsPerWindow"] = "10000" }).Started();
        var invites = server.Invites;
        using var chair = ApiSession.As(server, invites.Chair);
        using var greece = ApiSession.As(server, invites.Delegate("Greece"));
        using var iran = ApiSession.As(server, invites.Delegate("Iran"));
        using var uk = ApiSession.As(server, invites.Delegate("UK"));
        var document = await chair.TableAsync();
        var text = await chair.TextAsync(document);

        // An observer follows on the hub: the text and the workflow events.
        var events = new ConcurrentQueue<JsonNode>();
        var observerConnection = HubPeer.Build(server.Server, invites.Observer, messagePack: false);
        observerConnection.On<string, string>("Negotiation", (documentId, json) =>
        {
            if (documentId == document)
            {
                events.Enqueue(JsonNode.Parse(json)!);
            }
        });
        await using var observer = await HubPeer.JoinAsync(observerConnection, document);
        Assert.That(observer.Peer.Text, Is.EqualTo(text));

        // Greece proposes; Iran supports; the UK objects.
        var amendment = await ApiSession.Expect(
            await greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, Original, Proposed)),
            HttpStatusCode.Created);
        var amendmentId = amendment["id"]!.GetValue<string>();
        var start = text.IndexOf(Original, StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(amendment["status"]!.GetValue<string>(), Is.EqualTo("proposed"));
            Assert.That(amendment["proposedBy"]!["name"]!.GetValue<string>(), Is.EqualTo("Greece"));
            Assert.That(amendment["span"]!["start"]!.GetValue<int>(), Is.EqualTo(start));
            Assert.That(amendment["span"]!["end"]!.GetValue<int>(), Is.EqualTo(start + Original.Length));
            Assert.That(amendment["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by Greece"));
        });

        var iranId = await iran.DelegationIdAsync("Iran");
        var ukId = await uk.DelegationIdAsync("UK");
        await ApiSession.Expect(await iran.PutAsync($"/api/documents/{document}/amendments/{amendmentId}/positions/{iranId}", new { position = "supports" }), HttpStatusCode.OK);
        await ApiSession.Expect(await uk.PutAsync($"/api/documents/{document}/amendments/{amendmentId}/positions/{ukId}", new { position = "objects" }), HttpStatusCode.OK);

        var listed = (await greece.GetJsonAsync($"/api/documents/{document}/amendments")).AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(listed, Has.Count.EqualTo(1));
            Assert.That(listed[0]!["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by Greece; supported by Iran; opposed by UK"));
            Assert.That(listed[0]!["consensus"]!["isConsensus"]!.GetValue<bool>(), Is.False);
            Assert.That(listed[0]!["positions"]!.AsArray().Select(p => p!["delegation"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Iran", "UK" }));
        });

        // The compilation shows the amendment in brackets before any revision is circulated.
        var preview = await greece.GetJsonAsync($"/api/documents/{document}/compilation");
        Assert.That(preview["text"]!.GetValue<string>(), Is.EqualTo(text));
        Assert.That(preview["compilationText"]!.GetValue<string>(), Does.Contain("[in accordance with / bearing in mind¹]"));
        Assert.That(preview["compilationText"]!.GetValue<string>(), Does.Contain("¹ Proposed by Greece; supported by Iran; opposed by UK"));

        // Rev.1 carries the amendment in brackets with its ledger as a footnote.
        var rev1 = await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/revisions"), HttpStatusCode.Created);
        var symbol = (await chair.GetJsonAsync($"/api/documents/{document}"))["symbol"]!.GetValue<string>();
        Assert.Multiple(() =>
        {
            Assert.That(rev1["label"]!.GetValue<string>(), Is.EqualTo("Rev.1"));
            Assert.That(rev1["symbol"]!.GetValue<string>(), Is.EqualTo(symbol + "/Rev.1"));
            Assert.That(rev1["text"]!.GetValue<string>(), Is.EqualTo(text));
            Assert.That(rev1["compilationText"]!.GetValue<string>(), Is.EqualTo(preview["compilationText"]!.GetValue<string>()));
            Assert.That(rev1["compilationText"]!.GetValue<string>(), Does.Contain("Proposed by Greece; supported by Iran; opposed by UK"));
            Assert.That(rev1["amendmentStates"]![0]!["status"]!.GetValue<string>(), Is.EqualTo("proposed"));
            Assert.That(Convert.FromBase64String(rev1["crdtSnapshot"]!.GetValue<string>()), Is.Not.Empty);
        });

        // The chair accepts: the live text changes, also for the connected hub client.
        var accepted = await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/amendments/{amendmentId}/accept"), HttpStatusCode.OK);
        var expected = string.Concat(text.AsSpan(0, start), Proposed, text.AsSpan(start + Original.Length));
        Assert.Multiple(() =>
        {
            Assert.That(accepted["amendment"]!["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
            Assert.That(accepted["edits"]![0]!["index"]!.GetValue<int>(), Is.EqualTo(start));
            Assert.That(accepted["edits"]![0]!["deleteLength"]!.GetValue<int>(), Is.EqualTo(Original.Length));
            Assert.That(accepted["text"]!.GetValue<string>(), Is.EqualTo(expected));
        });
        Assert.That(await Eventually.HoldsAsync(() => observer.Peer.Text == expected), Is.True, $"the observer's text: {observer.Peer.Text}");
        Assert.Multiple(async () =>
        {
            Assert.That((await greece.GetJsonAsync($"/api/documents/{document}/amendments?status=accepted")).AsArray(), Has.Count.EqualTo(1));
            Assert.That((await greece.GetJsonAsync($"/api/documents/{document}/amendments?status=proposed")).AsArray(), Is.Empty);
            await ApiSession.Expect(await greece.GetAsync($"/api/documents/{document}/amendments?status=pending"), HttpStatusCode.BadRequest);
        });
        Assert.That(await chair.TextAsync(document), Is.EqualTo(expected));

        // Rev.1 compared with the live text shows the change word by word.
        var compare = await chair.GetAsync($"/api/documents/{document}/compare?from=Rev.1&to=live&format=text");
        var redline = await compare.Content.ReadAsStringAsync();
        Assert.That(compare.StatusCode, Is.EqualTo(HttpStatusCode.OK), redline);
        Assert.That(redline, Does.Contain("[-in accordance with-]").And.Contain("{+bearing in mind+}"));

        // The chair adopts: the seal is the SHA-256 of the live text.
        var seal = await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/adopt"), HttpStatusCode.OK);
        Assert.Multiple(() =>
        {
            Assert.That(seal["textSha256"]!.GetValue<string>(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(expected)))));
            Assert.That(seal["text"]!.GetValue<string>(), Is.EqualTo(expected));
        });
        var adopted = await chair.GetJsonAsync($"/api/documents/{document}");
        Assert.That(adopted["status"]!.GetValue<string>(), Is.EqualTo("adopted"));

        // Then everything is refused, for everyone, on every channel, and nothing changes.
        var history = (await chair.GetJsonAsync($"/api/documents/{document}/history")).AsArray().Count;
        var refused = new[]
        {
            await greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(expected, Proposed, "in conformity with")),
            await iran.PutAsync($"/api/documents/{document}/amendments/{amendmentId}/positions/{iranId}", new { position = "objects" }),
            await chair.PostAsync($"/api/documents/{document}/amendments/{amendmentId}/reject"),
            await chair.PostAsync($"/api/documents/{document}/revisions"),
            await chair.PutAsync($"/api/documents/{document}/on-screen-drafting", new { mode = "memberStates" }),
            await chair.PostAsync($"/api/documents/{document}/adopt"),
        };
        foreach (var response in refused)
        {
            var problem = await ApiSession.Expect(response, HttpStatusCode.Forbidden);
            Assert.That(problem["type"]!.GetValue<string>(), Does.EndWith("/adopted"), problem.ToJsonString());
        }

        await using var chairOnHub = await HubPeer.JoinAsync(server.Server, invites.Chair, document);
        await chairOnHub.AppendAsync(" and more");
        var chairOnWs = await WebsocketPeer.JoinAsync(server.Server, invites.Chair, document);
        await chairOnWs.AppendAsync(" and more");
        Assert.That(await Eventually.HoldsAsync(() => chairOnHub.Peer.Denials.Count > 0 && chairOnWs.Peer.Denials.Count > 0), Is.True, "both channels answered with an auth frame");
        await ApiSession.LeaveAsync(chairOnWs);
        Assert.Multiple(async () =>
        {
            Assert.That(await chair.TextAsync(document), Is.EqualTo(expected));
            Assert.That((await chair.GetJsonAsync($"/api/documents/{document}/history")).AsArray(), Has.Count.EqualTo(history));
            Assert.That(observer.Peer.Text, Is.EqualTo(expected));
        });

        // The observer saw every step as an event, in order.
        Assert.That(await Eventually.HoldsAsync(() => events.Count >= 6), Is.True);
        Assert.That(events.Select(e => e["event"]!.GetValue<string>()), Is.EqualTo(new[]
        {
            "amendmentProposed", "positionTaken", "positionTaken", "revisionCirculated", "amendmentAccepted", "textAdopted",
        }));
        Assert.That(events.ElementAt(2)["amendment"]!["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by Greece; supported by Iran; opposed by UK"));
    }
}
