using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
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

    [Test]
    public async Task A_ws_client_is_told_the_server_is_going_away_and_the_server_does_not_wait_for_it()
    {
        using var server = await ServerProcess.StartAsync();
        var invites = server.Invites;
        var document = await FirstDocumentAsync(server, invites.Chair.Token);
        using var client = new ClientWebSocket();
        await client.ConnectAsync(server.Websocket(document, invites.Chair.Token), CancellationToken.None);
        var closed = Task.Run(async () =>
        {
            var buffer = new byte[64 * 1024];
            while (true)
            {
                var result = await client.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    // As a browser does: the close is answered, which lets the server end the socket at once.
                    await client.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return (client.CloseStatus, client.CloseStatusDescription);
                }
            }
        });

        var stopping = Stopwatch.StartNew();
        // Kestrel's own shutdown timeout is 30 s: a stop that waited for the open socket would take that long.
        await server.StopAsync(TimeSpan.FromSeconds(15));

        var stopped = stopping.Elapsed;
        var close = await closed.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Multiple(() =>
        {
            Assert.That(stopped, Is.LessThan(TimeSpan.FromSeconds(10)), "the server stopped without waiting for the socket");
            Assert.That(server.ExitCode, Is.Zero, server.Output);
            Assert.That(close, Is.EqualTo(((WebSocketCloseStatus?)WebSocketCloseStatus.EndpointUnavailable, "the server is shutting down; reconnect")),
                "the client was told why, with 1001 (going away)");
        });
    }

    private static async Task<string> FirstDocumentAsync(ServerProcess server, string token)
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var documents = await http.GetFromJsonAsync<JsonArray>("api/documents");
        return documents![0]!["id"]!.GetValue<string>();
    }
}
