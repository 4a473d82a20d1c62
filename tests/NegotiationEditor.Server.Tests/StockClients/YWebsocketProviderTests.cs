using System.Diagnostics;
using System.Text.Json;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.StockClients;

/// <summary>A client we did not write: npm y-websocket's WebsocketProvider, unmodified, on /ws/{documentId}.</summary>
[NonParallelizable]
public sealed class YWebsocketProviderTests
{
    [Test]
    public async Task Two_npm_providers_and_a_dotnet_hub_client_typing_at_once_converge()
    {
        var project = InteropProject();
        var data = Path.Combine(Path.GetTempPath(), "negotiation-provider-" + Guid.NewGuid().ToString("N"));
        string document;
        InviteBook invites;
        using (var seeded = new NegotiationServerFactory(dataFolder: data).Started())
        {
            document = seeded.Document.ToString();
            invites = seeded.Invites;
        }

        try
        {
            using var server = await ServerProcess.StartAsync(data);
            await using var dotnet = await HubPeer.JoinAsync(server.Hub(invites.Chair), document);
            var websocketUrl = server.Address.ToString().TrimEnd('/').Replace("http://", "ws://");
            var node = Node(project, "ywebsocket-provider.mjs", websocketUrl, document, invites.Chair, invites.Secretariat, "[dotnet 19]", "20");

            for (var i = 0; i < 20; i++)
            {
                await dotnet.AppendAsync($"[dotnet {i}]");
            }
            var output = await node.StandardOutput.ReadToEndAsync();
            var errors = await node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();

            Assert.That(node.ExitCode, Is.EqualTo(0), errors);
            var providersText = JsonDocument.Parse(output).RootElement.GetProperty("text").GetString()!;
            Assert.That(await Eventually.HoldsAsync(() => dotnet.Peer.Text == providersText), Is.True,
                $"dotnet: {dotnet.Peer.Text}\nproviders: {providersText}");
            Assert.That(providersText, Does.Contain("[A19]").And.Contain("[B19]").And.Contain("# Composition of the Working Group"));
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static Process Node(string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
    }

    /// <summary>tests/interop-server, with its node packages installed (npm ci from the lock file when missing).</summary>
    private static string InteropProject()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "interop-server");
            if (!File.Exists(Path.Combine(candidate, "package-lock.json")))
            {
                continue;
            }
            if (!Directory.Exists(Path.Combine(candidate, "node_modules", "y-websocket")))
            {
                using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund") { WorkingDirectory = candidate, UseShellExecute = false })
                    ?? throw new InvalidOperationException("npm did not start");
                npm.WaitForExit();
                Assert.That(npm.ExitCode, Is.EqualTo(0), "npm ci in tests/interop-server");
            }
            return candidate;
        }
        throw new DirectoryNotFoundException("tests/interop-server was not found above " + AppContext.BaseDirectory);
    }
}
