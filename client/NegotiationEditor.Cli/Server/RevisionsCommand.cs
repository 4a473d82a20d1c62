using System.CommandLine;

namespace NegotiationEditor.Cli.Server;

/// <summary>
/// <c>negotiate revisions</c>: the circulated revisions of a document; <c>negotiate revisions compare FROM [TO]</c>:
/// the server's redline between two versions (Rev.N or live); <c>negotiate revisions print REV</c>: a printed revision.
/// </summary>
internal static class RevisionsCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ServerOptions();
        var command = new Command("revisions", "List a document's circulated revisions; compare or print them on the server.")
        {
            Compare(console),
            Print(console),
        };
        options.AddTo(command);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var document = await options.DocumentIdAsync(parsed, api);
            foreach (var revision in await api.ListRevisionsAsync(document))
            {
                console.Out.WriteLine($"{revision.Label}\t{revision.Symbol}\t{revision.CirculatedAt:yyyy-MM-dd HH:mm}\t{revision.Id}");
            }
            return Negotiate.Success;
        });
        return command;
    }

    private static Command Compare(CliConsole console)
    {
        var options = new ServerOptions();
        var from = new Argument<string>("FROM") { Description = "A revision (Rev.2, 2 or its id) or live." };
        var to = new Argument<string>("TO") { Description = "A revision or live (default).", DefaultValueFactory = _ => "live" };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text (default), json, html or docx (tracked changes; needs -o).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "html", "docx");
        var sideBySide = new Option<bool>("--side-by-side") { Description = "Old and new side by side (html and json)." };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write." };
        var command = new Command("compare", "The server's word-level redline from one version of the document to another.")
        {
            from, to, format, sideBySide, output,
        };
        options.AddTo(command);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var chosen = parsed.GetRequiredValue(format);
            if (parsed.GetValue(sideBySide) && chosen is not ("html" or "json"))
            {
                return Negotiate.UsageError(console, command, $"--side-by-side is a layout of the html and json redlines; it does not apply to --format {chosen}");
            }
            if (chosen == "docx" && parsed.GetValue(output) is null)
            {
                return Negotiate.UsageError(console, command, "--format docx writes a binary file: name it with -o FILE");
            }
            var document = await options.DocumentIdAsync(parsed, api);
            var redline = await api.CompareAsync(document, parsed.GetRequiredValue(from), parsed.GetRequiredValue(to), chosen,
                parsed.GetValue(sideBySide) ? "side-by-side" : "inline");
            ServerCommand.Emit(console, parsed.GetValue(output), redline.Content, chosen != "docx");
            return Negotiate.Success;
        });
        return command;
    }

    private static Command Print(CliConsole console)
    {
        var options = new ServerOptions();
        var revision = new Argument<string>("REVISION") { Description = "A revision: Rev.2, 2 or its id." };
        var format = new Option<string>("--format", "-f") { Description = "html (default), docx or pdf (docx and pdf need -o).", DefaultValueFactory = _ => "html" };
        format.AcceptOnlyFromAmong("html", "docx", "pdf");
        var output = new Option<string?>("--output", "-o") { Description = "The file to write." };
        var command = new Command("print", "A circulated revision printed by the server.") { revision, format, output };
        options.AddTo(command);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var chosen = parsed.GetRequiredValue(format);
            if (chosen != "html" && parsed.GetValue(output) is null)
            {
                return Negotiate.UsageError(console, command, $"--format {chosen} writes a binary file: name it with -o FILE");
            }
            var document = await options.DocumentIdAsync(parsed, api);
            var printed = await api.PrintRevisionAsync(document, parsed.GetRequiredValue(revision), chosen);
            ServerCommand.Emit(console, parsed.GetValue(output), printed.Content, chosen == "html");
            return Negotiate.Success;
        });
        return command;
    }
}
