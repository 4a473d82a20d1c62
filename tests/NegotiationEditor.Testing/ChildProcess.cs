using System.Diagnostics;

namespace NegotiationEditor.Testing;

/// <summary>What one finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Out, string Error)
{
    /// <summary>The non-empty lines of standard error.</summary>
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The non-empty lines of standard output.</summary>
    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <inheritdoc />
    public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}";
}

/// <summary>Processes the tests start: the dotnet host, and running a process to its end.</summary>
public static class ChildProcess
{
    /// <summary>The dotnet host running the tests (DOTNET_HOST_PATH, set by <c>dotnet test</c>), else <c>dotnet</c> on the PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>A start of <c>dotnet ASSEMBLY</c> with redirected streams.</summary>
    public static ProcessStartInfo Dotnet(string assembly)
    {
        var start = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        return start;
    }

    /// <summary>
    /// Runs a process to its end (standard input closed at once) and reports what it printed; a process still running
    /// after <paramref name="bound"/> (two minutes unless told) is killed and reported with exit code -1.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan? bound = null)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(bound ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, await output, await error + "\n(killed: did not finish in time)");
        }
        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
