using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Amendments;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage.Postgres;
using Npgsql;

namespace NegotiationEditor.Scaleout.Tests.Nodes;

/// <summary>
/// A real node on PostgreSQL: the text a chair's change makes (an accepted amendment, a tabled document) and the
/// negotiation state that records it are stored in one transaction, so a failure between the two stores neither.
/// The failure is PostgreSQL's own: a trigger that refuses to save the negotiation while it is switched on.
/// </summary>
[NonParallelizable]
public sealed class ChairChangeStoreTests
{
    private const string Text = "The Working Group shall be composed of members in accordance with the rules of procedure.";

    private string _database = "";
    private ServerProcess? _node;
    private SeededInvites _invites = null!;

    [OneTimeSetUp]
    public async Task StartNode()
    {
        _database = SharedServices.NewDatabase();
        _node = await ServerProcess.StartAsync(ServerOptions.Node(SharedServices.Redis, _database));
        _invites = _node.Invites;
        using var source = NpgsqlDataSource.Create(_database);
        using var create = source.CreateCommand("""
            CREATE TABLE failing_saves (reason text NOT NULL);
            CREATE FUNCTION refuse_negotiation() RETURNS trigger AS $$
            BEGIN
                IF EXISTS (SELECT 1 FROM failing_saves) THEN
                    RAISE EXCEPTION 'the negotiation cannot be saved now';
                END IF;
                RETURN NEW;
            END $$ LANGUAGE plpgsql;
            CREATE TRIGGER refuse_negotiation BEFORE INSERT OR UPDATE ON negotiation FOR EACH ROW EXECUTE FUNCTION refuse_negotiation();
            """);
        create.ExecuteNonQuery();
    }

    [OneTimeTearDown]
    public void StopNode() => _node?.Dispose();

    [Test]
    public async Task An_acceptance_whose_state_cannot_be_saved_stores_neither_the_text_nor_the_state()
    {
        using var chair = Api(_invites.Chair.Token);
        using var greece = Api(_invites.Delegate("Greece").Token);
        var document = await TableAsync(chair, "E/CN.16/2010/CRP.301");
        var amendment = await ProposeAsync(greece, document);
        var updatesBefore = StoredUpdates(document);

        await using (FailingSaves())
        {
            var refused = await chair.PostAsync($"api/documents/{document}/amendments/{amendment}/accept", null);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await refused.Content.ReadAsStringAsync());
        }

        Assert.That(StoredUpdates(document), Has.Count.EqualTo(updatesBefore.Count), "PostgreSQL holds no update of the refused acceptance");
        Assert.That(StoredStatus(document, amendment), Is.EqualTo(AmendmentStatus.Proposed));
        Assert.That(await TextAsync(chair, document), Is.EqualTo(Text), "the node's text is unchanged");
        Assert.That(await StatusAsync(chair, document, amendment), Is.EqualTo("proposed"));

        var accepted = await chair.PostAsync($"api/documents/{document}/amendments/{amendment}/accept", null);
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
        var expected = Text.Replace("in accordance with", "bearing in mind", StringComparison.Ordinal);
        Assert.That(StoredText(document), Is.EqualTo(expected), "PostgreSQL holds the accepted text");
        Assert.That(StoredStatus(document, amendment), Is.EqualTo(AmendmentStatus.Accepted), "and the state that records the acceptance");
        Assert.That(await TextAsync(chair, document), Is.EqualTo(expected));
    }

    [Test]
    public async Task A_tabling_whose_state_cannot_be_saved_leaves_no_document_and_no_text()
    {
        using var chair = Api(_invites.Chair.Token);
        const string symbol = "E/CN.16/2010/CRP.302";
        var documentsWithText = DocumentsWithStoredText();

        await using (FailingSaves())
        {
            var refused = await chair.PostAsJsonAsync("api/documents", new { title = "Composition of the Working Group", symbol, text = Text });
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await refused.Content.ReadAsStringAsync());
            Assert.That((await refused.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>(),
                Does.Contain($"the text of {symbol} could not be stored"));
        }

        Assert.That(DocumentsWithStoredText(), Is.EquivalentTo(documentsWithText), "PostgreSQL holds no text of the refused document");
        using (var storage = new PostgresStorage(_database))
        {
            Assert.That(storage.Load()!.Documents.Select(d => d.Symbol), Does.Not.Contain(symbol));
        }
        var listed = (await chair.GetFromJsonAsync<JsonArray>("api/documents"))!.Select(d => d!["symbol"]!.GetValue<string>());
        Assert.That(listed, Does.Not.Contain(symbol));

        var document = await TableAsync(chair, symbol);
        Assert.That(StoredText(document), Is.EqualTo(Text), "PostgreSQL holds the tabled text");
        Assert.That(await TextAsync(chair, document), Is.EqualTo(Text));
    }

    private HttpClient Api(string token)
    {
        var client = new HttpClient { BaseAddress = _node!.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> TableAsync(HttpClient chair, string symbol)
    {
        var response = await chair.PostAsJsonAsync("api/documents", new { title = "Composition of the Working Group", symbol, text = Text });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<string> ProposeAsync(HttpClient delegation, string document)
    {
        const string original = "in accordance with";
        var start = Text.IndexOf(original, StringComparison.Ordinal);
        var response = await delegation.PostAsJsonAsync($"api/documents/{document}/amendments", new
        {
            kind = "replace",
            range = new { start, end = start + original.Length },
            originalText = original,
            proposedTexts = new[] { "bearing in mind" },
        });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
    }

    private static async Task<string> TextAsync(HttpClient api, string document) =>
        (await api.GetFromJsonAsync<JsonObject>($"api/documents/{document}"))!["text"]!.GetValue<string>();

    private static async Task<string> StatusAsync(HttpClient api, string document, string amendment) =>
        (await api.GetFromJsonAsync<JsonObject>($"api/documents/{document}/amendments/{amendment}"))!["status"]!.GetValue<string>();

    private IReadOnlyList<byte[]> StoredUpdates(string document)
    {
        using var storage = new PostgresStorage(_database);
        return storage.Read(new DocumentId(Guid.Parse(document)));
    }

    private string StoredText(string document)
    {
        var stored = new YDoc();
        foreach (var update in StoredUpdates(document))
        {
            Y.ApplyUpdate(stored, update);
        }
        return stored.GetText(LiveText.RootName).ToString();
    }

    private AmendmentStatus StoredStatus(string document, string amendment)
    {
        using var storage = new PostgresStorage(_database);
        return storage.Load()!.FindDocument(new DocumentId(Guid.Parse(document)))!.Amendments.Single(a => a.Id.ToString() == amendment).Status;
    }

    private List<string> DocumentsWithStoredText()
    {
        using var source = NpgsqlDataSource.Create(_database);
        using var select = source.CreateCommand("SELECT DISTINCT document FROM document_updates");
        using var reader = select.ExecuteReader();
        var documents = new List<string>();
        while (reader.Read())
        {
            documents.Add(reader.GetString(0));
        }
        return documents;
    }

    // Switches the trigger on until disposed.
    private FailingSwitch FailingSaves()
    {
        var source = NpgsqlDataSource.Create(_database);
        using (var on = source.CreateCommand("INSERT INTO failing_saves (reason) VALUES ('a test')"))
        {
            on.ExecuteNonQuery();
        }
        return new FailingSwitch(source);
    }

    private sealed class FailingSwitch(NpgsqlDataSource source) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var off = source.CreateCommand("DELETE FROM failing_saves"))
            {
                await off.ExecuteNonQueryAsync();
            }
            await source.DisposeAsync();
        }
    }
}
