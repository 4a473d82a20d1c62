using System.CommandLine;
using NegotiationEditor.Drafting.Printing;

namespace NegotiationEditor.Cli;

/// <summary><c>negotiate print DRAFT [--symbol S] [--format html|docx|pdf] [-o FILE]</c>.</summary>
internal static class PrintCommand
{
    private const string DefaultFormat = "html";

    public static Command Create(CliConsole console)
    {
        var draftArgument = new Argument<string>("DRAFT") { Description = "The draft to print (a Markdown file)." };
        var symbolOption = new Option<string?>("--symbol", "-s")
        {
            Description = "The document symbol to print, e.g. E/CN.16/2011/CRP.1/Rev.2 (default: the draft's front matter).",
        };
        var formatOption = new Option<string>("--format", "-f")
        {
            Description = "html (default; to standard output without -o), docx or pdf (both need -o).",
            DefaultValueFactory = _ => DefaultFormat,
        };
        formatOption.AcceptOnlyFromAmong("html", "docx", "pdf");
        var outputOption = new Option<string?>("--output", "-o") { Description = "The file to write." };

        var command = new Command("print", "Print a draft as an A4 document with line numbers: HTML, DOCX or PDF.")
        {
            draftArgument,
            symbolOption,
            formatOption,
            outputOption,
        };
        command.SetAction(parsed => Negotiate.Guard(console, () =>
        {
            var path = parsed.GetRequiredValue(draftArgument);
            var output = parsed.GetValue(outputOption);
            var formatName = parsed.GetRequiredValue(formatOption);
            var symbol = parsed.GetValue(symbolOption);
            if (formatName is "docx" or "pdf" && output is null)
            {
                return Negotiate.UsageError(console, command, $"--format {formatName} writes a binary file: name it with -o FILE");
            }

            if (symbol is not null && (symbol.Trim().Length == 0 || symbol.Any(char.IsControl)))
            {
                return Negotiate.UsageError(console, command, "--symbol needs a document symbol on one line, e.g. E/CN.16/2011/CRP.1/Rev.2");
            }

            var format = formatName switch
            {
                "docx" => PrintFormat.Docx,
                "pdf" => PrintFormat.Pdf,
                _ => PrintFormat.Html,
            };

            var draft = DraftFile.Read(path);
            var printer = new DraftPrinter(new PrintOptions { Symbol = symbol?.Trim() });
            if (output is null)
            {
                console.Out.Write(printer.ToHtml(draft));
                console.Out.Flush();
            }
            else
            {
                OutputFile.Write(output, printer.Print(draft, format), path);
            }

            return Negotiate.Success;
        }));
        return command;
    }
}
