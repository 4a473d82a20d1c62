using System.CommandLine;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Cli.Server;

/// <summary><c>negotiate amendments [--status proposed]</c>: the amendments of a document with their ledgers.</summary>
internal static class AmendmentsCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ServerOptions();
        var status = new Option<string?>("--status") { Description = "Only amendments with this status." };
        status.AcceptOnlyFromAmong("proposed", "withdrawn", "accepted", "rejected", "superseded");
        var command = new Command("amendments", "List a document's amendments: id, status, kind, paragraph, ledger.") { status };
        options.AddTo(command);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var document = await options.DocumentIdAsync(parsed, api);
            foreach (var amendment in await api.ListAmendmentsAsync(document, parsed.GetValue(status)))
            {
                console.Out.WriteLine(Line(amendment));
            }
            return Negotiate.Success;
        });
        return command;
    }

    /// <summary>One amendment on one line.</summary>
    public static string Line(Amendment amendment) =>
        $"{amendment.Id}\t{amendment.Status}\t{amendment.Kind}\t{amendment.Paragraph}\t{amendment.Ledger}";
}
