using System.CommandLine;
using System.CommandLine.Help;

namespace NegotiationEditor.Cli;

/// <summary>Entry point of the <c>negotiate</c> command: <c>compare</c> and <c>print</c>.</summary>
public static class Negotiate
{
    /// <summary>Exit code of a command that did what was asked.</summary>
    public const int Success = 0;

    /// <summary>Exit code when a file given to the command cannot be used (missing, not UTF-8, not a draft ...).</summary>
    public const int BadInput = 1;

    /// <summary>Exit code when the command line itself is wrong (unknown command or option, bad value, missing argument).</summary>
    public const int BadUsage = 2;

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Run(string[] args) => Run(args, CliConsole.System);

    internal static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand(
            "Compare and print negotiated drafts (UN-style draft resolutions in Markdown).\n"
            + "Exit codes: 0 done, 1 a file cannot be used (one line on standard error says why), 2 a wrong command line.")
        {
            CompareCommand.Create(console),
            PrintCommand.Create(console),
            Replay.ReplayCommand.Create(console),
        };
        Server.ServerCommands.AddTo(root, console);

        try
        {
            var result = root.Parse(args);
            if (result.Errors.Count > 0 && result.Action is not HelpAction)
            {
                // "Unrecognized command or argument 'x'" says more than the "Required command" that comes with it.
                var error = result.Errors.FirstOrDefault(e => result.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
                    ?? result.Errors[0];
                return UsageError(console, result.CommandResult.Command, error.Message);
            }

            return result.Invoke(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (Exception e)
        {
            // A fault of the command itself, not of its input: still one line, never a stack trace.
            console.Error.WriteLine($"negotiate: unexpected error: {OneLine(e.Message)}");
            return BadInput;
        }
    }

    /// <summary>Writes the one line of a usage error, pointing at the command's help, and gives exit code 2.</summary>
    internal static int UsageError(CliConsole console, Command command, string message)
    {
        var help = command is RootCommand ? "negotiate --help" : $"negotiate {command.Name} --help";
        console.Error.WriteLine($"negotiate: {OneLine(message).TrimEnd('.')}; see '{help}'");
        return BadUsage;
    }

    /// <summary>Runs one command's work, turning a user's bad input into one line on standard error and exit code 1.</summary>
    internal static int Guard(CliConsole console, Func<int> work)
    {
        try
        {
            return work();
        }
        catch (InputError e)
        {
            console.Error.WriteLine($"negotiate: {OneLine(e.Message)}");
            return BadInput;
        }
        catch (Drafting.Printing.PrintingException e)
        {
            console.Error.WriteLine($"negotiate: {OneLine(e.Message)}");
            return BadInput;
        }
    }

    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
