using System.Net;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>
/// A data folder saved by the server before amendments knew their proposer's kind (Fixtures/saved-before-chair-proposals:
/// the LiteDB file and invites.csv as that server wrote them, after Greece, the US with Canada and India proposed,
/// positions were taken, Rev.1 and Rev.2 were circulated, the US amendment was accepted and India's withdrawn) still
/// loads: every amendment reads as a delegation's, with the ledger that server printed, and the negotiation goes on.
/// </summary>
public sealed class SavedStateCompatibilityTests
{
    private string _folder = null!;

    [SetUp]
    public void CopyFixture()
    {
        _folder = Path.Combine(Path.GetTempPath(), "negotiation-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var fixture = FixtureFolder();
        foreach (var file in new[] { "negotiation.db", "invites.csv" })
        {
            File.Copy(Path.Combine(fixture, file), Path.Combine(_folder, file));
        }
    }

    private static string FixtureFolder()
    {
        var relative = Path.Combine("tests", "NegotiationEditor.Server.Tests", "Endpoints", "Fixtures", "saved-before-chair-proposals");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, relative)))
            {
                return Path.Combine(folder.FullName, relative);
            }
        }

        throw new DirectoryNotFoundException($"{relative} is not above the test binaries");
    }

    [TearDown]
    public void DeleteCopy()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a stopping host; the temporary folder is left behind.
        }
    }

    [Test]
    public async Task A_negotiation_saved_before_chairs_proposals_loads_with_its_amendments_ledgers_and_revisions()
    {
        using var server = new NegotiationServerFactory(dataFolder: _folder).Started();
        using var observer = ApiSession.As(server, server.Invites.Observer);
        var document = server.Document.ToString();

        var amendments = (await observer.GetJsonAsync($"/api/documents/{document}/amendments")).AsArray();
        var text = await observer.TextAsync(document);

        Assert.Multiple(async () =>
        {
            Assert.That(amendments.Select(a => a!["proposer"]!.GetValue<string>()), Is.All.EqualTo("delegation"));
            Assert.That(amendments.Select(a => a!["proposedBy"]!["name"]!.GetValue<string>()), Is.EqualTo(new[] { "Greece", "US", "India" }));
            Assert.That(amendments.Select(a => a!["status"]!.GetValue<string>()), Is.EqualTo(new[] { "proposed", "accepted", "withdrawn" }));
            Assert.That(amendments.Select(a => a!["ledger"]!.GetValue<string>()), Is.EqualTo(new[]
            {
                "Proposed by Greece; supported by Iran; opposed by UK; stakeholders: supported by ICC",
                "Proposed by US, Canada; acceptable to Cuba",
                "Proposed by India; reservation by Egypt",
            }));
            Assert.That((await observer.GetJsonAsync($"/api/documents/{document}/revisions")).AsArray().Select(r => r!["label"]!.GetValue<string>()),
                Is.EqualTo(new[] { "Rev.1", "Rev.2" }));
            Assert.That(text, Does.Contain("review inputs of the Internet Governance Forum. throughout the process.").And.Not.Contain("inclusive manner"),
                "the accepted deletion of \" In an open and inclusive manner\" stays in the text");
        });
    }

    [Test]
    public async Task A_negotiation_saved_before_chairs_proposals_goes_on_with_a_chairs_proposal_and_survives_a_restart()
    {
        string chairsProposal;
        string document;
        using (var server = new NegotiationServerFactory(dataFolder: _folder).Started())
        {
            using var chair = ApiSession.As(server, server.Invites.Chair);
            using var greece = ApiSession.As(server, server.Invites.Delegate("Greece"));
            using var india = ApiSession.As(server, server.Invites.Delegate("India"));
            document = server.Document.ToString();
            var text = await chair.TextAsync(document);
            var start = text.IndexOf("22 member states", StringComparison.Ordinal);
            chairsProposal = (await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/amendments", new
            {
                kind = "replace",
                proposer = "chair",
                range = new { start, end = start + "22 member states".Length },
                originalText = "22 member states",
                proposedTexts = new[] { "member states" },
            }), HttpStatusCode.Created))["id"]!.GetValue<string>();
            await ApiSession.Expect(await india.PutAsync($"/api/documents/{document}/amendments/{chairsProposal}/positions/{await india.DelegationIdAsync("India")}",
                new { position = "objects" }), HttpStatusCode.OK);
            var greeceAmendment = (await greece.GetJsonAsync($"/api/documents/{document}/amendments?status=proposed")).AsArray()
                .Single(a => a!["proposer"]!.GetValue<string>() == "delegation")!["id"]!.GetValue<string>();
            await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments/{greeceAmendment}/withdraw"), HttpStatusCode.OK);
        }

        using var restarted = new NegotiationServerFactory(dataFolder: _folder).Started();
        using var reader = ApiSession.As(restarted, restarted.Invites.Observer);
        var reloaded = await reader.GetJsonAsync($"/api/documents/{document}/amendments/{chairsProposal}");
        Assert.Multiple(() =>
        {
            Assert.That(reloaded["proposer"]!.GetValue<string>(), Is.EqualTo("chair"));
            Assert.That(reloaded["proposedBy"], Is.Null);
            Assert.That(reloaded["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by the Chair; opposed by India"));
        });
    }
}
