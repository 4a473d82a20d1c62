using System.Diagnostics;

namespace NegotiationEditor.Cli.Tests;

/// <summary>The built <c>negotiate</c> run as a real process: its exit codes and streams.</summary>
[TestFixture]
public sealed class NegotiateProcessTests
{
    private static CliResult RunProcess(params string[] args)
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, "negotiate.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    [Test]
    public void The_readme_demo_prints_the_redline_and_exits_with_zero()
    {
        var result = RunProcess("compare", CliHarness.Sample("printed-version-2.md"), CliHarness.Sample("final-text.md"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Out, Does.Contain("{+procedure of the ECOSOC+}"));
            Assert.That(result.Error, Is.Empty);
        });
    }

    [Test]
    public void A_missing_file_exits_with_one_and_a_single_line_on_standard_error()
    {
        var result = RunProcess("print", "no-such-draft.md");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.ErrorLines, Is.EqualTo(new[] { "negotiate: no-such-draft.md: no such file" }));
            Assert.That(result.Out, Is.Empty);
        });
    }

    [Test]
    public void A_bad_format_exits_with_two()
    {
        var result = RunProcess("print", CliHarness.Sample("final-text.md"), "--format", "rtf");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        });
    }
}
