using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NegotiationEditor.Server.Tests.Storage;

/// <summary>The real server process stopped with SIGTERM, as a service manager stops it: an orderly end that keeps every edit.</summary>
[NonParallelizable]
public sealed class StoppedServerTests
{
    [Test]
    public async Task A_server_stopped_with_SIGTERM_while_a_client_types_exits_cleanly_and_serves_every_edit_when_started_again()
    {
        using var server = await ServerProcess.StartAsync();
        var invites = server.Invites;
        var document = await FirstDocumentAsync(server, invites.Chair.Token);
        await using var writer = await HubPeer.JoinAsync(server.Hub(invites.Chair.Token), document);
        for (var i = 0; i < 20; i++)
        {
            await writer.AppendAsync($"s{i};");
        }
        var typed = writer.Peer.Text;

        await server.StopAsync();

        Assert.That(server.ExitCode, Is.Zero, server.Output);
        await server.RestartAsync();
        await using var reader = await HubPeer.JoinAsync(server.Hub(invites.Observer.Token), document);
        Assert.That(reader.Peer.Text, Is.EqualTo(typed), "the text after the restart is the text typed before the stop");
    }

    private static async Task<string> FirstDocumentAsync(ServerProcess server, string token)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var documents = await http.GetFromJsonAsync<JsonArray>("api/documents");
        return documents![0]!["id"]!.GetValue<string>();
    }
}
