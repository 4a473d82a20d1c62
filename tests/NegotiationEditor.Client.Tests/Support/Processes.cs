namespace NegotiationEditor.Client.Tests.Support;

/// <summary>Runs the built <c>negotiate</c> (beside the tests) to its end.</summary>
public static class Processes
{
    /// <summary>Runs <c>negotiate</c> with <paramref name="args"/> (without NEGOTIATE_INVITE from the environment).</summary>
    public static Task<ProcessResult> NegotiateAsync(params string[] args)
    {
        var start = ChildProcess.Dotnet(Path.Combine(AppContext.BaseDirectory, "negotiate.dll"));
        start.Environment.Remove("NEGOTIATE_INVITE");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        return ChildProcess.RunAsync(start);
    }
}
