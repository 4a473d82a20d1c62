using System.Net;
using NegotiationEditor.Crdt;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>Amendments anchored by CRDT relative positions follow the text as others type; the chair's acceptance
/// rewrites only the anchored span, or is refused when the span is gone.</summary>
public sealed class AmendmentAnchorTests
{
    private const string Original = "in accordance with";

    private NegotiationServerFactory _server = null!;
    private ApiSession _chair = null!;
    private ApiSession _greece = null!;
    private ApiSession _uk = null!;

    [OneTimeSetUp]
    public void Start()
    {
        _server = new NegotiationServerFactory(new Dictionary<string, string> { ["NegotiationApi:RequestsPerWindow"] = "100000" }).Started();
        _chair = ApiSession.As(_server, _server.Invites.Chair);
        _greece = ApiSession.As(_server, _server.Invites.Delegate("Greece"));
        _uk = ApiSession.As(_server, _server.Invites.Delegate("UK"));
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _chair.Dispose();
        _greece.Dispose();
        _uk.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task Accepting_a_replacement_anchored_by_relative_positions_rewrites_only_the_anchored_span_after_others_typed_before_it()
    {
        var document = await _chair.TableAsync();
        await using var secretariat = await HubPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document);
        var text = secretariat.Peer.Text;
        var start = text.IndexOf(Original, StringComparison.Ordinal);
        var live = secretariat.Peer.Doc.GetText(LiveText.RootName);
        var anchor = new
        {
            start = Convert.ToBase64String(RelativePosition.FromIndex(live, start).Encode()),
            end = Convert.ToBase64String(RelativePosition.FromIndex(live, start + Original.Length, assoc: -1).Encode()),
        };
        var proposed = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "replace",
            paragraph = "p-1",
            anchor,
            originalText = Original,
            proposedTexts = new[] { "bearing in mind" },
        }), System.Net.HttpStatusCode.Created);
        Assert.That(proposed["anchor"]!["start"]!.GetValue<string>(), Is.EqualTo(anchor.start), "the anchor is kept as sent");

        // The secretariat types at the very start of the paragraph and right after the span.
        var paragraph = text.IndexOf("Following", StringComparison.Ordinal);
        await secretariat.SendAsync(secretariat.Peer.Edit(t =>
        {
            t.Insert(start + Original.Length, ",");
            t.Insert(paragraph, "[Secretariat] ");
        }));
        var typed = secretariat.Peer.Text;
        Assert.That(await ApiSession.EventuallyAsync(async () => await _chair.TextAsync(document) == typed), Is.True);

        var moved = await _chair.GetJsonAsync($"/api/documents/{document}/amendments/{proposed["id"]}");
        Assert.That(moved["span"]!["start"]!.GetValue<int>(), Is.EqualTo(start + "[Secretariat] ".Length));
        Assert.That(moved["span"]!["end"]!.GetValue<int>(), Is.EqualTo(start + "[Secretariat] ".Length + Original.Length), "the comma typed after the span stays outside it");

        await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{document}/amendments/{proposed["id"]}/accept"), System.Net.HttpStatusCode.OK);
        var expected = typed.Replace(Original + ",", "bearing in mind,", StringComparison.Ordinal);
        Assert.That(await _chair.TextAsync(document), Is.EqualTo(expected));
        Assert.That(await Eventually.HoldsAsync(() => secretariat.Peer.Text == expected), Is.True, "the hub client received the server's update");
    }

    [Test]
    public async Task Accepting_when_the_anchored_span_was_deleted_is_refused_and_changes_nothing()
    {
        var document = await _chair.TableAsync();
        var text = await _chair.TextAsync(document);
        var proposed = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, Original, "bearing in mind")),
            HttpStatusCode.Created);
        await using var secretariat = await HubPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document);
        var start = text.IndexOf(Original, StringComparison.Ordinal);
        await secretariat.SendAsync(secretariat.Peer.Edit(t => t.Delete(start, Original.Length)));
        var typed = secretariat.Peer.Text;
        Assert.That(await ApiSession.EventuallyAsync(async () => await _chair.TextAsync(document) == typed), Is.True);
        var before = _server.Negotiation.Current;

        var problem = await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{document}/amendments/{proposed["id"]}/accept"), HttpStatusCode.Conflict);

        Assert.Multiple(async () =>
        {
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("no longer exists"));
            Assert.That(await _chair.TextAsync(document), Is.EqualTo(typed));
            Assert.That(_server.Negotiation.Current, Is.SameAs(before));
        });
        var amendment = await _chair.GetJsonAsync($"/api/documents/{document}/amendments/{proposed["id"]}");
        Assert.That(amendment["status"]!.GetValue<string>(), Is.EqualTo("proposed"));
    }

    [Test]
    public async Task An_anchor_that_is_not_a_position_in_the_text_is_refused()
    {
        var document = await _chair.TableAsync();
        var elsewhere = new YDoc();
        elsewhere.GetText(LiveText.RootName).Insert(0, "another document");
        var foreign = Convert.ToBase64String(RelativePosition.FromIndex(elsewhere.GetText(LiveText.RootName), 3).Encode());
        foreach (var bytes in new[] { foreign, Convert.ToBase64String([0xff, 0xff, 0xff]) })
        {
            var problem = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", new
            {
                kind = "insert",
                paragraph = "p-1",
                anchor = new { start = bytes, end = bytes },
                proposedTexts = new[] { "x" },
            }), HttpStatusCode.BadRequest);
            Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("not a relative position in this document's text"));
        }
    }

    [Test]
    public async Task Accepting_one_of_the_alternatives_writes_that_one()
    {
        var document = await _chair.TableAsync();
        var text = await _chair.TextAsync(document);
        var start = text.IndexOf(Original, StringComparison.Ordinal);
        var proposed = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "alternatives",
            paragraph = "p-1",
            range = new { start, end = start + Original.Length },
            originalText = Original,
            proposedTexts = new[] { "bearing in mind", "in conformity with" },
        }), HttpStatusCode.Created);
        var path = $"/api/documents/{document}/amendments/{proposed["id"]}/accept";

        var problem = await ApiSession.Expect(await _chair.PostAsync(path), HttpStatusCode.BadRequest);
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("choose one of the 2 alternatives"));

        var accepted = await ApiSession.Expect(await _chair.PostAsync(path, new { alternative = 1 }), HttpStatusCode.OK);
        Assert.That(accepted["amendment"]!["acceptedAlternative"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(await _chair.TextAsync(document), Is.EqualTo(text.Replace(Original, "in conformity with", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Colliding_amendments_are_listed_and_accepting_one_supersedes_the_other()
    {
        var document = await _chair.TableAsync();
        var text = await _chair.TextAsync(document);
        var greece = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, Original, "bearing in mind")),
            HttpStatusCode.Created);
        var uk = await ApiSession.Expect(await _uk.PostAsync($"/api/documents/{document}/amendments", ApiSession.Replacement(text, "accordance", "conformity")),
            HttpStatusCode.Created);
        Assert.That(uk["collidesWith"]!.AsArray().Select(n => n!.GetValue<string>()), Is.EqualTo(new[] { greece["id"]!.GetValue<string>() }));

        var accepted = await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{document}/amendments/{greece["id"]}/accept"), HttpStatusCode.OK);

        Assert.That(accepted["superseded"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()), Is.EqualTo(new[] { uk["id"]!.GetValue<string>() }));
        var now = await _chair.GetJsonAsync($"/api/documents/{document}/amendments/{uk["id"]}");
        Assert.Multiple(() =>
        {
            Assert.That(now["status"]!.GetValue<string>(), Is.EqualTo("superseded"));
            Assert.That(now["supersededBy"]!.GetValue<string>(), Is.EqualTo(greece["id"]!.GetValue<string>()));
        });
    }

    [Test]
    public async Task The_paragraph_is_found_from_the_span_when_not_named_and_a_wrong_one_is_refused()
    {
        var document = await _chair.TableAsync();
        var text = await _chair.TextAsync(document);
        var start = text.IndexOf("It would be 2 from Private Sector", StringComparison.Ordinal);
        var body = new
        {
            kind = "replace",
            range = new { start, end = start + 11 },
            originalText = "It would be",
            proposedTexts = new[] { "There would be" },
        };

        var found = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", body), HttpStatusCode.Created);
        Assert.That(found["paragraph"]!.GetValue<string>(), Is.EqualTo("p-2"), "the second unnumbered paragraph");

        var wrong = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", new
        {
            body.kind,
            paragraph = "p-1",
            body.range,
            body.originalText,
            body.proposedTexts,
        }), HttpStatusCode.BadRequest);
        Assert.That(wrong["detail"]!.GetValue<string>(), Is.EqualTo("the span starts in paragraph p-2, not in p-1"));

        var title = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "insert",
            range = new { start = 0, end = 0 },
            proposedTexts = new[] { "x" },
        }), HttpStatusCode.BadRequest);
        Assert.That(title["detail"]!.GetValue<string>(), Does.Contain("does not start inside a paragraph"));
    }

    [Test]
    public async Task An_insertion_at_a_point_is_applied_there()
    {
        var document = await _chair.TableAsync();
        var text = await _chair.TextAsync(document);
        var at = text.IndexOf("rules of procedure", StringComparison.Ordinal);
        var proposed = await ApiSession.Expect(await _greece.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "insert",
            paragraph = "p-1",
            range = new { start = at, end = at },
            proposedTexts = new[] { "and practice " },
        }), HttpStatusCode.Created);
        Assert.That(proposed["anchor"]!["start"]!.GetValue<string>(), Is.EqualTo(proposed["anchor"]!["end"]!.GetValue<string>()), "a point");

        await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{document}/amendments/{proposed["id"]}/accept"), HttpStatusCode.OK);
        Assert.That(await _chair.TextAsync(document), Is.EqualTo(text.Insert(at, "and practice ")));
    }
}
