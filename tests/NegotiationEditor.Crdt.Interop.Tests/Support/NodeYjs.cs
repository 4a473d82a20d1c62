using System.Diagnostics;
using System.Text.Json.Nodes;

namespace NegotiationEditor.Crdt.Interop.Tests.Support;

/// <summary>
/// Runs the scripts of tests/interop with node and the real npm yjs: JSON in on stdin, JSON out on
/// stdout. <see cref="Interop.InteropSetup"/> makes sure node is there and the packages are installed.
/// </summary>
internal static class NodeYjs
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string InteropFolder { get; } = LocateInteropFolder();

    /// <summary>Runs <c>node script args</c> with <paramref name="input"/> on stdin and parses its stdout.</summary>
    public static JsonNode Run(string script, JsonNode? input = null, params string[] args)
    {
        var (exitCode, stdout, stderr) = Execute("node", [script, .. args], input?.ToJsonString());
        if (exitCode != 0)
        {
            Assert.Fail($"node {script} {string.Join(' ', args)} exited with {exitCode}:\n{stderr}");
        }
        return JsonNode.Parse(stdout) ?? throw new InvalidOperationException($"node {script} printed nothing.");
    }

    internal static (int ExitCode, string Stdout, string Stderr) Execute(string fileName, IEnumerable<string> args, string? stdin)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = InteropFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{fileName} {string.Join(' ', args)} did not finish within {Timeout.TotalSeconds} s.");
        }
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private static string LocateInteropFolder()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "interop");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException($"tests/interop/package.json was not found above {TestContext.CurrentContext.TestDirectory}.");
    }
}
