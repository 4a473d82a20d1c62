using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>Every error of the REST API is a ProblemDetails with its status, a type per kind, a title and a clear detail; and changes nothing.</summary>
public sealed class ProblemDetailsTests
{
    private NegotiationServerFactory _server = null!;
    private ApiSession _chair = null!;
    private ApiSession _greece = null!;
    private string _document = null!;
    private string _text = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = new NegotiationServerFactory(new Dictionary<string, string>
        {
            ["NegotiationApi:RequestsPerWindow"] = "100000",
            ["NegotiationApi:MaxBodyBytes"] = "4096",
        }).Started();
        _chair = ApiSession.As(_server, _server.Invites.Chair);
        _greece = ApiSession.As(_server, _server.Invites.Delegate("Greece"));
        _document = await _chair.TableAsync();
        _text = await _chair.TextAsync(_document);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _chair.Dispose();
        _greece.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task Malformed_JSON_is_a_400_that_says_so()
    {
        var problem = await ProblemAsync(await Raw(_greece, HttpMethod.Post, $"/api/documents/{_document}/amendments", "{\"kind\": \"replace\",", "application/json"),
            HttpStatusCode.BadRequest, "invalid");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("not valid JSON"));
    }

    [Test]
    public async Task An_unknown_field_is_a_400_naming_it()
    {
        var problem = await ProblemAsync(
            await Raw(_greece, HttpMethod.Put, $"/api/documents/{_document}/on-screen-drafting", "{\"mood\": \"closed\"}", "application/json"),
            HttpStatusCode.Forbidden, "forbidden");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("may not switch on-screen drafting"), "access is decided before the body is read");

        problem = await ProblemAsync(
            await Raw(_chair, HttpMethod.Put, $"/api/documents/{_document}/on-screen-drafting", "{\"mood\": \"closed\"}", "application/json"),
            HttpStatusCode.BadRequest, "invalid");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("mood"));
    }

    [Test]
    public async Task An_unknown_kind_of_amendment_is_a_400_listing_the_kinds()
    {
        var problem = await ProblemAsync(await _greece.PostAsync($"/api/documents/{_document}/amendments", new
        {
            kind = "rephrase",
            paragraph = "p-1",
            range = new { start = 0, end = 3 },
            originalText = _text[..3],
            proposedTexts = new[] { "x" },
        }), HttpStatusCode.BadRequest, "invalid");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("insert, delete, replace, alternatives, newParagraph, deleteParagraph"));
    }

    [Test]
    public async Task A_range_outside_the_text_is_a_400_giving_the_length()
    {
        var problem = await ProblemAsync(await _greece.PostAsync($"/api/documents/{_document}/amendments", new
        {
            kind = "insert",
            paragraph = "p-1",
            range = new { start = _text.Length + 5, end = _text.Length + 5 },
            proposedTexts = new[] { "x" },
        }), HttpStatusCode.BadRequest, "invalid");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"({_text.Length} characters)"));
    }

    [Test]
    public async Task A_body_that_is_not_JSON_is_a_415()
    {
        await ProblemAsync(await Raw(_chair, HttpMethod.Put, $"/api/documents/{_document}/on-screen-drafting", "mode=closed", "text/plain"),
            HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
    }

    [Test]
    public async Task A_body_over_the_limit_is_a_413_and_nothing_is_tabled()
    {
        var before = _server.Negotiation.Current;
        var problem = await ProblemAsync(await _chair.PostAsync("/api/documents", new
        {
            title = "A long text",
            symbol = ApiSession.FreshSymbol(),
            text = string.Join("\n\n", Enumerable.Repeat("A paragraph that is long enough to go over the limit of this server.", 100)),
        }), HttpStatusCode.RequestEntityTooLarge, "too-large");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("4096"));
        Assert.That(_server.Negotiation.Current, Is.SameAs(before));
    }

    [Test]
    public async Task A_text_that_is_not_a_draft_is_a_400_with_the_parser_message()
    {
        var problem = await ProblemAsync(await _chair.PostAsync("/api/documents", new { title = "Broken", symbol = ApiSession.FreshSymbol(), text = "---\nstatus: unknown\n---\n\nText." }),
            HttpStatusCode.BadRequest, "invalid");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("not a draft"));
    }

    [Test]
    public async Task An_unknown_document_is_a_404_and_a_malformed_id_a_400()
    {
        await ProblemAsync(await _greece.GetAsync($"/api/documents/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await _greece.GetAsync("/api/documents/CRP.1"), HttpStatusCode.BadRequest, "invalid");
        await ProblemAsync(await _greece.GetAsync($"/api/documents/{_document}/amendments/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await _greece.GetAsync($"/api/documents/{_document}/revisions/Rev.9"), HttpStatusCode.NotFound, "not-found");
    }

    [Test]
    public async Task A_path_or_method_the_API_does_not_have_is_a_problem_too()
    {
        await ProblemAsync(await _greece.GetAsync("/api/resolutions"), HttpStatusCode.NotFound, "not-found");
        await ProblemAsync(await _greece.Client.DeleteAsync($"/api/documents/{_document}"), HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Test]
    public async Task Proposing_on_words_the_span_does_not_hold_is_a_409_naming_them()
    {
        var start = _text.IndexOf("in accordance with", StringComparison.Ordinal);
        var before = _server.Negotiation.Current;
        var problem = await ProblemAsync(await _greece.PostAsync($"/api/documents/{_document}/amendments", new
        {
            kind = "replace",
            paragraph = "p-1",
            range = new { start, end = start + 18 },
            originalText = "in conformity with",
            proposedTexts = new[] { "bearing in mind" },
        }), HttpStatusCode.Conflict, "conflict");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("\"in conformity with\" now reads \"in accordance with\""));
        Assert.That(_server.Negotiation.Current, Is.SameAs(before));
    }

    [Test]
    public async Task Deciding_an_amendment_twice_is_a_409()
    {
        var amendment = await ApiSession.Expect(
            await _greece.PostAsync($"/api/documents/{_document}/amendments", ApiSession.Replacement(_text, "established rules", "rules")), HttpStatusCode.Created);
        var id = amendment["id"]!.GetValue<string>();
        await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{_document}/amendments/{id}/reject"), HttpStatusCode.OK);

        var problem = await ProblemAsync(await _chair.PostAsync($"/api/documents/{_document}/amendments/{id}/reject"), HttpStatusCode.Conflict, "conflict");
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("rejected"));
    }

    [Test]
    public async Task Without_a_token_the_answer_is_a_401_with_a_bearer_challenge()
    {
        using var stranger = ApiSession.As(_server, null);
        var response = await stranger.GetAsync("/api/documents");
        await ProblemAsync(response, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.That(response.Headers.WwwAuthenticate.ToString(), Is.EqualTo("Bearer"));
    }

    [Test]
    public async Task Too_many_requests_are_a_429_with_retry_after_and_other_tokens_are_not_slowed()
    {
        using var limited = new NegotiationServerFactory(new Dictionary<string, string>
        {
            ["NegotiationApi:RequestsPerWindow"] = "5",
            ["NegotiationApi:Window"] = "00:10:00",
        }).Started();
        using var observer = ApiSession.As(limited, limited.Invites.Observer);
        for (var i = 0; i < 5; i++)
        {
            await ApiSession.Expect(await observer.GetAsync("/api/me"), HttpStatusCode.OK);
        }

        var response = await observer.GetAsync("/api/me");
        await ProblemAsync(response, HttpStatusCode.TooManyRequests, "rate-limited");
        Assert.That(response.Headers.RetryAfter?.Delta?.TotalSeconds, Is.GreaterThan(0));

        using var chair = ApiSession.As(limited, limited.Invites.Chair);
        await ApiSession.Expect(await chair.GetAsync("/api/me"), HttpStatusCode.OK);
    }

    private static async Task<HttpResponseMessage> Raw(ApiSession session, HttpMethod method, string path, string body, string mediaType) =>
        await session.Client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) });

    /// <summary>Asserts the ProblemDetails shape and returns it.</summary>
    private static async Task<JsonNode> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var problem = await ApiSession.Expect(response, status);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem["status"]!.GetValue<int>(), Is.EqualTo((int)status));
            Assert.That(problem["type"]!.GetValue<string>(), Is.EqualTo("https://negotiation-editor.dev/problems/" + type));
            Assert.That(problem["title"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(problem["detail"]!.GetValue<string>(), Is.Not.Empty);
            Assert.That(problem["traceId"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
        });
        return problem;
    }
}
