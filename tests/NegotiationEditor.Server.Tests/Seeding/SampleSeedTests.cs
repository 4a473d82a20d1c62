using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Delegations;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Seeding;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Seeding;

/// <summary>The first start on an empty data folder creates the seed day's negotiation and its invites.</summary>
public sealed class SampleSeedTests
{
    private NegotiationServerFactory _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new NegotiationServerFactory().Started();

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    private static string SampleFile(string name)
    {
        var folder = SampleFolder.Find(null, AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException("the sample folder");
        return File.ReadAllText(Path.Combine(folder, name));
    }

    [Test]
    public void The_document_under_negotiation_is_the_first_printed_draft_word_for_word()
    {
        var document = _server.Negotiation.Current.Documents.Single();

        Assert.That(document.Symbol, Is.EqualTo("E/CN.16/2010/CRP.1"));
        Assert.That(document.OnScreenDrafting, Is.EqualTo(OnScreenDrafting.ChairAndSecretariat));
        var text = _server.Services.GetRequiredService<DocumentRooms>()
            .ReadAsync(document.Id, doc => doc.GetText(LiveText.RootName).ToString()).GetAwaiter().GetResult();
        Assert.That(text, Is.EqualTo(SampleFile("printed-version-1.md")));
    }

    [Test]
    public void The_delegations_are_those_named_that_day_with_stakeholders_apart()
    {
        var delegations = _server.Negotiation.Current.Delegations;

        Assert.That(delegations.Where(d => d.Kind == DelegationKind.MemberState).Select(d => d.Name),
            Is.SupersetOf(new[] { "Brazil", "Iran", "UK", "Tunisia", "Egypt", "Greece", "Canada", "US" }));
        Assert.That(delegations.Where(d => d.Kind == DelegationKind.Stakeholder).Select(d => d.Name), Does.Contain("ICC").And.Contain("APC"));
        Assert.That(delegations.Single(d => d.Name == "EU").Kind, Is.EqualTo(DelegationKind.IntergovernmentalOrganisation));
        Assert.That(delegations.Select(d => d.Name), Does.Not.Contain("Chair"));
    }

    [Test]
    public void Invites_csv_has_one_personal_link_per_participant()
    {
        var invites = _server.Invites.Lines;
        var participants = _server.Negotiation.Current.Participants;

        Assert.That(File.ReadLines(Path.Combine(_server.DataFolder, InvitesCsv.FileName)).First(), Is.EqualTo("role,delegation,url"));
        Assert.That(invites, Has.Count.EqualTo(participants.Count));
        Assert.That(invites[0].Role, Is.EqualTo("chair"));
        Assert.That(invites.Select(i => i.Role).Distinct(),
            Is.EquivalentTo(new[] { "chair", "secretariat", "member-state delegate", "stakeholder", "observer" }));
        Assert.That(invites.Select(i => i.Url).Distinct().Count(), Is.EqualTo(invites.Count));
    }

    [Test]
    public void Every_invite_link_authenticates_its_own_participant_and_only_hashes_are_stored()
    {
        var state = _server.Negotiation.Current;
        foreach (var line in _server.Invites.Lines)
        {
            Assert.That(InviteLink.TryParse(line.Url, out _, out var token), Is.True, line.Url);
            var participant = _server.Negotiation.Authenticate(token);
            Assert.That(participant.Succeeded, Is.True, line.Url);
            Assert.That(Participant.Describe(participant.Value.Role), Is.EqualTo(line.Role));
            var delegation = participant.Value.Delegation is { } id ? state.FindDelegation(id)!.Name : "";
            Assert.That(delegation, Is.EqualTo(line.Delegation));
            Assert.That(state.Invites.Select(i => i.TokenSha256), Does.Contain(Invite.Hash(token)));
        }

        var stored = File.ReadAllBytes(Path.Combine(_server.DataFolder, "negotiation.db"));
        var chairToken = System.Text.Encoding.UTF8.GetBytes(_server.Invites.Chair);
        Assert.That(stored.AsSpan().IndexOf(chairToken), Is.EqualTo(-1), "no token is stored in clear");
    }

    [Test]
    public async Task An_invite_token_works_as_a_bearer_token_and_a_wrong_one_is_refused()
    {
        using var http = _server.CreateClient();
        var document = _server.Document;

        var wrong = new HttpRequestMessage(HttpMethod.Get, $"/ws/{document}");
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "forged-token");
        var refused = await http.SendAsync(wrong);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("not valid"));

        var right = new HttpRequestMessage(HttpMethod.Get, $"/ws/{document}");
        right.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _server.Invites.Observer);
        var accepted = await http.SendAsync(right);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "authenticated, then told a WebSocket is expected");
    }

    [Test]
    public void A_second_start_on_the_same_folder_keeps_the_negotiation_and_its_invites()
    {
        string invites;
        NegotiationEditor.Negotiation.Workflow.NegotiationId id;
        var data = Path.Combine(Path.GetTempPath(), "negotiation-restart-" + Guid.NewGuid().ToString("N"));
        using (var first = new NegotiationServerFactory(dataFolder: data).Started())
        {
            invites = File.ReadAllText(Path.Combine(data, InvitesCsv.FileName));
            id = first.Negotiation.Current.Id;
        }

        using (var second = new NegotiationServerFactory(dataFolder: data).Started())
        {
            Assert.That(second.Negotiation.Current.Id, Is.EqualTo(id));
            Assert.That(File.ReadAllText(Path.Combine(data, InvitesCsv.FileName)), Is.EqualTo(invites));
            Assert.That(second.Negotiation.Authenticate(new InviteToken(second.Invites.Chair)).Succeeded, Is.True);
        }
        Directory.Delete(data, recursive: true);
    }
}
