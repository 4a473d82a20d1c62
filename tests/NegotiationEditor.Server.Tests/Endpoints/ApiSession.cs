using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>A participant's HTTP client on the REST API: the invite token as bearer, JSON in and out.</summary>
public sealed class ApiSession : IDisposable
{
    /// <summary>The seed's Iran text of 17:05, the one Greece amended ("in accordance with" / "bearing in mind").</summary>
    public static readonly string IranText = File.ReadAllText(Path.Combine(SampleFolder, "iran-text-1705.md"));

    private static int _symbols;

    private ApiSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static string SampleFolder
    {
        get
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

    public static ApiSession As(NegotiationServerFactory server, string? token)
    {
        var client = server.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return new ApiSession(client);
    }

    /// <summary>Waits until <paramref name="condition"/> holds (another connection's doing); false after 20 s, which only ends a hung test.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    /// <summary>Closes a /ws peer; the in-memory test server's socket may already be gone when the server closed it first.</summary>
    public static async Task LeaveAsync(WebsocketPeer? peer)
    {
        if (peer is null)
        {
            return;
        }

        try
        {
            await peer.DisposeAsync();
        }
        catch (ObjectDisposedException)
        {
            // Closed by the server side of the in-memory socket already.
        }
    }

    /// <summary>A document symbol no other test uses.</summary>
    public static string FreshSymbol() => $"E/CN.16/2010/CRP.{100 + Interlocked.Increment(ref _symbols)}";

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null) =>
        body is null ? Client.PostAsync(path, null) : Client.PostAsJsonAsync(path, body);

    public Task<HttpResponseMessage> PutAsync(string path, object body) => Client.PutAsJsonAsync(path, body);

    /// <summary>GETs JSON, asserting 200.</summary>
    public async Task<JsonNode> GetJsonAsync(string path) => await Expect(await GetAsync(path), HttpStatusCode.OK);

    /// <summary>Reads a response's JSON after asserting its status.</summary>
    public static async Task<JsonNode> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    /// <summary>The chair tables a fresh document holding <paramref name="text"/>; returns its id.</summary>
    public async Task<string> TableAsync(string? text = null)
    {
        var created = await Expect(
            await PostAsync("/api/documents", new { title = "Composition of the Working Group", symbol = FreshSymbol(), text = text ?? IranText }),
            HttpStatusCode.Created);
        return created["id"]!.GetValue<string>();
    }

    /// <summary>The id of a delegation, by name.</summary>
    public async Task<string> DelegationIdAsync(string name)
    {
        var delegations = (await GetJsonAsync("/api/delegations")).AsArray();
        return delegations.Single(d => d!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();
    }

    /// <summary>The live text of a document over REST.</summary>
    public async Task<string> TextAsync(string document) => (await GetJsonAsync($"/api/documents/{document}"))["text"]!.GetValue<string>();

    /// <summary>A replacement of the first <paramref name="original"/> in <paramref name="text"/> by <paramref name="proposed"/>, anchored by range.</summary>
    public static object Replacement(string text, string original, string proposed, string? proposedBy = null)
    {
        var start = text.IndexOf(original, StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0), $"'{original}' is in the text");
        return new
        {
            kind = "replace",
            paragraph = "p-1",
            range = new { start, end = start + original.Length },
            originalText = original,
            proposedTexts = new[] { proposed },
            proposedBy,
        };
    }

    public void Dispose() => Client.Dispose();
}
