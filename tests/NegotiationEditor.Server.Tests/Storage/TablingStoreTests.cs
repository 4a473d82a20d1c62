using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Tests.Endpoints;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>
/// Tabling a document stores its first text together with the negotiation state that lists it (one LiteDB
/// transaction): the file never holds a tabled document without its text, and a failed store tables nothing.
/// </summary>
public sealed class TablingStoreTests
{
    private const string Title = "Composition of the Working Group";

    [Test]
    public async Task A_tabling_whose_text_could_not_be_stored_is_refused_and_leaves_no_document()
    {
        GatedUpdateLog log = null!;
        using var server = new NegotiationServerFactory(services: services => services.AddSingleton<IDocumentUpdateLog>(provider =>
        {
            log = new GatedUpdateLog(provider.GetRequiredService<LiteDbStorage>());
            return log;
        })).Started();
        using var chair = ApiSession.As(server, server.Invites.Chair);
        var symbol = ApiSession.FreshSymbol();

        log.Failing = true;
        var refused = await chair.PostAsync("/api/documents", new { title = Title, symbol, text = ApiSession.IranText });

        var problem = await ApiSession.Expect(refused, HttpStatusCode.ServiceUnavailable);
        Assert.That(problem["type"]!.GetValue<string>(), Does.EndWith("/unavailable"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain($"the text of {symbol} could not be stored"));
        log.Failing = false;
        var listed = (await chair.GetJsonAsync("/api/documents")).AsArray().Select(d => d!["symbol"]!.GetValue<string>());
        Assert.That(listed, Does.Not.Contain(symbol));
        Assert.That(server.Negotiation.Current.History.Where(e => e.Event == HistoryEvent.DocumentTabled).Select(e => e.Description), Has.None.Contains(symbol));
        Assert.That(server.Services.GetRequiredService<LiteDbStorage>().Load()!.Documents.Select(d => d.Symbol), Does.Not.Contain(symbol),
            "the file does not list the document either");

        var tabled = await ApiSession.Expect(
            await chair.PostAsync("/api/documents", new { title = Title, symbol, text = ApiSession.IranText }), HttpStatusCode.Created);
        Assert.That(await chair.TextAsync(tabled["id"]!.GetValue<string>()), Is.EqualTo(ApiSession.IranText));
    }

    [Test]
    public async Task A_tabled_document_is_in_the_file_with_its_text_when_the_tabling_is_answered()
    {
        using var server = new NegotiationServerFactory().Started();
        using var chair = ApiSession.As(server, server.Invites.Chair);

        var document = await chair.TableAsync();

        var file = server.Services.GetRequiredService<LiteDbStorage>();
        var listed = file.Load()!.Documents.Single(d => d.Id.ToString() == document);
        Assert.That(TextOf(file.Read(listed.Id)), Is.EqualTo(ApiSession.IranText));
    }

    [Test]
    public async Task A_tabling_whose_state_could_not_be_saved_after_its_text_was_stored_is_whole_now_and_after_a_restart()
    {
        FailingNegotiationStore store = null!;
        string copy, document;
        using (var server = new NegotiationServerFactory(services: services => services.AddSingleton<INegotiationStore>(provider =>
        {
            store = new FailingNegotiationStore(provider.GetRequiredService<LiteDbStorage>());
            return store;
        })).Started())
        {
            using var chair = ApiSession.As(server, server.Invites.Chair);

            store.Failing = true;
            document = await chair.TableAsync();

            Assert.That(await chair.TextAsync(document), Is.EqualTo(ApiSession.IranText));
            copy = server.CopyOfDataFolder();
        }

        using var restarted = new NegotiationServerFactory(dataFolder: copy).Started();
        using var reader = ApiSession.As(restarted, restarted.Invites.Observer);
        Assert.That(await reader.TextAsync(document), Is.EqualTo(ApiSession.IranText));
    }

    private static string TextOf(IReadOnlyList<byte[]> updates)
    {
        var document = new YDoc();
        foreach (var update in updates)
        {
            Y.ApplyUpdate(document, update);
        }
        return document.GetText(LiveText.RootName).ToString();
    }
}
