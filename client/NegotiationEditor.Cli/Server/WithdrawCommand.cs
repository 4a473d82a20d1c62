using System.CommandLine;

namespace NegotiationEditor.Cli.Server;

/// <summary><c>negotiate withdraw AMENDMENT</c>: your delegation withdraws its amendment.</summary>
internal static class WithdrawCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ServerOptions();
        var amendment = new Argument<string>("AMENDMENT") { Description = "The amendment's id (see 'negotiate amendments')." };
        var command = new Command("withdraw", "Withdraw an amendment your delegation proposed.") { amendment };
        options.AddTo(command);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var document = await options.DocumentIdAsync(parsed, api);
            var withdrawn = await api.WithdrawAsync(document, parsed.GetRequiredValue(amendment));
            console.Out.WriteLine(AmendmentsCommand.Line(withdrawn));
            return Negotiate.Success;
        });
        return command;
    }
}
