using NegotiationEditor.Client.Tests.Support;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Client.Tests.Workflow;

/// <summary>The typed REST client against the server in memory: the workflow and its refusals.</summary>
[TestFixture]
public sealed class NegotiationApiTests
{
    private const string Original = "fully engaged";

    private InMemoryServer _server = null!;
    private NegotiationApi _chair = null!;
    private NegotiationApi _greece = null!;
    private NegotiationApi _iran = null!;
    private NegotiationApi _uk = null!;
    private string _document = null!;
    private string _text = null!;

    [SetUp]
    public async Task StartServer()
    {
        _server = new InMemoryServer();
        var invites = _server.Invites;
        _chair = _server.Api(invites.Chair);
        _greece = _server.Api(invites.Delegate("Greece"));
        _iran = _server.Api(invites.Delegate("Iran"));
        _uk = _server.Api(invites.Delegate("UK"));
        _document = (await _chair.ListDocumentsAsync())[0].Id;
        _text = (await _chair.GetDocumentAsync(_document)).Text!;
    }

    [TearDown]
    public void StopServer()
    {
        _chair.Dispose();
        _greece.Dispose();
        _iran.Dispose();
        _uk.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task The_token_says_who_the_caller_is()
    {
        var me = await _greece.GetMeAsync();

        Assert.Multiple(() =>
        {
            Assert.That(me.Role, Is.EqualTo("memberStateDelegate"));
            Assert.That(me.Delegation?.Name, Is.EqualTo("Greece"));
        });
    }

    [Test]
    public async Task Greece_proposes_Iran_supports_the_UK_objects_and_the_ledger_says_so()
    {
        var amendment = await ProposeReplacementAsync("closely involved");
        var iran = (await _iran.GetMeAsync()).Delegation!.Id;
        var uk = (await _uk.GetMeAsync()).Delegation!.Id;

        await _iran.TakePositionAsync(_document, amendment.Id, iran, "supports");
        var taken = await _uk.TakePositionAsync(_document, amendment.Id, uk, "objects", "not acceptable");
        var positions = await _chair.ListPositionsAsync(_document, amendment.Id);

        Assert.Multiple(() =>
        {
            Assert.That(amendment.Span, Is.EqualTo(new TextRange(_text.IndexOf(Original, StringComparison.Ordinal), _text.IndexOf(Original, StringComparison.Ordinal) + Original.Length)));
            Assert.That(taken.Position.Position, Is.EqualTo("objects"));
            Assert.That(taken.Position.Note, Is.EqualTo("not acceptable"));
            Assert.That(taken.Amendment.Ledger, Is.EqualTo("Proposed by Greece; supported by Iran; opposed by UK"));
            Assert.That(taken.Amendment.Consensus.IsConsensus, Is.False);
            Assert.That(positions.Current.Select(p => p.Delegation.Name), Is.EqualTo(new[] { "Iran", "UK" }));
        });
    }

    [Test]
    public async Task A_position_changed_keeps_its_history()
    {
        var amendment = await ProposeReplacementAsync("closely involved");
        var uk = (await _uk.GetMeAsync()).Delegation!.Id;

        await _uk.TakePositionAsync(_document, amendment.Id, uk, "objects");
        await _uk.TakePositionAsync(_document, amendment.Id, uk, "canLiveWith");
        var positions = await _uk.ListPositionsAsync(_document, amendment.Id);

        Assert.Multiple(() =>
        {
            Assert.That(positions.Current.Single().Position, Is.EqualTo("canLiveWith"));
            Assert.That(positions.History.Select(p => p.Position), Is.EqualTo(new[] { "objects", "canLiveWith" }));
        });
    }

    [Test]
    public async Task Greece_withdraws_its_amendment()
    {
        var amendment = await ProposeReplacementAsync("closely involved");

        var withdrawn = await _greece.WithdrawAsync(_document, amendment.Id);
        var open = await _chair.ListAmendmentsAsync(_document, "proposed");

        Assert.Multiple(() =>
        {
            Assert.That(withdrawn.Status, Is.EqualTo("withdrawn"));
            Assert.That(open, Is.Empty);
        });
    }

    [Test]
    public async Task A_delegate_acting_for_another_delegation_is_refused_with_the_servers_problem_and_nothing_changes()
    {
        var amendment = await ProposeReplacementAsync("closely involved");
        var iran = (await _iran.GetMeAsync()).Delegation!.Id;

        var refusal = Assert.ThrowsAsync<NegotiationApiException>(() => _uk.TakePositionAsync(_document, amendment.Id, iran, "objects"));
        var after = await _chair.GetAmendmentAsync(_document, amendment.Id);

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.StatusCode, Is.EqualTo(403));
            Assert.That(refusal.Problem.Kind, Is.EqualTo("forbidden"));
            Assert.That(refusal.Problem.Detail, Is.Not.Empty);
            Assert.That(refusal.Message, Does.Contain("403"));
            Assert.That(after.Positions, Is.Empty);
        });
    }

    [Test]
    public async Task Proposing_a_span_that_does_not_hold_the_original_text_is_a_conflict()
    {
        var start = _text.IndexOf(Original, StringComparison.Ordinal);

        var refusal = Assert.ThrowsAsync<NegotiationApiException>(() => _greece.ProposeAsync(_document, new AmendmentProposal
        {
            Kind = "replace",
            Paragraph = "p-2",
            Range = new TextRange(start, start + Original.Length),
            OriginalText = "something else entirely",
            ProposedTexts = ["closely involved"],
        }));

        Assert.Multiple(async () =>
        {
            Assert.That(refusal!.StatusCode, Is.EqualTo(409));
            Assert.That(refusal.Problem.Kind, Is.EqualTo("conflict"));
            Assert.That(await _chair.ListAmendmentsAsync(_document), Is.Empty);
        });
    }

    [Test]
    public void An_unknown_token_is_unauthenticated()
    {
        using var stranger = _server.Api(_server.Invites.Chair with { Token = "no-such-token" });

        var refusal = Assert.ThrowsAsync<NegotiationApiException>(() => stranger.ListDocumentsAsync());

        Assert.That(refusal!.StatusCode, Is.EqualTo(401));
    }

    [Test]
    public async Task The_chair_circulates_a_revision_that_is_listed_compared_with_the_live_text_and_printed()
    {
        var amendment = await ProposeReplacementAsync("closely involved");
        var circulated = await _chair.CirculateRevisionAsync(_document);
        await _chair.AcceptAsync(_document, amendment.Id);

        var revisions = await _greece.ListRevisionsAsync(_document);
        var revision = await _greece.GetRevisionAsync(_document, "Rev.1");
        var redline = await _greece.CompareAsync(_document, "Rev.1", "live");
        var printed = await _greece.PrintRevisionAsync(_document, "1", "html");

        Assert.Multiple(() =>
        {
            Assert.That(revisions.Select(r => r.Label), Is.EqualTo(new[] { "Rev.1" }));
            Assert.That(revision.Id, Is.EqualTo(circulated.Id));
            Assert.That(revision.Text, Is.EqualTo(_text));
            Assert.That(revision.AmendmentStates.Single().Status, Is.EqualTo("proposed"));
            Assert.That(redline.ContentType, Is.EqualTo("text/plain"));
            Assert.That(redline.Text, Does.Contain("closely involved"));
            Assert.That(redline.Text, Does.Contain(Original));
            Assert.That(printed.ContentType, Is.EqualTo("text/html"));
            Assert.That(printed.Text, Does.Contain(revision.Symbol));
        });
    }

    [Test]
    public void A_revision_that_does_not_exist_is_not_found()
    {
        var refusal = Assert.ThrowsAsync<NegotiationApiException>(() => _greece.GetRevisionAsync(_document, "Rev.9"));

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.StatusCode, Is.EqualTo(404));
            Assert.That(refusal.Problem.Kind, Is.EqualTo("not-found"));
        });
    }

    [Test]
    public void A_server_that_cannot_be_reached_gives_a_clear_error()
    {
        using var nowhere = new NegotiationApi(Client.Invites.Invite.For("http://127.0.0.1:1", "token"));

        var refusal = Assert.ThrowsAsync<NegotiationApiException>(() => nowhere.ListDocumentsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(refusal!.StatusCode, Is.EqualTo(0));
            Assert.That(refusal.Message, Does.Contain("cannot be reached"));
        });
    }

    [Test]
    public async Task The_chair_tables_a_chairs_proposal_and_the_UK_objects_to_it()
    {
        var start = _text.IndexOf(Original, StringComparison.Ordinal);
        var proposal = await _chair.ProposeAsync(_document, new AmendmentProposal
        {
            Kind = "replace",
            Paragraph = "p-2",
            Range = new TextRange(start, start + Original.Length),
            OriginalText = Original,
            ProposedTexts = ["equally engaged"],
            Proposer = Amendment.Chair,
        });
        var uk = (await _uk.GetMeAsync()).Delegation!.Id;
        var taken = await _uk.TakePositionAsync(_document, proposal.Id, uk, "objects");
        var chairTakesNone = Assert.ThrowsAsync<NegotiationApiException>(() => _chair.TakePositionAsync(_document, proposal.Id, uk, "supports"));

        Assert.Multiple(() =>
        {
            Assert.That(proposal.IsChairsProposal, Is.True);
            Assert.That(proposal.ProposedBy, Is.Null);
            Assert.That(proposal.ProposerName, Is.EqualTo("the Chair"));
            Assert.That(taken.Amendment.Ledger, Is.EqualTo("Proposed by the Chair; opposed by UK"));
            Assert.That(chairTakesNone!.StatusCode, Is.EqualTo(403));
        });
    }

    [Test]
    public async Task The_secretariat_revokes_the_UKs_invites_and_removes_the_observer_and_both_are_refused_at_once()
    {
        using var secretariat = _server.Api(_server.Invites.Secretariat);
        using var observer = _server.Api(_server.Invites.Observer);
        var participants = await secretariat.ListParticipantsAsync();
        var ukDelegate = participants.Single(p => p.Delegation?.Name == "UK");
        var visitor = participants.Single(p => p.Role == "observer");

        var revoked = await secretariat.RevokeInvitesAsync(ukDelegate.Id);
        var removed = await secretariat.RemoveParticipantAsync(visitor.Id);
        var ukRefused = Assert.ThrowsAsync<NegotiationApiException>(() => _uk.GetMeAsync());
        var observerRefused = Assert.ThrowsAsync<NegotiationApiException>(() => observer.GetMeAsync());
        var notForDelegates = Assert.ThrowsAsync<NegotiationApiException>(() => _greece.ListParticipantsAsync());

        Assert.Multiple(() =>
        {
            Assert.That(revoked.Revoked, Is.EqualTo(1));
            Assert.That(revoked.Participant.Removed, Is.False);
            Assert.That(removed.Removed, Is.True);
            Assert.That(ukRefused!.StatusCode, Is.EqualTo(401));
            Assert.That(ukRefused.Problem.Detail, Does.Contain("revoked"));
            Assert.That(observerRefused!.StatusCode, Is.EqualTo(401));
            Assert.That(observerRefused.Problem.Detail, Does.Contain("removed"));
            Assert.That(notForDelegates!.StatusCode, Is.EqualTo(403));
        });
    }

    private Task<Amendment> ProposeReplacementAsync(string proposed)
    {
        var start = _text.IndexOf(Original, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"the seed's text holds '{Original}'");
        return _greece.ProposeAsync(_document, new AmendmentProposal
        {
            Kind = "replace",
            Paragraph = "p-2",
            Range = new TextRange(start, start + Original.Length),
            OriginalText = Original,
            ProposedTexts = [proposed],
            Justification = "closer to the rules of ECOSOC",
        });
    }
}
