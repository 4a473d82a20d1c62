using System.Diagnostics;

namespace NegotiationEditor.Client.Tests.Support;

/// <summary>What one finished process printed and returned.</summary>
public sealed record ProcessResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}";
}

/// <summary>Runs a process to its end with a generous bound, and reports what it printed.</summary>
public static class Processes
{
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

    /// <summary>The built <c>negotiate</c> (beside the tests) with <paramref name="args"/>.</summary>
    public static Task<ProcessResult> NegotiateAsync(params string[] args)
    {
        var start = ServerProcess.Dotnet(Path.Combine(AppContext.BaseDirectory, "negotiate.dll"));
        start.Environment.Remove("NEGOTIATE_INVITE");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return RunAsync(start);
    }
}
