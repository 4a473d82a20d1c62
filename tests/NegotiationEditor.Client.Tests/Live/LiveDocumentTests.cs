using System.Collections.Concurrent;
using NegotiationEditor.Client.Live;
using NegotiationEditor.Client.Tests.Support;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Client.Tests.Live;

/// <summary>The .NET client's live document against the server in memory, over both hub protocols.</summary>
[TestFixture]
public sealed class LiveDocumentTests
{
    private InMemoryServer _server = null!;
    private string _document = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = new InMemoryServer();
        using var api = _server.Api(_server.Invites.Chair);
        _document = (await api.ListDocumentsAsync())[0].Id;
    }

    [TearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public async Task Connecting_fills_the_local_document_with_the_live_text()
    {
        using var api = _server.Api(_server.Invites.Observer);
        var live = (await api.GetDocumentAsync(_document)).Text;

        await using var observer = await _server.ConnectAsync(_server.Invites.Observer, _document);

        Assert.Multiple(() =>
        {
            Assert.That(live, Is.Not.Empty);
            Assert.That(observer.Text, Is.EqualTo(live));
            Assert.That(observer.Synced.IsCompletedSuccessfully, Is.True);
            Assert.That(observer.Syncs, Is.GreaterThanOrEqualTo(1));
        });
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task Two_clients_typing_at_once_converge_to_one_text_and_one_state_vector(bool messagePack)
    {
        const int edits = 40;
        await using var chair = await _server.ConnectAsync(_server.Invites.Chair, _document, messagePack);
        await using var secretariat = await _server.ConnectAsync(_server.Invites.Secretariat, _document, messagePack);

        await Task.WhenAll(TypeAsync(chair, "chair", edits, seed: 1), TypeAsync(secretariat, "secretariat", edits, seed: 2));
        var expected = Markers.All("chair", edits).Concat(Markers.All("secretariat", edits)).ToList();
        var arrived = await Eventually.HoldsAsync(() => expected.All(chair.Text.Contains) && expected.All(secretariat.Text.Contains));
        using var api = _server.Api(_server.Invites.Chair);
        var serverText = (await api.GetDocumentAsync(_document)).Text;

        Assert.Multiple(() =>
        {
            Assert.That(arrived, Is.True, "every marker reached both clients");
            Assert.That(secretariat.Text, Is.EqualTo(chair.Text));
            Assert.That(secretariat.EncodeStateVector(), Is.EqualTo(chair.EncodeStateVector()));
            Assert.That(serverText, Is.EqualTo(chair.Text));
            Assert.That(chair.Denials, Is.Empty);
        });
    }

    [Test]
    public async Task An_observer_typing_is_refused_with_an_auth_frame_and_the_text_stays_as_it_was()
    {
        await using var chair = await _server.ConnectAsync(_server.Invites.Chair, _document);
        await using var observer = await _server.ConnectAsync(_server.Invites.Observer, _document);
        var before = chair.Text;

        observer.Edit(text => text.Insert(0, "observer was here "));
        await observer.FlushAsync();
        var denied = await Eventually.HoldsAsync(() => observer.Denials.Count > 0);
        using var api = _server.Api(_server.Invites.Chair);

        Assert.Multiple(async () =>
        {
            Assert.That(denied, Is.True, "an auth frame came back");
            Assert.That((await api.GetDocumentAsync(_document)).Text, Is.EqualTo(before));
            Assert.That(chair.Text, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task Presence_set_by_one_client_reaches_the_other()
    {
        await using var chair = await _server.ConnectAsync(_server.Invites.Chair, _document);
        await using var greece = await _server.ConnectAsync(_server.Invites.Delegate("Greece"), _document);

        greece.SetPresence("""{"user":{"name":"Greece","colour":"#3366ff"}}""");
        var seen = await Eventually.HoldsAsync(() => chair.Presence.TryGetValue(greece.ClientId, out var state) && state.Contains("Greece", StringComparison.Ordinal));

        Assert.That(seen, Is.True, "the chair sees Greece's presence");
    }

    [Test]
    public async Task A_position_taken_over_rest_arrives_as_a_negotiation_event()
    {
        await using var observer = await _server.ConnectAsync(_server.Invites.Observer, _document);
        var events = new ConcurrentQueue<NegotiationEvent>();
        observer.NegotiationChanged += (_, change) => events.Enqueue(change);
        using var greece = _server.Api(_server.Invites.Delegate("Greece"));
        var text = observer.Text;
        var start = text.IndexOf("the", StringComparison.Ordinal);

        var amendment = await greece.ProposeAsync(_document, new AmendmentProposal
        {
            Kind = "replace",
            Paragraph = "p-1",
            Range = new TextRange(start, start + 3),
            OriginalText = "the",
            ProposedTexts = ["a"],
        });
        var arrived = await Eventually.HoldsAsync(() => events.Any(e => e.Event == "amendmentProposed"));

        Assert.Multiple(() =>
        {
            Assert.That(arrived, Is.True);
            var proposed = events.First(e => e.Event == "amendmentProposed");
            Assert.That(proposed.DocumentId, Is.EqualTo(_document));
            Assert.That(proposed.Amendment?.Id, Is.EqualTo(amendment.Id));
            Assert.That(proposed.Amendment?.Ledger, Is.EqualTo("Proposed by Greece"));
        });
    }

    [Test]
    public async Task An_accepted_amendment_changes_the_local_text_of_every_connected_client()
    {
        await using var observer = await _server.ConnectAsync(_server.Invites.Observer, _document);
        using var greece = _server.Api(_server.Invites.Delegate("Greece"));
        using var chair = _server.Api(_server.Invites.Chair);
        var text = observer.Text;
        var start = text.IndexOf("the", StringComparison.Ordinal);
        var amendment = await greece.ProposeAsync(_document, new AmendmentProposal
        {
            Kind = "replace",
            Paragraph = "p-1",
            Range = new TextRange(start, start + 3),
            OriginalText = "the",
            ProposedTexts = ["THE"],
        });

        var accepted = await chair.AcceptAsync(_document, amendment.Id);
        var changed = await Eventually.HoldsAsync(() => observer.Text == accepted.Text);

        Assert.Multiple(() =>
        {
            Assert.That(changed, Is.True, "the observer's copy follows the server's change");
            Assert.That(observer.Text, Is.EqualTo(string.Concat(text.AsSpan(0, start), "THE", text.AsSpan(start + 3))));
        });
    }

    [Test]
    public void Joining_a_document_that_does_not_exist_fails_with_a_clear_error()
    {
        var missing = Guid.NewGuid().ToString();

        var error = Assert.ThrowsAsync<LiveDocumentException>(() => _server.ConnectAsync(_server.Invites.Chair, missing));

        Assert.That(error!.Message, Does.Contain(missing));
    }

    [Test]
    public void A_revoked_or_unknown_token_cannot_connect()
    {
        var stranger = _server.Invites.Chair with { Token = "not-a-token" };

        Assert.ThrowsAsync<LiveDocumentException>(() => _server.ConnectAsync(stranger, _document));
    }

    private static async Task TypeAsync(LiveDocument live, string peer, int edits, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < edits; i++)
        {
            var marker = Markers.Of(peer, i);
            live.Edit(text => text.Insert(Markers.InsertionPoint(text.ToString(), random), marker));
            await Task.Delay(random.Next(1, 5));
        }
        await live.FlushAsync();
    }
}
