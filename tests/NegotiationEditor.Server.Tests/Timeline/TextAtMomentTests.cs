using System.Net;
using System.Text.Json.Nodes;

namespace NegotiationEditor.Server.Tests.Timeline;

/// <summary>
/// A scripted session (typing over the hub, amendments and positions over REST, a revision) with the texts the
/// clients saw recorded along the way; afterwards the document at each moment and its timeline tell the same story.
/// </summary>
public sealed class TextAtMomentTests
{
    private static readonly string IranText = File.ReadAllText(Path.Combine(SampleFolder(), "iran-text-1705.md"));
    private static readonly TimeSpan Keystroke = TimeSpan.FromMilliseconds(150);

    private HandClock _clock = null!;
    private TimelineServer _server = null!;
    private TimelineApi _chair = null!;
    private string _document = null!;
    private readonly List<(DateTimeOffset Time, string Text)> _seen = [];
    private DateTimeOffset _proposed, _objected, _accepted, _circulated, _tabled;

    [OneTimeSetUp]
    public async Task PlayTheSession()
    {
        _clock = new HandClock(TimelineServer.Morning);
        _server = new TimelineServer(_clock);
        _chair = _server.As("chair");
        _tabled = _clock.Advance(TimeSpan.FromMinutes(1));
        _document = (await _chair.PostJsonAsync("/api/documents",
            new { title = "Composition of the Working Group", symbol = "E/CN.16/2010/CRP.7", text = IranText }, HttpStatusCode.Created))["id"]!.GetValue<string>();

        await using var chair = await _server.TypistAsync("chair", _document);
        await using var secretariat = await _server.TypistAsync("secretariat", _document);
        await SeenBySecretariatAsync(secretariat, IranText);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await chair.TypeAsync(chair.Text.IndexOf("stakeholders are", StringComparison.Ordinal), "all ", _clock, Keystroke);
        await SeenBySecretariatAsync(secretariat, chair.Text);

        _clock.Advance(TimeSpan.FromMinutes(1));
        var improvement = secretariat.Text.IndexOf("IGF improvement,", StringComparison.Ordinal) + "IGF".Length;
        await secretariat.DeleteAsync(improvement, " improvement".Length);
        await SeenBySecretariatAsync(secretariat, secretariat.Text);
        Assert.That(await chair.SeesAsync(text => text == secretariat.Text), Is.True);

        using var greece = _server.As("member-state delegate", "Greece");
        using var uk = _server.As("member-state delegate", "UK");
        _proposed = _clock.Advance(TimeSpan.FromMinutes(1));
        var text = chair.Text;
        var start = text.IndexOf("in accordance with", StringComparison.Ordinal);
        var amendment = (await greece.PostJsonAsync($"/api/documents/{_document}/amendments", new
        {
            kind = "replace",
            range = new { start, end = start + "in accordance with".Length },
            originalText = "in accordance with",
            proposedTexts = new[] { "bearing in mind" },
        }, HttpStatusCode.Created))["id"]!.GetValue<string>();

        _objected = _clock.Advance(TimeSpan.FromMinutes(1));
        await uk.PutJsonAsync($"/api/documents/{_document}/amendments/{amendment}/positions/{await uk.DelegationIdAsync("UK")}", new { position = "objects" });

        _accepted = _clock.Advance(TimeSpan.FromMinutes(1));
        await _chair.PostJsonAsync($"/api/documents/{_document}/amendments/{amendment}/accept", new { });
        await SeenBySecretariatAsync(secretariat, text.Replace("in accordance with", "bearing in mind", StringComparison.Ordinal));

        _circulated = _clock.Advance(TimeSpan.FromMinutes(1));
        await _chair.PostJsonAsync($"/api/documents/{_document}/revisions", null, HttpStatusCode.Created);

        _clock.Advance(TimeSpan.FromMinutes(1));
        await chair.TypeAsync(chair.Text.Length, "\n\nOP 2 bis", _clock, Keystroke);
        await SeenBySecretariatAsync(secretariat, chair.Text);
        _clock.Advance(TimeSpan.FromMinutes(1));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _chair.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task The_text_at_each_moment_is_the_text_the_clients_saw_then_and_until_the_next_change()
    {
        Assert.That(_seen.Select(s => s.Text).Distinct().Count(), Is.EqualTo(5), "the session changed the text four times");
        foreach (var (time, text) in _seen)
        {
            Assert.That((await _chair.AtAsync(_document, time))["text"]!.GetValue<string>(), Is.EqualTo(text), $"at {time:O}");
            Assert.That((await _chair.AtAsync(_document, time.AddSeconds(30)))["text"]!.GetValue<string>(), Is.EqualTo(text), $"30 s after {time:O}");
        }
    }

    [Test]
    public async Task Amendments_stand_at_each_moment_as_they_stood_then()
    {
        var beforeProposal = await _chair.AtAsync(_document, _proposed.AddSeconds(-1));
        var proposed = (await _chair.AtAsync(_document, _proposed.AddSeconds(30)))["amendments"]!.AsArray().Single()!;
        var objected = (await _chair.AtAsync(_document, _objected.AddSeconds(30)))["amendments"]!.AsArray().Single()!;
        var accepted = (await _chair.AtAsync(_document, _accepted.AddSeconds(30)))["amendments"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(beforeProposal["amendments"]!.AsArray(), Is.Empty);
            Assert.That(proposed["status"]!.GetValue<string>(), Is.EqualTo("proposed"));
            Assert.That(proposed["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by Greece"));
            Assert.That(proposed["span"]!["end"]!.GetValue<int>() - proposed["span"]!["start"]!.GetValue<int>(), Is.EqualTo("in accordance with".Length),
                "the anchor resolves in the text as it was then");
            Assert.That(objected["status"]!.GetValue<string>(), Is.EqualTo("proposed"));
            Assert.That(objected["ledger"]!.GetValue<string>(), Is.EqualTo("Proposed by Greece; opposed by UK"));
            Assert.That(objected["positions"]!.AsArray().Select(p => p!["position"]!.GetValue<string>()), Is.EqualTo(new[] { "objects" }));
            Assert.That(objected["consensus"]!["isConsensus"]!.GetValue<bool>(), Is.False);
            Assert.That(accepted["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        });
    }

    [Test]
    public async Task Revisions_and_status_at_a_moment_are_those_of_then()
    {
        var before = await _chair.AtAsync(_document, _circulated.AddSeconds(-1));
        var after = await _chair.AtAsync(_document, _circulated.AddSeconds(1));

        Assert.That(before["revisions"]!.AsArray(), Is.Empty);
        Assert.That(after["revisions"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "Rev.1" }));
        Assert.That(after["status"]!.GetValue<string>(), Is.EqualTo("negotiating"));
        Assert.That(after["documentId"]!.GetValue<string>(), Is.EqualTo(_document));
        Assert.That(DateTimeOffset.Parse(after["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(_circulated.AddSeconds(1)));
    }

    [Test]
    public async Task The_timeline_lists_the_session_as_moments_with_keystrokes_grouped_by_burst()
    {
        var timeline = await _chair.GetJsonAsync($"/api/documents/{_document}/timeline");
        var moments = timeline["moments"]!.AsArray().Select(m => (Kind: m!["kind"]!.GetValue<string>(), Summary: m["summary"]!.GetValue<string>())).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(moments.Select(m => m.Kind), Is.EqualTo(new[]
            {
                "tabled", "edit", "edit", "amendment-proposed", "position", "amendment-accepted", "revision-circulated", "edit",
            }));
            Assert.That(moments[1].Summary, Is.EqualTo("Chair of the CSTD inserted 'all' in p-1"));
            Assert.That(moments[2].Summary, Is.EqualTo("CSTD secretariat deleted 'improvement' in p-1"));
            Assert.That(moments[3].Summary, Is.EqualTo("Greece proposes to replace 'in accordance with' by 'bearing in mind' (A1)"));
            Assert.That(moments[4].Summary, Is.EqualTo("UK objects to A1"));
            Assert.That(moments[6].Summary, Is.EqualTo("Rev.1 circulated"));
            Assert.That(Time(timeline["start"]!), Is.EqualTo(_tabled));
            Assert.That(Time(timeline["end"]!), Is.EqualTo(_clock.GetUtcNow()));
            Assert.That(Time(timeline["moments"]![0]!["time"]!), Is.EqualTo(_tabled));
        });
    }

    [Test]
    public async Task The_text_at_each_edit_moment_is_the_text_after_that_burst()
    {
        var moments = (await _chair.GetJsonAsync($"/api/documents/{_document}/timeline"))["moments"]!.AsArray();
        var edits = moments.Where(m => m!["kind"]!.GetValue<string>() is "edit" or "tabled").Select(m => Time(m!["time"]!)).ToList();
        var texts = new List<string>();
        foreach (var time in edits)
        {
            texts.Add((await _chair.AtAsync(_document, time))["text"]!.GetValue<string>());
        }

        Assert.That(texts, Is.EqualTo(_seen.Select(s => s.Text).Where((_, i) => i != 3)), "each burst's moment shows its result (the accepted amendment is not typing)");
    }

    private async Task SeenBySecretariatAsync(Typist secretariat, string expected)
    {
        Assert.That(await secretariat.SeesAsync(text => text == expected), Is.True, "the secretariat's client shows the change");
        _seen.Add((_clock.GetUtcNow(), secretariat.Text));
    }

    private static DateTimeOffset Time(JsonNode node) => DateTimeOffset.Parse(node.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);

    internal static string SampleFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", "cstd-2010-igf-working-group");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/cstd-2010-igf-working-group is not above the test binaries");
    }
}
