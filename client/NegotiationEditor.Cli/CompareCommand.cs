using System.CommandLine;
using System.Text;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Cli;

/// <summary><c>negotiate compare OLD NEW [--format text|html|json|docx] [--side-by-side] [-o FILE]</c>.</summary>
internal static class CompareCommand
{
    public static Command Create(CliConsole console)
    {
        var oldArgument = new Argument<string>("OLD") { Description = "The earlier draft (a Markdown file)." };
        var newArgument = new Argument<string>("NEW") { Description = "The later draft (a Markdown file)." };
        var formatOption = new Option<string>("--format", "-f")
        {
            Description = "text (default, word-diff style), html, json (to standard output without -o) or docx (tracked changes; needs -o).",
            DefaultValueFactory = _ => "text",
        };
        formatOption.AcceptOnlyFromAmong("text", "html", "json", "docx");
        var sideBySideOption = new Option<bool>("--side-by-side") { Description = "Old and new side by side (HTML) instead of inline." };
        var outputOption = new Option<string?>("--output", "-o") { Description = "The file to write." };

        var command = new Command("compare", "Show the word-level redline from one draft to another.")
        {
            oldArgument,
            newArgument,
            formatOption,
            sideBySideOption,
            outputOption,
        };
        command.Validators.Add(result =>
        {
            var format = result.GetValue(formatOption);
            if (format == "docx" && result.GetValue(outputOption) is null)
            {
                result.AddError("--format docx writes a binary file: name it with -o FILE");
            }

            if (result.GetValue(sideBySideOption) && format != "html")
            {
                result.AddError($"--side-by-side is a layout of the HTML redline; it does not apply to --format {format}");
            }
        });

        command.SetAction(parsed => Negotiate.Guard(console, () =>
        {
            var oldPath = parsed.GetRequiredValue(oldArgument);
            var newPath = parsed.GetRequiredValue(newArgument);
            var output = parsed.GetValue(outputOption);
            var oldDraft = DraftFile.Read(oldPath);
            var newDraft = DraftFile.Read(newPath);
            var redline = Redliner.Default.Compare(oldDraft, newDraft);

            byte[]? binary = null;
            string? text = null;
            switch (parsed.GetRequiredValue(formatOption))
            {
                default:
                    text = PlainTextRedlineRenderer.Render(redline);
                    break;
            }

            if (output is null)
            {
                console.Out.Write(text);
                console.Out.Flush();
            }
            else
            {
                OutputFile.Write(output, binary ?? new UTF8Encoding(false).GetBytes(text!), oldPath, newPath);
            }

            return Negotiate.Success;
        }));
        return command;
    }
}
