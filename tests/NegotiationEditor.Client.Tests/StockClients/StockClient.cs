using System.Diagnostics;
using System.Text;
using System.Text.Json;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Client.Tests.Support;

namespace NegotiationEditor.Client.Tests.StockClients;

/// <summary>
/// A node script of tests/stock-clients (npm yjs, y-protocols, @microsoft/signalr, y-websocket: code we did not
/// write) run as a process: it syncs, types its markers, waits for everyone's and prints its final text and state
/// vector as a JSON line <c>{"event":"done",...}</c>.
/// </summary>
public sealed class StockClient
{
    private StockClient(string name, Task<ProcessResult> run)
    {
        Name = name;
        Run = run;
    }

    public string Name { get; }

    public Task<ProcessResult> Run { get; }

    /// <summary>The folder of the node project, installed with <c>npm ci</c> once when node_modules is missing.</summary>
    public static string Folder { get; } = Repository.Tests("stock-clients");

    public static StockClient Start(string script, string name, Invite invite, string documentId, int edits, IEnumerable<string> expect, params string[] extra)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Folder };
        start.ArgumentList.Add(script);
        foreach (var (key, value) in new[]
        {
            ("--url", invite.Server.ToString().TrimEnd('/')),
            ("--token", invite.Token),
            ("--document", documentId),
            ("--name", name),
            ("--edits", edits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("--expect", string.Join(',', expect)),
            ("--seed", ((uint)name.GetHashCode(StringComparison.Ordinal) % 10_000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        })
        {
            start.ArgumentList.Add(key);
            start.ArgumentList.Add(value);
        }
        foreach (var argument in extra)
        {
            start.ArgumentList.Add(argument);
        }
        return new StockClient(name, ChildProcess.RunAsync(start, TimeSpan.FromMinutes(2)));
    }

    /// <summary>The final report of a finished client: its text and encoded state vector.</summary>
    public async Task<(string Text, byte[] StateVector)> ReportAsync()
    {
        var result = await Run;
        Assert.That(result.ExitCode, Is.EqualTo(0), $"{Name}: {result}");
        var done = result.OutLines.Select(line => JsonDocument.Parse(line).RootElement)
            .Single(line => line.GetProperty("event").GetString() == "done");
        return (done.GetProperty("text").GetString()!, Convert.FromBase64String(done.GetProperty("stateVector").GetString()!));
    }

    public static async Task InstallAsync()
    {
        if (Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            return;
        }
        var install = new ProcessStartInfo("npm") { WorkingDirectory = Folder };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            install.ArgumentList.Add(argument);
        }
        var result = await ChildProcess.RunAsync(install, TimeSpan.FromMinutes(5));
        Assert.That(result.ExitCode, Is.EqualTo(0), "npm ci in tests/stock-clients: " + result);
    }
}
