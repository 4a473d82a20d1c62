using System.Net;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>The workflow's state lives in the data folder: a server started on it finds amendments, positions,
/// revisions and the accepted text as they were.</summary>
public sealed class WorkflowPersistenceTests
{
    [Test]
    public async Task Amendments_positions_revisions_and_the_accepted_text_survive_a_restart()
    {
        string copy;
        string document, amendment, text, ledger;
        using (var first = new NegotiationServerFactory().Started())
        {
            using var chair = ApiSession.As(first, first.Invites.Chair);
            using var greece = ApiSession.As(first, first.Invites.Delegate("Greece"));
            using var iran = ApiSession.As(first, first.Invites.Delegate("Iran"));
            document = await chair.TableAsync();
            var original = await chair.TextAsync(document);
            amendment = (await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments",
                ApiSession.Replacement(original, "in accordance with", "bearing in mind")), HttpStatusCode.Created))["id"]!.GetValue<string>();
            var second = (await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments",
                ApiSession.Replacement(original, "established rules", "rules")), HttpStatusCode.Created))["id"]!.GetValue<string>();
            await ApiSession.Expect(await iran.PutAsync($"/api/documents/{document}/amendments/{second}/positions/{await iran.DelegationIdAsync("Iran")}",
                new { position = "reserves" }), HttpStatusCode.OK);
            await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/revisions"), HttpStatusCode.Created);
            await ApiSession.Expect(await chair.PostAsync($"/api/documents/{document}/amendments/{amendment}/accept"), HttpStatusCode.OK);
            text = await chair.TextAsync(document);
            ledger = (await chair.GetJsonAsync($"/api/documents/{document}/amendments/{second}"))["ledger"]!.GetValue<string>();
            amendment = second;

            // Every change is written through before it is answered: a copy of the folder now is what a restart finds.
            copy = Path.Combine(Path.GetTempPath(), "negotiation-tests-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(copy);
            foreach (var file in Directory.GetFiles(first.DataFolder))
            {
                using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var target = File.Create(Path.Combine(copy, Path.GetFileName(file)));
                await source.CopyToAsync(target);
            }
        }

        using var restarted = new NegotiationServerFactory(dataFolder: copy).Started();
        using var reader = ApiSession.As(restarted, restarted.Invites.Observer);
        Assert.Multiple(async () =>
        {
            Assert.That(await reader.TextAsync(document), Is.EqualTo(text));
            Assert.That((await reader.GetJsonAsync($"/api/documents/{document}/amendments/{amendment}"))["ledger"]!.GetValue<string>(), Is.EqualTo(ledger));
            Assert.That((await reader.GetJsonAsync($"/api/documents/{document}/revisions")).AsArray(), Has.Count.EqualTo(1));
            Assert.That((await reader.GetJsonAsync($"/api/documents/{document}/amendments")).AsArray().Select(a => a!["status"]!.GetValue<string>()),
                Is.EqualTo(new[] { "accepted", "proposed" }));
        });
    }
}
