using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NegotiationEditor.Cli.Replay;
using NegotiationEditor.Negotiation.Scenarios;
using NegotiationEditor.Replay.Tests.Support;

namespace NegotiationEditor.Replay.Tests.Replay;

/// <summary>After the seed's day is replayed, the main document's timeline tells the day, and its text at the
/// moments of the printed versions and of the adoption is what was circulated and adopted.</summary>
[NonParallelizable]
public sealed class ReplayTimelineTests
{
    private ServerProcess _server = null!;
    private HttpClient _observer = null!;
    private string _document = null!;
    private JsonArray _moments = null!;

    [OneTimeSetUp]
    public async Task Play_the_day_and_read_its_timeline()
    {
        _server = await ServerProcess.StartAsync(new ServerOptions
        {
            Arguments = ["--samples", SampleFiles.Folder],
            RequestsPerWindow = 100_000,
        });
        using (var output = new StringWriter())
        {
            await ReplayCommand.RunAsync(SampleFiles.Scenario, _server.Address, _server.InvitesFile, speed: 0, output);
        }

        _observer = new HttpClient { BaseAddress = _server.Address };
        _observer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _server.Invites.Observer.Token);
        var documents = await GetAsync("/api/documents");
        _document = documents.AsArray().Single(d => d!["symbol"]!.GetValue<string>() == "E/CN.16/2010/CRP.1")!["id"]!.GetValue<string>();
        _moments = (await GetAsync($"/api/documents/{_document}/timeline"))["moments"]!.AsArray();
    }

    [OneTimeTearDown]
    public async Task Stop_the_server()
    {
        _observer.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task The_timeline_holds_every_amendment_position_revision_and_the_adoption_last()
    {
        var amendments = (await GetAsync($"/api/documents/{_document}/amendments")).AsArray();
        var positions = 0;
        foreach (var amendment in amendments)
        {
            positions += (await GetAsync($"/api/documents/{_document}/amendments/{amendment!["id"]!.GetValue<string>()}/positions"))["history"]!.AsArray().Count;
        }

        Assert.Multiple(() =>
        {
            Assert.That(amendments, Is.Not.Empty);
            Assert.That(positions, Is.GreaterThan(0));
            Assert.That(Kinds().Count(k => k == "tabled"), Is.EqualTo(1));
            Assert.That(Kinds().Count(k => k == "amendment-proposed"), Is.EqualTo(amendments.Count));
            Assert.That(Kinds().Count(k => k == "position"), Is.EqualTo(positions));
            Assert.That(Summaries("revision-circulated"), Is.EqualTo(new[] { "Rev.1 circulated", "Rev.2 circulated" }));
            Assert.That(Kinds().Last(), Is.EqualTo("adopted"));
            Assert.That(_moments.Select(m => Time(m!["time"]!)), Is.Ordered);
        });
    }

    [Test]
    public async Task The_text_at_each_printed_version_and_at_the_adoption_is_the_one_circulated_and_adopted()
    {
        var document = await GetAsync($"/api/documents/{_document}");
        var revisions = new List<string>();
        foreach (var label in new[] { "Rev.1", "Rev.2" })
        {
            revisions.Add((await GetAsync($"/api/documents/{_document}/revisions/{label}"))["text"]!.GetValue<string>());
        }

        var atRevisions = new List<string>();
        foreach (var moment in _moments.Where(m => m!["kind"]!.GetValue<string>() == "revision-circulated"))
        {
            atRevisions.Add(await TextAtAsync(Time(moment!["time"]!)));
        }

        var adopted = _moments.Single(m => m!["kind"]!.GetValue<string>() == "adopted")!;

        Assert.That(atRevisions, Is.EqualTo(revisions));
        Assert.That(await TextAtAsync(Time(adopted["time"]!)), Is.EqualTo(document["adoption"]!["text"]!.GetValue<string>()));
        Assert.That(Scenario.Body(await TextAtAsync(Time(adopted["time"]!))),
            Is.EqualTo(Scenario.Body(File.ReadAllText(Path.Combine(SampleFiles.Folder, "final-text.md")))));
    }

    private IEnumerable<string> Kinds() => _moments.Select(m => m!["kind"]!.GetValue<string>());

    private IEnumerable<string> Summaries(string kind) =>
        _moments.Where(m => m!["kind"]!.GetValue<string>() == kind).Select(m => m!["summary"]!.GetValue<string>());

    private async Task<string> TextAtAsync(DateTimeOffset time) =>
        (await GetAsync($"/api/documents/{_document}/at?time={Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture))}"))["text"]!.GetValue<string>();

    private async Task<JsonNode> GetAsync(string path)
    {
        using var response = await _observer.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, $"GET {path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static DateTimeOffset Time(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture);
}
