using NegotiationEditor.Client.Live;
using NegotiationEditor.Client.Tests.Support;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Client.Tests.Live;

/// <summary>A live document whose server process is killed and started again: it reconnects and syncs both ways.</summary>
[TestFixture]
[NonParallelizable]
public sealed class ReconnectionTests
{
    [Test]
    public async Task An_edit_made_while_the_server_was_down_reaches_it_after_the_reconnection()
    {
        using var server = await ServerProcess.StartAsync(new ServerOptions { RequestsPerWindow = 100_000 });
        using var api = new NegotiationApi(InviteBook.Of(server).Chair);
        var document = (await api.ListDocumentsAsync())[0].Id;
        await using var live = await LiveDocument.ConnectAsync(InviteBook.Of(server).Chair, document);
        live.Edit(text => text.Insert(0, "[before the crash]"));
        await live.FlushAsync();

        await server.KillAndRestartAsync(whileDown: () =>
        {
            live.Edit(text => text.Insert(0, "[while the server was down]"));
            return Task.CompletedTask;
        });
        var arrived = await Eventually.HoldsAsync(
            () => TextOf(api, document).Contains("[while the server was down]", StringComparison.Ordinal), TimeSpan.FromSeconds(90));

        Assert.Multiple(() =>
        {
            Assert.That(arrived, Is.True, "the offline edit reached the restarted server\n" + server.Output);
            Assert.That(TextOf(api, document), Does.Contain("[before the crash]"), "the edit acknowledged before the crash survived it");
            Assert.That(TextOf(api, document), Is.EqualTo(live.Text));
            Assert.That(live.IsConnected, Is.True);
        });
    }

    private static string TextOf(NegotiationApi api, string document)
    {
        try
        {
            return api.GetDocumentAsync(document).GetAwaiter().GetResult().Text ?? "";
        }
        catch (NegotiationApiException)
        {
            return "";
        }
    }
}
