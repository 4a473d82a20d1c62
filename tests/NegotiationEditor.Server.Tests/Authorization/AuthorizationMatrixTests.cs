using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Endpoints;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Authorization;

/// <summary>
/// Every role x every action x every channel, against tables written here (not read from the code under test): REST
/// for the workflow, the hub and /ws for joining and typing; before and after adoption; forged delegation ids. A
/// refusal must leave the negotiation and the live text exactly as they were.
/// </summary>
public sealed class AuthorizationMatrixTests
{
    private const string Roles = "chair secretariat delegate stakeholder observer";

    // What each role may do over REST on a document under negotiation. "own" = the role's own delegation (the chair,
    // the secretariat and the observer have none); "another" = a delegation the caller does not belong to (forged).
    private const string BeforeAdoption = """
        action                          chair  secretariat  delegate  stakeholder  observer
        read-document                   yes    yes          yes       yes          yes
        list-amendments                 yes    yes          yes       yes          yes
        list-revisions                  yes    yes          yes       yes          yes
        propose-for-own                 no     no           yes       yes          no
        propose-for-another             no     no           no        no           no
        withdraw-own                    no     no           yes       yes          no
        withdraw-another                no     no           no        no           no
        position-for-own                no     no           yes       yes          no
        position-for-another            no     no           no        no           no
        accept                          yes    no           no        no           no
        reject                          yes    no           no        no           no
        switch-on-screen-drafting       yes    no           no        no           no
        circulate                       yes    yes          no        no           no
        adopt                           yes    no           no        no           no
        table-document                  yes    yes          no        no           no
        propose-for-the-chair           yes    yes          no        no           no
        withdraw-chairs-proposal        yes    yes          no        no           no
        position-on-chairs-proposal     no     no           yes       yes          no
        list-participants               yes    yes          no        no           no
        remove-participant              yes    yes          no        no           no
        revoke-invite                   yes    yes          no        no           no
        """;

    // Once the document is adopted only reading remains on it (tabling another document, listing, removing a participant
    // or revoking an invite are not acts on it).
    private const string AfterAdoption = """
        action                          chair  secretariat  delegate  stakeholder  observer
        read-document                   yes    yes          yes       yes          yes
        list-amendments                 yes    yes          yes       yes          yes
        list-revisions                  yes    yes          yes       yes          yes
        propose-for-own                 no     no           no        no           no
        propose-for-another             no     no           no        no           no
        withdraw-own                    no     no           no        no           no
        withdraw-another                no     no           no        no           no
        position-for-own                no     no           no        no           no
        position-for-another            no     no           no        no           no
        accept                          no     no           no        no           no
        reject                          no     no           no        no           no
        switch-on-screen-drafting       no     no           no        no           no
        circulate                       no     no           no        no           no
        adopt                           no     no           no        no           no
        table-document                  yes    yes          no        no           no
        propose-for-the-chair           no     no           no        no           no
        withdraw-chairs-proposal        no     no           no        no           no
        position-on-chairs-proposal     no     no           no        no           no
        list-participants               yes    yes          no        no           no
        remove-participant              yes    yes          no        no           no
        revoke-invite                   yes    yes          no        no           no
        """;

    // Acts on the negotiation, not on the document: the adoption of one document does not refuse them.
    private static readonly string[] NegotiationWide = ["table-document", "list-participants", "remove-participant", "revoke-invite"];

    // Who may type in the live text, on the hub and on /ws alike; everyone may join (read).
    private const string Typing = """
        situation                       chair  secretariat  delegate  stakeholder  observer
        join                            yes    yes          yes       yes          yes
        type-by-default                 yes    yes          no        no           no
        type-when-member-states-draft   yes    yes          yes       no           no
        type-when-closed                no     no           no        no           no
        type-after-adoption             no     no           no        no           no
        """;

    private NegotiationServerFactory _server = null!;
    private ApiSession _chair = null!;

    public static IEnumerable<TestCaseData> RestCases() =>
        Cases(BeforeAdoption, "before adoption").Concat(Cases(AfterAdoption, "after adoption"));

    public static IEnumerable<TestCaseData> ChannelCases() =>
        Cases(Typing, "hub").Concat(Cases(Typing, "ws"));

    [OneTimeSetUp]
    public void Start()
    {
        _server = new NegotiationServerFactory(new Dictionary<string, string> { ["NegotiationApi:RequestsPerWindow"] = "100000" }).Started();
        _chair = ApiSession.As(_server, _server.Invites.Chair);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _chair.Dispose();
        _server.Dispose();
    }

    [TestCaseSource(nameof(RestCases))]
    public async Task Rest(string role, string action, string situation, bool allowed)
    {
        var table = await SetUpDocumentAsync(adopted: situation == "after adoption", withAmendments: action != "adopt",
            withNewcomer: action is "remove-participant" or "revoke-invite");
        using var caller = ApiSession.As(_server, TokenOf(role));
        var before = _server.Negotiation.Current;
        var textBefore = await LiveTextAsync(table.Document);

        var response = await PerformAsync(caller, role, action, table);
        var body = await response.Content.ReadAsStringAsync();

        if (allowed)
        {
            Assert.That((int)response.StatusCode, Is.InRange(200, 299), body);
            if (!action.StartsWith("read", StringComparison.Ordinal) && !action.StartsWith("list", StringComparison.Ordinal))
            {
                Assert.That(_server.Negotiation.Current, Is.Not.SameAs(before), "an allowed change is recorded");
            }

            return;
        }

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            // Tabling another document is not an act on the adopted one: refused for the role, not for the adoption.
            var onAdoptedDocument = situation == "after adoption" && !NegotiationWide.Contains(action);
            Assert.That(body, Does.Contain(onAdoptedDocument ? "/problems/adopted" : "/problems/forbidden"));
            Assert.That(_server.Negotiation.Current, Is.SameAs(before), "a refusal changes nothing in the negotiation");
            Assert.That(await LiveTextAsync(table.Document), Is.EqualTo(textBefore), "a refusal changes nothing in the text");
        });
    }

    [TestCaseSource(nameof(ChannelCases))]
    public async Task Channel(string role, string situation, string channel, bool allowed)
    {
        var table = await SetUpDocumentAsync(adopted: situation == "type-after-adoption", withAmendments: false);
        var mode = situation switch
        {
            "type-when-member-states-draft" => "memberStates",
            "type-when-closed" => "closed",
            _ => null,
        };
        if (mode is not null)
        {
            await ApiSession.Expect(await _chair.PutAsync($"/api/documents/{table.Document}/on-screen-drafting", new { mode }), HttpStatusCode.OK);
        }

        await using var hub = channel == "hub" ? await HubPeer.JoinAsync(_server.Server, TokenOf(role), table.Document.ToString()) : null;
        var ws = channel == "ws" ? await WebsocketPeer.JoinAsync(_server.Server, TokenOf(role), table.Document.ToString()) : null;
        try
        {
            await TypeAsync(role, situation, channel, allowed, table, hub, ws);
        }
        finally
        {
            await ApiSession.LeaveAsync(ws);
        }
    }

    private async Task TypeAsync(string role, string situation, string channel, bool allowed, Table table, HubPeer? hub, WebsocketPeer? ws)
    {
        var peer = hub?.Peer ?? ws!.Peer;
        var before = _server.Negotiation.Current;
        var textBefore = await LiveTextAsync(table.Document);
        Assert.That(peer.Text, Is.EqualTo(textBefore), "joined and synced");
        if (situation == "join")
        {
            Assert.That(allowed, Is.True);
            return;
        }

        var typed = $" [{role} typing on {channel}]";
        var frames = peer.Append(typed);
        await (hub is not null ? hub.SendAsync(frames) : ws!.SendAsync(frames));

        if (allowed)
        {
            Assert.That(await ApiSession.EventuallyAsync(async () => await LiveTextAsync(table.Document) == textBefore + typed), Is.True);
            Assert.That(peer.Denials, Is.Empty);
            return;
        }

        Assert.That(await Eventually.HoldsAsync(() => peer.Denials.Count > 0), Is.True, "answered with an auth frame");
        Assert.Multiple(async () =>
        {
            Assert.That(await LiveTextAsync(table.Document), Is.EqualTo(textBefore));
            Assert.That(_server.Negotiation.Current, Is.SameAs(before));
        });
    }

    [Test]
    public async Task Without_a_valid_token_every_endpoint_answers_401_and_changes_nothing()
    {
        var table = await SetUpDocumentAsync(adopted: false, withAmendments: true, withNewcomer: true);
        foreach (var token in new string?[] { null, "not-an-invite-token", _server.Invites.Chair + "x" })
        {
            using var stranger = ApiSession.As(_server, token);
            foreach (var action in Actions(BeforeAdoption))
            {
                var before = _server.Negotiation.Current;
                var response = await PerformAsync(stranger, "chair", action, table);
                var problem = await ApiSession.Expect(response, HttpStatusCode.Unauthorized);
                Assert.Multiple(() =>
                {
                    Assert.That(problem["type"]!.GetValue<string>(), Does.EndWith("/unauthenticated"), action);
                    Assert.That(response.Headers.WwwAuthenticate.ToString(), Does.StartWith("Bearer"));
                    Assert.That(_server.Negotiation.Current, Is.SameAs(before));
                });
            }
        }
    }

    private static IEnumerable<TestCaseData> Cases(string table, string variant)
    {
        var roles = Roles.Split(' ');
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var cells = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < roles.Length; i++)
            {
                var allowed = cells[i + 1] switch
                {
                    "yes" => true,
                    "no" => false,
                    _ => throw new FormatException($"'{cells[i + 1]}' in the table"),
                };
                yield return new TestCaseData(roles[i], cells[0], variant, allowed).SetName($"{roles[i]} {(allowed ? "may" : "may not")} {cells[0]} ({variant})");
            }
        }
    }

    private static IEnumerable<string> Actions(string table) =>
        table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(line => line.Split(' ')[0]);

    private string TokenOf(string role) => role switch
    {
        "chair" => _server.Invites.Chair,
        "secretariat" => _server.Invites.Secretariat,
        "delegate" => _server.Invites.Delegate("Greece"),
        "stakeholder" => _server.Invites.Stakeholder("ICC"),
        "observer" => _server.Invites.Observer,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    private Task<string> LiveTextAsync(DocumentId document) =>
        _server.Services.GetRequiredService<DocumentRooms>().ReadAsync(document, doc => doc.GetText(LiveText.RootName).ToString());

    /// <summary>A fresh document (so that cases do not touch each other): Greece's amendment A, ICC's amendment B and a
    /// chair's proposal C on it when asked; rejected and the text adopted when asked; a newcomer with a valid invite
    /// (to remove, or to revoke) when asked.</summary>
    private async Task<Table> SetUpDocumentAsync(bool adopted, bool withAmendments, bool withNewcomer = false)
    {
        var document = await _chair.TableAsync();
        var text = await _chair.TextAsync(document);
        string? greeceAmendment = null, iccAmendment = null, chairsProposal = null;
        if (withAmendments)
        {
            using var greece = ApiSession.As(_server, _server.Invites.Delegate("Greece"));
            using var icc = ApiSession.As(_server, _server.Invites.Stakeholder("ICC"));
            greeceAmendment = (await ApiSession.Expect(
                await greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, "in accordance with", "bearing in mind")),
                HttpStatusCode.Created))["id"]!.GetValue<string>();
            iccAmendment = (await ApiSession.Expect(
                await icc.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, "established rules of procedure", "rules and practice")),
                HttpStatusCode.Created))["id"]!.GetValue<string>();
            chairsProposal = (await ApiSession.Expect(
                await _chair.PostAsync($"/api/documents/{document}/amendments", ChairsReplacement(text, "IGF improvement", "improvements to the IGF")),
                HttpStatusCode.Created))["id"]!.GetValue<string>();
        }

        if (adopted)
        {
            foreach (var amendment in new[] { greeceAmendment, iccAmendment, chairsProposal }.OfType<string>())
            {
                await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{document}/amendments/{amendment}/reject"), HttpStatusCode.OK);
            }

            await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{document}/adopt"), HttpStatusCode.OK);
        }

        return new Table(DocumentId.TryParse(document, out var id) ? id : throw new FormatException(document), text, greeceAmendment, iccAmendment,
            await _chair.DelegationIdAsync("Greece"), await _chair.DelegationIdAsync("ICC"), await _chair.DelegationIdAsync("UK"))
        {
            ChairsProposal = chairsProposal,
            Newcomer = withNewcomer ? Newcomers.Seat(_server.Negotiation, "Chile").ToString() : null,
        };
    }

    /// <summary>A chair's proposal replacing the first <paramref name="original"/> in <paramref name="text"/>.</summary>
    private static object ChairsReplacement(string text, string original, string proposed)
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

    private static Task<HttpResponseMessage> PerformAsync(ApiSession caller, string role, string action, Table table)
    {
        var d = $"/api/documents/{table.Document}";
        // The role's own amendment, and one of another delegation (Greece's A, ICC's B).
        var own = role == "stakeholder" ? table.IccAmendment : table.GreeceAmendment;
        var others = role == "delegate" ? table.IccAmendment : role == "stakeholder" ? table.GreeceAmendment : table.IccAmendment;
        var ownDelegation = role switch
        {
            "delegate" => table.Greece,
            "stakeholder" => table.Icc,
            _ => table.Uk,
        };
        var amendmentToJudge = role == "stakeholder" ? table.GreeceAmendment : table.IccAmendment;
        return action switch
        {
            "read-document" => caller.GetAsync(d),
            "list-amendments" => caller.GetAsync($"{d}/amendments"),
            "list-revisions" => caller.GetAsync($"{d}/revisions"),
            "propose-for-own" => caller.PostAsync($"{d}/amendments", ApiSession.Replacement(table.Text, "Following stakeholders", "The following stakeholders")),
            "propose-for-another" => caller.PostAsync($"{d}/amendments", ApiSession.Replacement(table.Text, "Following stakeholders", "The following stakeholders", table.Uk)),
            "withdraw-own" => caller.PostAsync($"{d}/amendments/{own}/withdraw"),
            "withdraw-another" => caller.PostAsync($"{d}/amendments/{others}/withdraw"),
            "position-for-own" => caller.PutAsync($"{d}/amendments/{amendmentToJudge}/positions/{ownDelegation}", new { position = "supports" }),
            "position-for-another" => caller.PutAsync($"{d}/amendments/{amendmentToJudge}/positions/{table.Uk}", new { position = "objects" }),
            "accept" => caller.PostAsync($"{d}/amendments/{table.GreeceAmendment}/accept"),
            "reject" => caller.PostAsync($"{d}/amendments/{table.GreeceAmendment}/reject"),
            "switch-on-screen-drafting" => caller.PutAsync($"{d}/on-screen-drafting", new { mode = "memberStates" }),
            "circulate" => caller.PostAsync($"{d}/revisions"),
            "adopt" => caller.PostAsync($"{d}/adopt"),
            "table-document" => caller.PostAsync("/api/documents", new { title = "Another text", symbol = ApiSession.FreshSymbol(), text = ApiSession.IranText }),
            "propose-for-the-chair" => caller.PostAsync($"{d}/amendments", ChairsReplacement(table.Text, "Following stakeholders", "The following stakeholders")),
            "withdraw-chairs-proposal" => caller.PostAsync($"{d}/amendments/{table.ChairsProposal}/withdraw"),
            "position-on-chairs-proposal" => caller.PutAsync($"{d}/amendments/{table.ChairsProposal}/positions/{ownDelegation}", new { position = "objects" }),
            "list-participants" => caller.GetAsync("/api/participants"),
            "remove-participant" => caller.Client.DeleteAsync($"/api/participants/{table.Newcomer}"),
            "revoke-invite" => caller.Client.DeleteAsync($"/api/participants/{table.Newcomer}/invites"),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    private sealed record Table(DocumentId Document, string Text, string? GreeceAmendment, string? IccAmendment, string Greece, string Icc, string Uk)
    {
        public string? ChairsProposal { get; init; }

        public string? Newcomer { get; init; }
    }
}
