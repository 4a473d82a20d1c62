using NegotiationEditor.Cli.Replay;
using NegotiationEditor.Negotiation.Scenarios;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Client.Workflow;
using NegotiationEditor.Replay.Tests.Support;

namespace NegotiationEditor.Replay.Tests.Replay;

/// <summary>The seed's day played at full speed against the real server process, once for the whole fixture.</summary>
[NonParallelizable]
public sealed class ReplayAgainstServerTests
{
    private ServerProcess _server = null!;
    private ReplayVerification _verification = null!;
    private string _output = "";

    [OneTimeSetUp]
    public async Task Play_the_day()
    {
        _server = await ServerProcess.StartAsync(new ServerOptions
        {
            Arguments = ["--samples", SampleFiles.Folder],
            // The chair makes more than the default 120 requests in 10 s when the day is played at full speed.
            RequestsPerWindow = 100_000,
        });
        using var output = new StringWriter();
        _verification = await ReplayCommand.RunAsync(SampleFiles.Scenario, _server.Address, _server.InvitesFile, speed: 0, output);
        _output = output.ToString();
    }

    [OneTimeTearDown]
    public async Task Stop_the_server() => await _server.DisposeAsync();

    private async Task<(NegotiationApi Chair, Document Main)> MainDocumentAsync()
    {
        var chair = new NegotiationApi(new Invite(_server.Address, _server.Invites.Chair.Token));
        var summary = (await chair.ListDocumentsAsync()).Single(d => d.Symbol == "E/CN.16/2010/CRP.1");
        return (chair, await chair.GetDocumentAsync(summary.Id));
    }

    [Test]
    public void Every_check_of_the_replay_passes()
    {
        Assert.That(_verification.Checks.Where(c => !c.Passed).Select(c => $"{c.What}: {c.Detail}"), Is.Empty, _output);
        Assert.That(_output, Does.Contain("Replay verified"));
    }

    [Test]
    public async Task The_adopted_text_on_the_server_is_the_final_text_of_the_transcript_byte_for_byte()
    {
        var (chair, main) = await MainDocumentAsync();
        using (chair)
        {
            var final = Scenario.Body(File.ReadAllText(Path.Combine(SampleFiles.Folder, "final-text.md")));
            Assert.Multiple(() =>
            {
                Assert.That(main.Status, Is.EqualTo("adopted"));
                Assert.That(Scenario.Body(main.Adoption!.Text), Is.EqualTo(final));
                Assert.That(Scenario.Body(main.Text!), Is.EqualTo(final));
            });
        }
    }

    [Test]
    public async Task The_two_circulated_revisions_are_the_two_printed_versions()
    {
        var (chair, main) = await MainDocumentAsync();
        using (chair)
        {
            var texts = new List<string>();
            foreach (var summary in main.Revisions)
            {
                texts.Add(Scenario.Body((await chair.GetRevisionAsync(main.Id, summary.Label)).Text));
            }
            var printed = new[] { "printed-version-1.md", "printed-version-2.md" }
                .Select(file => Scenario.Body(File.ReadAllText(Path.Combine(SampleFiles.Folder, file))));
            Assert.That(texts, Is.EqualTo(printed));
        }
    }

    [Test]
    public async Task Greeces_amendment_carries_the_ledger_the_transcript_records()
    {
        var (chair, main) = await MainDocumentAsync();
        using (chair)
        {
            var greece = (await chair.ListAmendmentsAsync(main.Id)).Single(a => a.ProposedBy?.Name == "Greece");
            Assert.Multiple(() =>
            {
                Assert.That(greece.Status, Is.EqualTo("accepted"));
                Assert.That(greece.Positions.Select(p => (p.Delegation.Name, p.Position)),
                    Is.EquivalentTo(new[] { ("Iran", "supports"), ("India", "reserves") }));
            });
        }
    }

    [Test]
    public void What_the_server_cannot_hold_is_reported_not_hidden()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_verification.NotPlayed, Has.Some.StartsWith("amendment south-africa-merge-academic-civil-society"));
            Assert.That(_verification.NotPlayed, Has.Some.StartsWith("Chair supports greece-bearing-in-mind").And.Contains("the chair takes no position"));
            Assert.That(_verification.NotPlayed, Has.None.Contains("chair-five-each"));
            Assert.That(_output, Does.Contain("Recorded in the scenario but not sent to the server:"));
        });
    }

    [Test]
    public async Task The_Chairs_amendments_are_chairs_proposals_with_the_ledgers_the_transcript_records()
    {
        using var chair = new NegotiationApi(new Invite(_server.Address, _server.Invites.Chair.Token));
        var proposals = new List<Amendment>();
        foreach (var document in await chair.ListDocumentsAsync())
        {
            proposals.AddRange((await chair.ListAmendmentsAsync(document.Id)).Where(a => a.IsChairsProposal));
        }

        Assert.Multiple(() =>
        {
            Assert.That(proposals.Select(a => a.ProposedBy), Is.All.Null);
            Assert.That(proposals.Select(a => (a.Ledger, a.Status)), Is.EquivalentTo(new[]
            {
                ("Proposed by the Chair", "accepted"),
                ("Proposed by the Chair", "superseded"),
                ("Proposed by the Chair; supported by US; opposed by India", "accepted"),
                ("Proposed by the Chair", "proposed"),
                ("Proposed by the Chair, EU, Mexico; supported by Canada; opposed by Russia, South Africa, India, Philippines", "proposed"),
                ("Proposed by the Chair; opposed by US", "accepted"),
            }));
        });
    }

    [Test]
    public async Task A_second_replay_on_the_same_server_is_refused_before_it_changes_anything()
    {
        var (chair, before) = await MainDocumentAsync();
        using (chair)
        {
            var history = (await chair.GetHistoryAsync(before.Id)).Count;
            var documents = (await chair.ListDocumentsAsync()).Count;
            using var output = new StringWriter();
            Assert.That(async () => await ReplayCommand.RunAsync(SampleFiles.Scenario, _server.Address, _server.InvitesFile, speed: 0, output),
                Throws.TypeOf<ScenarioException>().With.Message.Contains("freshly seeded server"));
            Assert.That((await chair.ListDocumentsAsync()).Count, Is.EqualTo(documents));
            Assert.That((await chair.GetHistoryAsync(before.Id)).Count, Is.EqualTo(history));
        }
    }
}
