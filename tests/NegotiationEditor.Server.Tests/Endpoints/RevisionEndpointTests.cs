using System.Net;
using System.Text.Json.Nodes;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>Revisions over REST: circulated as immutable Rev.N, read by label, number or id, printed and compared in every format.</summary>
public sealed class RevisionEndpointTests
{
    private const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private NegotiationServerFactory _server = null!;
    private ApiSession _chair = null!;
    private ApiSession _secretariat = null!;
    private string _document = null!;
    private string _symbol = null!;
    private JsonNode _rev1 = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _server = new NegotiationServerFactory(new Dictionary<string, string> { ["NegotiationApi:RequestsPerWindow"] = "100000" }).Started();
        _chair = ApiSession.As(_server, _server.Invites.Chair);
        _secretariat = ApiSession.As(_server, _server.Invites.Secretariat);
        _document = await _chair.TableAsync();
        _symbol = (await _chair.GetJsonAsync($"/api/documents/{_document}"))["symbol"]!.GetValue<string>();
        _rev1 = await ApiSession.Expect(await _secretariat.PostAsync($"/api/documents/{_document}/revisions"), HttpStatusCode.Created);

        using var greece = ApiSession.As(_server, _server.Invites.Delegate("Greece"));
        var text = await _chair.TextAsync(_document);
        var amendment = await ApiSession.Expect(
            await greece.PostAsync($"/api/documents/{_document}/amendments", ApiSession.Replacement(text, "in accordance with", "bearing in mind")),
            HttpStatusCode.Created);
        await ApiSession.Expect(await _chair.PostAsync($"/api/documents/{_document}/amendments/{amendment["id"]}/accept"), HttpStatusCode.OK);
        await ApiSession.Expect(await _secretariat.PostAsync($"/api/documents/{_document}/revisions"), HttpStatusCode.Created);
    }

    [OneTimeTearDown]
    public void Stop()
    {
        _chair.Dispose();
        _secretariat.Dispose();
        _server.Dispose();
    }

    [Test]
    public async Task Revisions_are_numbered_and_read_alike_by_label_number_and_id()
    {
        var list = (await _chair.GetJsonAsync($"/api/documents/{_document}/revisions")).AsArray();
        Assert.That(list.Select(r => r!["label"]!.GetValue<string>()), Is.EqualTo(new[] { "Rev.1", "Rev.2" }));
        Assert.That(list.Select(r => r!["symbol"]!.GetValue<string>()), Is.EqualTo(new[] { _symbol + "/Rev.1", _symbol + "/Rev.2" }));

        foreach (var name in new[] { "Rev.1", "1", "rev.1", _rev1["id"]!.GetValue<string>() })
        {
            var revision = await _chair.GetJsonAsync($"/api/documents/{_document}/revisions/{name}");
            Assert.That(revision.ToJsonString(), Is.EqualTo(_rev1.ToJsonString()), name);
        }
    }

    [Test]
    public async Task A_circulated_revision_does_not_change_when_the_text_does()
    {
        var rev1 = await _chair.GetJsonAsync($"/api/documents/{_document}/revisions/Rev.1");
        Assert.Multiple(async () =>
        {
            Assert.That(rev1["text"]!.GetValue<string>(), Does.Contain("in accordance with"));
            Assert.That(await _chair.TextAsync(_document), Does.Contain("bearing in mind").And.Not.Contain("in accordance with"));
        });
    }

    [Test]
    public async Task Printing_a_revision_gives_html_docx_and_pdf_with_its_symbol()
    {
        var html = await _chair.GetAsync($"/api/documents/{_document}/revisions/Rev.2/print?format=html");
        var page = await html.Content.ReadAsStringAsync();
        Assert.That(html.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
        Assert.That(html.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(page, Does.Contain(_symbol + "/Rev.2").And.Contain("bearing in mind"));

        var docx = await _chair.GetAsync($"/api/documents/{_document}/revisions/Rev.1/print?format=docx");
        Assert.That(docx.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(docx.Content.Headers.ContentType?.MediaType, Is.EqualTo(DocxType));
        var bytes = await docx.Content.ReadAsByteArrayAsync();
        Assert.That(bytes[..2], Is.EqualTo("PK"u8.ToArray()), "a DOCX is a zip package");

        var pdf = await _chair.GetAsync($"/api/documents/{_document}/revisions/Rev.1/print?format=pdf");
        if (File.Exists("/usr/bin/chromium"))
        {
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK), await pdf.Content.ReadAsStringAsync());
            Assert.That((await pdf.Content.ReadAsByteArrayAsync())[..5], Is.EqualTo("%PDF-"u8.ToArray()));
        }
        else
        {
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        }

        var unknown = await ApiSession.Expect(await _chair.GetAsync($"/api/documents/{_document}/revisions/Rev.1/print?format=odt"), HttpStatusCode.BadRequest);
        Assert.That(unknown["detail"]!.GetValue<string>(), Does.Contain("html, docx or pdf"));
    }

    [Test]
    public async Task Comparing_two_revisions_shows_the_accepted_change_in_every_format()
    {
        var path = $"/api/documents/{_document}/compare?from=Rev.1&to=Rev.2";
        var text = await (await _chair.GetAsync(path)).Content.ReadAsStringAsync();
        Assert.That(text, Does.Contain("[-in accordance with-]").And.Contain("{+bearing in mind+}"));
        Assert.That(text, Does.StartWith($"--- {_symbol}/Rev.1 (").And.Contain($"\n+++ {_symbol}/Rev.2 ("), "headed by the revisions compared");

        var json = JsonNode.Parse(await (await _chair.GetAsync(path + "&format=json")).Content.ReadAsStringAsync())!;
        Assert.That(json["format"]!.GetValue<string>(), Is.EqualTo("negotiation-editor/redline"));
        Assert.That(json.ToJsonString(), Does.Contain("bearing in mind"));

        var sideBySide = await _chair.GetAsync(path + "&format=html&view=side-by-side");
        Assert.That(sideBySide.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        Assert.That(await sideBySide.Content.ReadAsStringAsync(), Does.Contain("Rev.1 compared with Rev.2"));

        var docx = await _chair.GetAsync(path + "&format=docx");
        Assert.That(docx.Content.Headers.ContentType?.MediaType, Is.EqualTo(DocxType));
    }

    [Test]
    public async Task The_compare_page_labels_its_columns_by_the_revisions_compared_with_their_symbol_beneath()
    {
        var revisions = await (await _chair.GetAsync($"/api/documents/{_document}/compare?from=Rev.1&to=Rev.2&format=html&view=side-by-side")).Content.ReadAsStringAsync();
        var live = await (await _chair.GetAsync($"/api/documents/{_document}/compare?from=Rev.2&to=live&format=html&view=side-by-side")).Content.ReadAsStringAsync();
        var inline = await (await _chair.GetAsync($"/api/documents/{_document}/compare?from=Rev.1&format=html")).Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(revisions, Does.Contain($"<th>Rev.1 ({_symbol}/Rev.1, ").And.Contain($"<th>Rev.2 ({_symbol}/Rev.2, "));
            Assert.That(live, Does.Contain($"<th>Rev.2 ({_symbol}/Rev.2, ").And.Contain($"<th>live text ({_symbol})</th>"));
            Assert.That(inline, Does.Contain($"Old: Rev.1 ({_symbol}/Rev.1, ").And.Contain($"New: live text ({_symbol})"));
        });
    }

    [Test]
    public async Task Comparing_the_last_revision_with_the_live_text_shows_no_change()
    {
        var text = await (await _chair.GetAsync($"/api/documents/{_document}/compare?from=Rev.2")).Content.ReadAsStringAsync();
        Assert.That(text, Does.Not.Contain("[-").And.Not.Contain("{+"));
        Assert.That(text, Does.Contain($"+++ {_symbol} (live text)"));
    }

    [Test]
    public async Task A_compare_request_the_server_cannot_answer_says_why()
    {
        var noFrom = await ApiSession.Expect(await _chair.GetAsync($"/api/documents/{_document}/compare"), HttpStatusCode.BadRequest);
        Assert.That(noFrom["detail"]!.GetValue<string>(), Does.Contain("from=Rev.N"));
        var textSideBySide = await ApiSession.Expect(await _chair.GetAsync($"/api/documents/{_document}/compare?from=Rev.1&view=side-by-side"), HttpStatusCode.BadRequest);
        Assert.That(textSideBySide["detail"]!.GetValue<string>(), Does.Contain("inline only"));
        await ApiSession.Expect(await _chair.GetAsync($"/api/documents/{_document}/compare?from=Rev.7"), HttpStatusCode.NotFound);
        await ApiSession.Expect(await _chair.GetAsync($"/api/documents/{_document}/compare?from=Rev.1&format=pdf"), HttpStatusCode.BadRequest);
    }
}
