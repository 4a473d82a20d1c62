using System.Diagnostics;
using System.Text;
using NegotiationEditor.Web.Tests.Support;

namespace NegotiationEditor.Web.Tests.UnitTests;

/// <summary>
/// The front-end unit tests (vitest, node 20) of client/web: the provider against a fake hub connection and the
/// amendment UI logic. Installs the packages first when node_modules is missing or package-lock.json changed.
/// </summary>
[TestFixture]
public sealed class WebClientUnitTests
{
    [Test]
    public void The_vitest_suite_of_the_web_client_passes()
    {
        var install = Run("node", "prepare.mjs --install-only");
        Assert.That(install.ExitCode, Is.Zero, $"npm ci in client/web failed:\n{install.Output}");

        var vitest = Run("npx", "vitest run --reporter=verbose --no-color");
        TestContext.Out.WriteLine(vitest.Output);
        Assert.That(vitest.ExitCode, Is.Zero, $"vitest failed:\n{vitest.Output}");
        Assert.That(vitest.Output, Does.Match(@"Tests\s+\d+ passed"), "vitest ran no test");
    }

    private static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Repository.WebClient,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["CI"] = "1";
        start.Environment["NO_COLOR"] = "1";
        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started (is Node.js 20 installed?)");
        process.OutputDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (output) { output.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out after 5 minutes)");
        }
        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }
}
