using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NegotiationEditor.Web.Tests.Support;

/// <summary>
/// One participant acting over the REST API with their invite token, as a script of the session does it: propose,
/// take positions, circulate, accept. Every refusal fails the test with the server's ProblemDetails.
/// </summary>
public sealed class RestParticipant : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>A participant of the server, signed in with their invite.</summary>
    public RestParticipant(ServerProcess server, Invite invite)
    {
        _http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", invite.Token);
    }

    /// <summary>The id of the negotiation's first (seeded) document.</summary>
    public async Task<string> FirstDocumentAsync() => (await GetAsync("api/documents"))![0]!["id"]!.GetValue<string>();

    /// <summary>The id of a delegation by its name.</summary>
    public async Task<string> DelegationAsync(string name) =>
        (await GetAsync("api/delegations"))!.AsArray().First(d => d!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    /// <summary>The live text of a document as the server holds it now.</summary>
    public async Task<string> LiveTextAsync(string document) => (await GetAsync($"api/documents/{document}"))!["text"]!.GetValue<string>();

    /// <summary>Proposes replacing the first occurrence of <paramref name="words"/> in the live text; returns the amendment's id.</summary>
    public async Task<string> ProposeReplacementAsync(string document, string words, string proposed)
    {
        var text = await LiveTextAsync(document);
        var start = text.IndexOf(words, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"the live text lacks \"{words}\"");
        var amendment = await SendAsync(HttpMethod.Post, $"api/documents/{document}/amendments", new
        {
            kind = "replace",
            range = new { start, end = start + words.Length },
            originalText = words,
            proposedTexts = new[] { proposed },
            coSponsors = Array.Empty<string>(),
            justification = "",
        });
        return amendment!["id"]!.GetValue<string>();
    }

    /// <summary>Takes the position of this participant's delegation on an amendment.</summary>
    public Task TakePositionAsync(string document, string amendment, string delegation, string position) =>
        SendAsync(HttpMethod.Put, $"api/documents/{document}/amendments/{amendment}/positions/{delegation}", new { position, note = "" });

    /// <summary>Circulates the next revision (chair, secretariat).</summary>
    public Task CirculateAsync(string document) => SendAsync(HttpMethod.Post, $"api/documents/{document}/revisions", null);

    /// <summary>Accepts an amendment (chair): the server changes the text.</summary>
    public Task AcceptAsync(string document, string amendment) => SendAsync(HttpMethod.Post, $"api/documents/{document}/amendments/{amendment}/accept", null);

    /// <summary>GET of a JSON answer.</summary>
    public async Task<JsonNode?> GetAsync(string path)
    {
        using var answer = await _http.GetAsync(path);
        return await ReadAsync(answer, $"GET {path}");
    }

    private async Task<JsonNode?> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var answer = await _http.SendAsync(request);
        return await ReadAsync(answer, $"{method} {path}");
    }

    private static async Task<JsonNode?> ReadAsync(HttpResponseMessage answer, string what)
    {
        var content = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.IsSuccessStatusCode, Is.True, $"{what} was answered {(int)answer.StatusCode}: {content}");
        return content.Length == 0 ? null : JsonNode.Parse(content);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
