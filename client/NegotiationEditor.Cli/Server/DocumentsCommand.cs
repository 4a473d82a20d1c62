using System.CommandLine;

namespace NegotiationEditor.Cli.Server;

/// <summary><c>negotiate documents --invite LINK</c>: the documents you may see, one a line.</summary>
internal static class DocumentsCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ServerOptions();
        var command = new Command("documents", "List the documents you may see on the server: id, symbol, status, title.");
        options.AddTo(command, withDocument: false);
        ServerCommand.SetAction(command, console, options, async (_, api) =>
        {
            foreach (var document in await api.ListDocumentsAsync())
            {
                console.Out.WriteLine($"{document.Id}\t{document.Symbol}\t{document.Status}\t{document.Title}");
            }
            return Negotiate.Success;
        });
        return command;
    }
}
