using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>A chair's proposal over REST: <c>"proposer": "chair"</c> in the body; the amendment shows the chair as its
/// proposer, delegations take positions on it, the chair takes none.</summary>
public sealed class ChairProposalEndpointTests
{
    private NegotiationServerFactory _server = null!;
    private ApiSession _chair = null!;
    private string _document = null!;
    private string _text = null!;

    [SetUp]
    public async Task Start()
    {
        _server = new NegotiationServerFactory().Started();
        _chair = ApiSession.As(_server, _server.Invites.Chair);
        _document = await _chair.TableAsync();
        _text = await _chair.TextAsync(_document);
    }

    [TearDown]
    public void Stop()
    {
        _chair.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task The_chair_proposes_and_the_ledger_reads_proposed_by_the_Chair_supported_by_US_opposed_by_India()
    {
        using var us = ApiSession.As(_server, _server.Invites.Delegate("US"));
        using var india = ApiSession.As(_server, _server.Invites.Delegate("India"));

        var proposed = await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{_document}/amendments", ChairsReplacement(_text, "in accordance with", "bearing in mind")),
            HttpStatusCode.Created);
        var id = proposed["id"]!.GetValue<string>();
        await ApiSession.Expect(await us.PutAsync($"/api/documents/{_document}/amendments/{id}/positions/{await us.DelegationIdAsync("US")}", new { position = "supports" }), HttpStatusCode.OK);
        await ApiSession.Expect(await india.PutAsync($"/api/documents/{_document}/amendments/{id}/positions/{await india.DelegationIdAsync("India")}", new { position = "objects" }), HttpStatusCode.OK);
        var amendment = await us.GetJsonAsync($"/api/documents/{_document}/amendments/{id}");
        var history = (await us.GetJsonAsync($"/api/documents/{_document}/history")).AsArray();

        Assert.Multiple(() =>
        {
            Assert.That(proposed["proposer"]!.GetValue<string>(), Is.EqualTo("chair"));
            Assert.That(proposed["proposedBy"], Is.Null);
            Assert.That(proposed["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by the Chair"));
            Assert.That(amendment["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by the Chair; supported by US; opposed by India"));
            Assert.That(amendment["consensus"]!["supporting"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { "US" }));
            Assert.That(history.Any(h => h!["description"]!.GetValue<string>().StartsWith("the Chair proposed a replacement", StringComparison.Ordinal)), Is.True);
        });
    }

    [Test]
    public async Task Hub_clients_of_the_document_hear_of_a_chairs_proposal_with_its_proposer()
    {
        var events = new ConcurrentQueue<JsonNode>();
        var connection = HubPeer.Build(_server.Server, _server.Invites.Delegate("India"), messagePack: false);
        connection.On<string, string>("Negotiation", (document, json) => events.Enqueue(JsonNode.Parse(json)!));
        await using var india = await HubPeer.JoinAsync(connection, _document);

        await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{_document}/amendments", ChairsReplacement(_text, "in accordance with", "bearing in mind")),
            HttpStatusCode.Created);

        Assert.That(await Eventually.HoldsAsync(() => events.Any(e => e["event"]!.GetValue<string>() == "amendmentProposed")), Is.True);
        var proposed = events.First(e => e["event"]!.GetValue<string>() == "amendmentProposed");
        Assert.Multiple(() =>
        {
            Assert.That(proposed["amendment"]!["proposer"]!.GetValue<string>(), Is.EqualTo("chair"));
            Assert.That(proposed["amendment"]!["proposedBy"], Is.Null);
            Assert.That(proposed["actor"]!["role"]!.GetValue<string>(), Is.EqualTo("chair"));
            Assert.That(proposed["description"]!.GetValue<string>(), Does.StartWith("the Chair proposed a replacement"));
        });
    }

    [Test]
    public async Task The_secretariat_tables_a_chairs_proposal_which_the_chair_then_accepts()
    {
        using var secretariat = ApiSession.As(_server, _server.Invites.Secretariat);

        var proposed = await ApiSession.Expect(await secretariat.PostAsync($"/api/documents/{_document}/amendments", ChairsReplacement(_text, "in accordance with", "bearing in mind")),
            HttpStatusCode.Created);
        var accepted = await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{_document}/amendments/{proposed["id"]}/accept"), HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(proposed["proposer"]!.GetValue<string>(), Is.EqualTo("chair"));
            Assert.That(accepted["amendment"]!["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
            Assert.That(accepted["text"]!.GetValue<string>(), Does.Contain("bearing in mind the established rules"));
        });
    }

    [Test]
    public async Task A_chairs_proposal_that_cannot_be_made_is_refused_with_a_clear_problem_and_changes_nothing()
    {
        using var greece = ApiSession.As(_server, _server.Invites.Delegate("Greece"));
        var greeceId = await greece.DelegationIdAsync("Greece");
        var chairsProposal = (await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{_document}/amendments",
            ChairsReplacement(_text, "established rules", "rules")), HttpStatusCode.Created))["id"]!.GetValue<string>();
        var before = _server.Negotiation.Current;
        var path = $"/api/documents/{_document}/amendments";
        var replacement = ApiSession.Replacement(_text, "in accordance with", "bearing in mind");

        var cases = new (ApiSession Caller, Func<Task<HttpResponseMessage>> Request, HttpStatusCode Status, string Detail)[]
        {
            (_chair, () => _chair.PostAsync(path, With(replacement, proposer: "president")), HttpStatusCode.BadRequest, "'president' is not a proposer: use delegation, chair"),
            (_chair, () => _chair.PostAsync(path, With(replacement, proposer: "chair", proposedBy: greeceId)), HttpStatusCode.BadRequest, "leave \"proposedBy\" out"),
            (_chair, () => _chair.PostAsync(path, replacement), HttpStatusCode.Forbidden, "a chair may not propose amendments"),
            (greece, () => greece.PostAsync(path, With(replacement, proposer: "chair")), HttpStatusCode.Forbidden, "may not table or withdraw the chair's proposals"),
            (greece, () => greece.PostAsync($"{path}/{chairsProposal}/withdraw"), HttpStatusCode.Forbidden, "may not table or withdraw the chair's proposals"),
            (_chair, () => _chair.PutAsync($"{path}/{chairsProposal}/positions/{greeceId}", new { position = "supports" }), HttpStatusCode.Forbidden, "only for their own delegation"),
        };

        foreach (var (_, request, status, detail) in cases)
        {
            var problem = await ApiSession.Expect(await request(), status);
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(detail));
        }

        Assert.That(_server.Negotiation.Current, Is.SameAs(before));
    }

    /// <summary>A chair's proposal replacing the first <paramref name="original"/> in <paramref name="text"/>.</summary>
    public static object ChairsReplacement(string text, string original, string proposed)
    {
        var start = text.IndexOf(original, StringComparison.Ordinal);
        return new
        {
            kind = "replace",
            proposer = "chair",
            range = new { start, end = start + original.Length },
            originalText = original,
            proposedTexts = new[] { proposed },
        };
    }

    private static JsonObject With(object request, string proposer, string? proposedBy = null)
    {
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(request))!.AsObject();
        body["proposer"] = proposer;
        if (proposedBy is not null)
        {
            body["proposedBy"] = proposedBy;
        }

        return body;
    }
}
