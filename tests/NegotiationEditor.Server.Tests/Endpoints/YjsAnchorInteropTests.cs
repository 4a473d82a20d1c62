using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using NegotiationEditor.Crdt;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Endpoints;

/// <summary>
/// A browser client anchors its amendment with the real npm yjs (<c>Y.encodeRelativePosition</c>) on its copy of the
/// document; the server resolves those bytes on its own CRDT to the same span. Runs node with the yjs pinned in
/// tests/interop (installed there with <c>npm ci</c> when missing, as the CRDT interop tests do).
/// </summary>
public sealed class YjsAnchorInteropTests
{
    private const string Script = """
        import * as Y from 'yjs'
        let input = ''
        for await (const chunk of process.stdin) input += chunk
        const { update, start, end } = JSON.parse(input)
        const doc = new Y.Doc()
        Y.applyUpdate(doc, Buffer.from(update, 'base64'))
        const text = doc.getText('text')
        const encode = (index, assoc) => Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc))).toString('base64')
        process.stdout.write(JSON.stringify({ text: text.toString(), start: encode(start, 0), end: encode(end, -1) }))
        """;

    [Test]
    public async Task Relative_positions_encoded_by_yjs_anchor_the_amendment_to_the_same_span()
    {
        var interop = InteropFolder();
        using var server = new NegotiationServerFactory().Started();
        using var chair = ApiSession.As(server, server.Invites.Chair);
        using var greece = ApiSession.As(server, server.Invites.Delegate("Greece"));
        var document = await chair.TableAsync();
        await using var secretariat = await HubPeer.JoinAsync(server.Server, server.Invites.Secretariat, document);
        var text = secretariat.Peer.Text;
        var start = text.IndexOf("in accordance with", StringComparison.Ordinal);

        var browser = RunNode(interop, new JsonObject
        {
            ["update"] = Convert.ToBase64String(Y.EncodeStateAsUpdate(secretariat.Peer.Doc)),
            ["start"] = start,
            ["end"] = start + 18,
        });
        Assert.That(browser["text"]!.GetValue<string>(), Is.EqualTo(text), "yjs read the same text");

        var proposed = await ApiSession.Expect(await greece.PostAsync($"/api/documents/{document}/amendments", new
        {
            kind = "replace",
            anchor = new { start = browser["start"]!.GetValue<string>(), end = browser["end"]!.GetValue<string>() },
            originalText = "in accordance with",
            proposedTexts = new[] { "bearing in mind" },
        }), HttpStatusCode.Created);

        Assert.Multiple(() =>
        {
            Assert.That(proposed["span"]!["start"]!.GetValue<int>(), Is.EqualTo(start));
            Assert.That(proposed["span"]!["end"]!.GetValue<int>(), Is.EqualTo(start + 18));
            Assert.That(proposed["paragraph"]!.GetValue<string>(), Is.EqualTo("p-1"));
        });
    }

    private static JsonNode RunNode(string folder, JsonNode input)
    {
        var (exitCode, stdout, stderr) = Execute(folder, "node", ["--input-type=module", "-e", Script], input.ToJsonString());
        Assert.That(exitCode, Is.Zero, stderr);
        return JsonNode.Parse(stdout)!;
    }

    private static string InteropFolder()
    {
        var folder = Repository.Tests("interop");
        if (!File.Exists(Path.Combine(folder, "node_modules", "yjs", "package.json")))
        {
            var install = Execute(folder, "npm", ["ci", "--no-audit", "--no-fund"], null);
            Assert.That(install.ExitCode, Is.Zero, $"npm ci in {folder}:\n{install.Stderr}");
        }
        return folder;
    }

    private static (int ExitCode, string Stdout, string Stderr) Execute(string folder, string fileName, string[] args, string? stdin)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }

        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} did not finish within 120 s");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
