using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.Tests.Endpoints;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>
/// Accepting an amendment changes the text and the amendment's status together: the text's update is stored first
/// (with the new negotiation state, in one LiteDB transaction), and nothing changes when that store fails.
/// </summary>
public sealed class AcceptanceStoreTests
{
    [Test]
    public async Task An_acceptance_whose_text_could_not_be_stored_changes_neither_the_text_nor_the_amendment()
    {
        GatedUpdateLog log = null!;
        using var server = new NegotiationServerFactory(services: services => services.AddSingleton<IDocumentUpdateLog>(provider =>
        {
            log = new GatedUpdateLog(provider.GetRequiredService<LiteDbStorage>());
            return log;
        })).Started();
        var (chair, document, amendment) = await ProposeAsync(server);
        var text = await chair.TextAsync(document);

        log.Failing = true;
        var refused = await chair.PostAsync($"/api/documents/{document}/amendments/{amendment}/accept");

        var problem = await ApiSession.Expect(refused, HttpStatusCode.ServiceUnavailable);
        Assert.That(problem["type"]!.GetValue<string>(), Does.EndWith("/unavailable"));
        Assert.That(problem["detail"]!.GetValue<string>(), Does.Contain("could not be stored"));
        log.Failing = false;
        Assert.That(await chair.TextAsync(document), Is.EqualTo(text));
        Assert.That(await StatusAsync(chair, document, amendment), Is.EqualTo("proposed"));
        Assert.That(server.Negotiation.Current.History.Select(entry => entry.Event.ToString()), Does.Not.Contain("AmendmentAccepted"));

        await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/amendments/{amendment}/accept"), HttpStatusCode.OK);
        Assert.That(await chair.TextAsync(document), Does.Contain("bearing in mind").And.Not.Contain("in accordance with"));
        Assert.That(await StatusAsync(chair, document, amendment), Is.EqualTo("accepted"));
        chair.Dispose();
    }

    [Test]
    public async Task An_acceptance_whose_state_could_not_be_saved_after_its_text_was_stored_is_whole_now_and_after_a_restart()
    {
        FailingNegotiationStore store = null!;
        string copy, document, amendment, text;
        using (var server = new NegotiationServerFactory(services: services => services.AddSingleton<INegotiationStore>(provider =>
        {
            store = new FailingNegotiationStore(provider.GetRequiredService<LiteDbStorage>());
            return store;
        })).Started())
        {
            (var chair, document, amendment) = await ProposeAsync(server);

            store.Failing = true;
            await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/amendments/{amendment}/accept"), HttpStatusCode.OK);

            text = await chair.TextAsync(document);
            Assert.That(text, Does.Contain("bearing in mind").And.Not.Contain("in accordance with"));
            Assert.That(await StatusAsync(chair, document, amendment), Is.EqualTo("accepted"));
            copy = server.CopyOfDataFolder();
            chair.Dispose();
        }

        using var restarted = new NegotiationServerFactory(dataFolder: copy).Started();
        using var reader = ApiSession.As(restarted, restarted.Invites.Observer);
        Assert.That(await reader.TextAsync(document), Is.EqualTo(text));
        Assert.That(await StatusAsync(reader, document, amendment), Is.EqualTo("accepted"));
    }

    private static async Task<(ApiSession Chair, string Document, string Amendment)> ProposeAsync(NegotiationServerFactory server)
    {
        var chair = ApiSession.As(server, server.Invites.Chair);
        using var greece = ApiSession.As(server, server.Invites.Delegate("Greece"));
        var document = await chair.TableAsync();
        var original = await chair.TextAsync(document);
        var amendment = (await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments",
            ApiSession.Replacement(original, "in accordance with", "bearing in mind")), HttpStatusCode.Created))["id"]!.GetValue<string>();
        return (chair, document, amendment);
    }

    private static async Task<string> StatusAsync(ApiSession session, string document, string amendment) =>
        (await session.GetJsonAsync($"/api/documents/{document}/amendments/{amendment}"))["status"]!.GetValue<string>();
}
