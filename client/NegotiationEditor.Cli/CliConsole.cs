namespace NegotiationEditor.Cli;

/// <summary>Where the command writes: standard output for results, standard error for the one-line errors.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error)
{
    /// <summary>The process's own standard output and error.</summary>
    public static CliConsole System => new(Console.Out, Console.Error);
}
