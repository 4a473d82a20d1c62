namespace NegotiationEditor.Cli;

/// <summary>Entry point of the <c>negotiate</c> command.</summary>
public static class Negotiate
{
    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("negotiate: no command yet");
        return 2;
    }
}
