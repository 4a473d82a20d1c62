using System.Net;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Tests.Timeline;

/// <summary>Who may read a document's past, and what a request for a moment that makes no sense gets.</summary>
public sealed class TimelineAccessTests
{
    private HandClock _clock = null!;
    private TimelineServer _server = null!;
    private string _document = null!;

    [SetUp]
    public void Start()
    {
        _clock = new HandClock(TimelineServer.Morning);
        _server = new TimelineServer(_clock);
        _document = _server.Negotiation.Current.Documents[0].Id.ToString();
        _clock.Advance(TimeSpan.FromMinutes(30));
    }

    [TearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task An_observer_may_read_the_timeline_and_the_document_at_a_moment()
    {
        using var observer = _server.As("observer");

        var timeline = await observer.GetJsonAsync($"/api/documents/{_document}/timeline");
        var at = await observer.AtAsync(_document, TimelineServer.Morning.AddMinutes(1));

        Assert.That(timeline["moments"]!.AsArray().Select(m => m!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "tabled" }));
        Assert.That(at["text"]!.GetValue<string>(), Does.Contain("Internet Governance Forum"), "the seeded text, as tabled");
    }

    [Test]
    public async Task A_revoked_invite_and_no_invite_may_read_neither()
    {
        var token = _server.TokenOf("observer");
        Revoke(participant => participant.Role == ParticipantRole.Observer);
        using var revoked = _server.WithToken(token);
        using var anonymous = new TimelineApi(_server.CreateClient());

        foreach (var api in new[] { revoked, anonymous })
        {
            var timeline = await TimelineApi.ExpectAsync(await api.GetAsync($"/api/documents/{_document}/timeline"), HttpStatusCode.Unauthorized);
            var at = await TimelineApi.ExpectAsync(await api.GetAsync($"/api/documents/{_document}/at?time=2010-12-17T09:01:00Z"), HttpStatusCode.Unauthorized);
            Assert.That(timeline["type"]!.GetValue<string>(), Does.EndWith("/unauthenticated"));
            Assert.That(at["type"]!.GetValue<string>(), Does.EndWith("/unauthenticated"));
        }
    }

    [Test]
    public async Task An_unknown_or_malformed_document_is_refused_clearly()
    {
        using var chair = _server.As("chair");

        var unknown = await TimelineApi.ExpectAsync(await chair.GetAsync($"/api/documents/{Guid.NewGuid()}/timeline"), HttpStatusCode.NotFound);
        var malformed = await TimelineApi.ExpectAsync(await chair.GetAsync("/api/documents/not-a-document/at?time=2010-12-17T09:01:00Z"), HttpStatusCode.BadRequest);

        Assert.That(unknown["detail"]!.GetValue<string>(), Is.EqualTo("there is no such document in this negotiation"));
        Assert.That(malformed["detail"]!.GetValue<string>(), Does.Contain("is not a document id"));
    }

    [TestCase("", "say which moment")]
    [TestCase("?time=", "say which moment")]
    [TestCase("?time=yesterday", "'yesterday' is not an ISO 8601 time")]
    [TestCase("?time=12/17/2010", "'12/17/2010' is not an ISO 8601 time")]
    [TestCase("?time=2010-13-45T99:00:00Z", "is not an ISO 8601 time")]
    public async Task A_missing_or_unreadable_time_is_a_bad_request_saying_what_to_send(string query, string detail)
    {
        using var chair = _server.As("chair");

        var problem = await TimelineApi.ExpectAsync(await chair.GetAsync($"/api/documents/{_document}/at{query}"), HttpStatusCode.BadRequest);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain(detail));
        Assert.That(problem["type"]!.GetValue<string>(), Does.EndWith("/invalid"));
    }

    [Test]
    public async Task A_time_before_the_tabling_is_a_bad_request_naming_when_the_timeline_starts()
    {
        using var chair = _server.As("chair");

        var problem = await TimelineApi.ExpectAsync(
            await chair.GetAsync($"/api/documents/{_document}/at?time=2010-12-17T08:59:59Z"), HttpStatusCode.BadRequest);

        Assert.That(problem["detail"]!.GetValue<string>(), Does.StartWith("the timeline of this document starts at 2010-12-17T09:00:00.0000000+00:00"));
    }

    [Test]
    public async Task A_time_after_now_is_the_document_as_it_stands_and_an_offset_sent_unescaped_is_read_as_meant()
    {
        using var chair = _server.As("chair");
        var live = (await chair.GetJsonAsync($"/api/documents/{_document}"))["text"]!.GetValue<string>();

        var future = await chair.AtAsync(_document, _clock.GetUtcNow().AddDays(1));
        // "+01:00" in a query string arrives as " 01:00" when the client did not escape the '+'.
        var unescaped = await chair.GetJsonAsync($"/api/documents/{_document}/at?time=2010-12-17T10:10:00+01:00");

        Assert.That(future["text"]!.GetValue<string>(), Is.EqualTo(live));
        Assert.That(DateTimeOffset.Parse(unescaped["time"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture),
            Is.EqualTo(new DateTimeOffset(2010, 12, 17, 9, 10, 0, TimeSpan.Zero)));
        Assert.That(unescaped["text"]!.GetValue<string>(), Is.EqualTo(live), "nobody typed since the tabling");
    }

    private void Revoke(Func<Participant, bool> who)
    {
        var workflow = new NegotiationWorkflow(_clock, CryptographicRandomSource.Instance, new NoAnchors());
        var outcome = _server.Negotiation.Apply(state =>
            workflow.RevokeInvites(state, state.Participants.Single(p => p.Role == ParticipantRole.Chair).Id, state.Participants.Single(who).Id));
        Assert.That(outcome.Succeeded, Is.True, () => outcome.Refusal!.Message);
    }

    private sealed class NoAnchors : IAnchorResolver
    {
        public ResolvedSpan? Resolve(DocumentId document, TextAnchor anchor) => null;
    }
}
