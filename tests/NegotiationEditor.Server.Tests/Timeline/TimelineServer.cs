using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Crdt;
using NegotiationEditor.Crdt.Protocol;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Seeding;

namespace NegotiationEditor.Server.Tests.Timeline;

/// <summary>A clock the timeline tests move by hand, so that every stored edit and change has a known time.</summary>
public sealed class HandClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public DateTimeOffset Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
            return _now;
        }
    }
}

/// <summary>The server in memory on a real LiteDB data folder, its clock in the test's hand.</summary>
public sealed class TimelineServer : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Morning = new(2010, 12, 17, 9, 0, 0, TimeSpan.Zero);

    private readonly bool _ownsDataFolder;

    public TimelineServer(HandClock clock, string? dataFolder = null)
    {
        Clock = clock;
        _ownsDataFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "negotiation-timeline-" + Guid.NewGuid().ToString("N"));
    }

    public HandClock Clock { get; }

    public string DataFolder { get; }

    public LiveNegotiation Negotiation => Services.GetRequiredService<LiveNegotiation>();

    /// <summary>The token of a seeded participant (starting the server, which seeds, if needed).</summary>
    public string TokenOf(string role, string delegation = "")
    {
        _ = Server;
        var line = InvitesCsv.Read(Path.Combine(DataFolder, InvitesCsv.FileName)).Single(l => l.Role == role && l.Delegation == delegation);
        return InviteLink.TryParse(line.Url, out _, out var token) ? token.Value : throw new FormatException(line.Url);
    }

    public TimelineApi As(string role, string delegation = "") => WithToken(TokenOf(role, delegation));

    public TimelineApi WithToken(string token)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new TimelineApi(client);
    }

    public Task<Typist> TypistAsync(string role, string document, string delegation = "") => Typist.JoinAsync(Server, TokenOf(role, delegation), document);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataFolder);
        builder.UseEnvironment("Development");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataFolder)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a stopping host: the temporary folder stays behind.
            }
        }
    }
}

/// <summary>A participant's REST client: JSON in and out, statuses asserted where asked.</summary>
public sealed class TimelineApi(HttpClient client) : IDisposable
{
    public HttpClient Client { get; } = client;

    public Task<HttpResponseMessage> GetAsync(string path) => Client.GetAsync(path);

    public async Task<JsonNode> GetJsonAsync(string path) => await ExpectAsync(await Client.GetAsync(path), HttpStatusCode.OK);

    public async Task<JsonNode> PostJsonAsync(string path, object? body, HttpStatusCode status = HttpStatusCode.OK) =>
        await ExpectAsync(body is null ? await Client.PostAsync(path, null) : await Client.PostAsJsonAsync(path, body), status);

    public async Task<JsonNode> PutJsonAsync(string path, object body) => await ExpectAsync(await Client.PutAsJsonAsync(path, body), HttpStatusCode.OK);

    public Task<JsonNode> AtAsync(string document, DateTimeOffset time) =>
        GetJsonAsync($"/api/documents/{document}/at?time={Uri.EscapeDataString(time.ToString("O"))}");

    public async Task<string> DelegationIdAsync(string name) =>
        (await GetJsonAsync("/api/delegations")).AsArray().Single(d => d!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<string>();

    public static async Task<JsonNode> ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {body}");
        return JsonNode.Parse(body.Length == 0 ? "null" : body) ?? new JsonObject();
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Someone typing in a document through the hub, as the web client does: a local CRDT kept in sync with the room. Every
/// keystroke is one update sent on its own; the hub invocation returns once the server has stored it.
/// </summary>
public sealed class Typist : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly HubConnection _connection;
    private readonly string _document;
    private readonly YDoc _doc = new();
    private readonly List<byte[]> _outgoing = [];
    private bool _synced;

    private Typist(HubConnection connection, string document)
    {
        _connection = connection;
        _document = document;
        _doc.Updated += (_, args) =>
        {
            if (!ReferenceEquals(args.Origin, this))
            {
                _outgoing.Add(new WebsocketSyncMessage(SyncMessage.Update(args.Update)).ToArray());
            }
        };
        _connection.On<string, byte[]>("Receive", async (id, frame) =>
        {
            if (id != _document)
            {
                return;
            }

            byte[]? answer = null;
            lock (_gate)
            {
                switch (WebsocketMessage.Read(frame))
                {
                    case WebsocketSyncMessage { Sync.Type: SyncMessageType.SyncStep1 } step:
                        answer = new WebsocketSyncMessage(SyncMessage.SyncStep2(Y.EncodeStateAsUpdate(_doc, step.Sync.Payload.ToArray()))).ToArray();
                        break;
                    case WebsocketSyncMessage sync:
                        Y.ApplyUpdate(_doc, sync.Sync.Payload.ToArray(), this);
                        _synced |= sync.Sync.Type == SyncMessageType.SyncStep2;
                        break;
                }
            }

            if (answer is not null)
            {
                await _connection.SendAsync("Send", _document, answer);
            }
        });
    }

    /// <summary>The text as this client sees it.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return _doc.GetText(LiveText.RootName).ToString();
            }
        }
    }

    public static async Task<Typist> JoinAsync(TestServer server, string token, string document)
    {
        var url = new Uri(server.BaseAddress, "hubs/collab?access_token=" + Uri.EscapeDataString(token));
        var connection = new HubConnectionBuilder().WithUrl(url, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.HttpMessageHandlerFactory = _ => server.CreateHandler();
            options.WebSocketFactory = async (context, cancellation) => await server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellation);
        }).Build();
        var typist = new Typist(connection, document);
        await connection.StartAsync();
        await connection.InvokeAsync("Join", document);
        byte[] stepOne;
        lock (typist._gate)
        {
            stepOne = new WebsocketSyncMessage(SyncMessage.SyncStep1(Y.EncodeStateVector(typist._doc))).ToArray();
        }
        await connection.InvokeAsync("Send", document, stepOne);
        Assert.That(await SeesAsync(() => typist.Synced), Is.True, "the server's sync step 2 arrived");
        return typist;
    }

    /// <summary>Types <paramref name="words"/> at <paramref name="index"/> one character at a time, the clock moving
    /// <paramref name="pause"/> between keystrokes.</summary>
    public async Task TypeAsync(int index, string words, HandClock clock, TimeSpan pause)
    {
        for (var i = 0; i < words.Length; i++)
        {
            clock.Advance(pause);
            await SendAsync(t => t.Insert(index + i, words[i].ToString()));
        }
    }

    /// <summary>Deletes <paramref name="length"/> characters at <paramref name="index"/> in one keystroke.</summary>
    public Task DeleteAsync(int index, int length) => SendAsync(t => t.Delete(index, length));

    /// <summary>Waits until this client's text satisfies <paramref name="condition"/> (another connection's doing).</summary>
    public Task<bool> SeesAsync(Func<string, bool> condition) => SeesAsync(() => condition(Text));

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private bool Synced
    {
        get
        {
            lock (_gate)
            {
                return _synced;
            }
        }
    }

    private async Task SendAsync(Action<YText> edit)
    {
        List<byte[]> frames;
        lock (_gate)
        {
            _outgoing.Clear();
            _doc.Transact(_ => edit(_doc.GetText(LiveText.RootName)));
            frames = [.. _outgoing];
            _outgoing.Clear();
        }

        foreach (var frame in frames)
        {
            await _connection.InvokeAsync("Send", _document, frame);
        }
    }

    // Only ends a hung test: not a timing assertion.
    private static async Task<bool> SeesAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
