using System.CommandLine;
using System.Text;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Cli;

/// <summary><c>negotiate compare OLD NEW [--format text|html|json|docx] [--side-by-side] [-o FILE]</c>.</summary>
internal static class CompareCommand
{
    /// <summary>The author Word shows for the tracked changes of a DOCX redline.</summary>
    public const string RevisionAuthor = "negotiate compare";

    private const string DefaultFormat = "text";

    public static Command Create(CliConsole console)
    {
        var oldArgument = new Argument<string>("OLD") { Description = "The earlier draft (a Markdown file)." };
        var newArgument = new Argument<string>("NEW") { Description = "The later draft (a Markdown file)." };
        var formatOption = new Option<string>("--format", "-f")
        {
            Description = "text (default, word-diff style), html, json (to standard output without -o) or docx (tracked changes; needs -o).",
            DefaultValueFactory = _ => DefaultFormat,
        };
        formatOption.AcceptOnlyFromAmong("text", "html", "json", "docx");
        var sideBySideOption = new Option<bool>("--side-by-side") { Description = "Old and new side by side instead of inline (html and json)." };
        var outputOption = new Option<string?>("--output", "-o") { Description = "The file to write." };

        var command = new Command("compare", "Show the word-level redline from one draft to another.")
        {
            oldArgument,
            newArgument,
            formatOption,
            sideBySideOption,
            outputOption,
        };
        command.SetAction(parsed => Negotiate.Guard(console, () =>
        {
            var format = parsed.GetRequiredValue(formatOption);
            var sideBySide = parsed.GetValue(sideBySideOption);
            if (format == "docx" && parsed.GetValue(outputOption) is null)
            {
                return Negotiate.UsageError(console, command, "--format docx writes a binary file: name it with -o FILE");
            }

            if (sideBySide && format is not ("html" or "json"))
            {
                return Negotiate.UsageError(console, command, $"--side-by-side is a layout of the html and json redlines; it does not apply to --format {format}");
            }

            var oldPath = parsed.GetRequiredValue(oldArgument);
            var newPath = parsed.GetRequiredValue(newArgument);
            var output = parsed.GetValue(outputOption);
            var oldDraft = DraftFile.Read(oldPath);
            var newDraft = DraftFile.Read(newPath);
            var redline = Redliner.Default.Compare(oldDraft, newDraft);

            byte[]? binary = null;
            string? text = null;
            switch (format)
            {
                case "html":
                    text = HtmlRedlineRenderer.Render(redline, new HtmlRedlineOptions(sideBySide));
                    break;
                case "json":
                    text = JsonRedlineRenderer.Render(redline, sideBySide);
                    break;
                case "docx":
                    binary = DocxRedlineRenderer.Render(redline, new DocxRedlineOptions(RevisionAuthor, DateTimeOffset.Now));
                    break;
                default:
                    text = PlainTextRedlineRenderer.Render(redline);
                    break;
            }

            if (text is not null && !text.EndsWith('\n'))
            {
                text += "\n";
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
