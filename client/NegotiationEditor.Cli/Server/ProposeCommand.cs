using System.CommandLine;
using System.Globalization;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Cli.Server;

/// <summary>
/// <c>negotiate propose KIND --paragraph P --range START:END [--text T ...] [--original O] [--co-sponsor ID ...]
/// [--justification J] [--as-chair]</c>: proposes an amendment for your delegation, or a chair's proposal; prints its id
/// and ledger.
/// </summary>
internal static class ProposeCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ServerOptions();
        var kind = new Argument<string>("KIND") { Description = "insert, delete, replace, alternatives, new-paragraph or delete-paragraph." };
        kind.AcceptOnlyFromAmong("insert", "delete", "replace", "alternatives", "new-paragraph", "delete-paragraph");
        var paragraph = new Option<string>("--paragraph", "-p") { Description = "The paragraph the span is in (p-1, op-2 ...).", Required = true };
        var range = new Option<string>("--range", "-r")
        {
            Description = "The span in the live text, START:END in UTF-16 units, end exclusive (START:START for a point).",
            Required = true,
        };
        var texts = new Option<string[]>("--text", "-t") { Description = "A proposed text (repeat for alternatives).", AllowMultipleArgumentsPerToken = false };
        var original = new Option<string?>("--original") { Description = "The text the span holds now; default: read from the live text." };
        var coSponsors = new Option<string[]>("--co-sponsor") { Description = "A co-sponsoring delegation's id (repeatable)." };
        var justification = new Option<string>("--justification", "-j") { Description = "Why.", DefaultValueFactory = _ => "" };
        var asChair = new Option<bool>("--as-chair") { Description = "A chair's proposal, for no delegation (the chair, or the secretariat on its behalf)." };
        var command = new Command("propose", "Propose an amendment for your delegation (or, with --as-chair, a chair's proposal); prints its id and ledger.")
        {
            kind, paragraph, range, texts, original, coSponsors, justification, asChair,
        };
        options.AddTo(command);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var span = ParseRange(parsed.GetRequiredValue(range));
            var document = await options.DocumentIdAsync(parsed, api);
            var originalText = parsed.GetValue(original);
            if (originalText is null)
            {
                var live = (await api.GetDocumentAsync(document)).Text ?? "";
                if (span.End > live.Length)
                {
                    throw new InputError($"--range {span.Start}:{span.End} goes past the end of the live text ({live.Length} UTF-16 units)");
                }
                originalText = live[span.Start..span.End];
            }
            var amendment = await api.ProposeAsync(document, new AmendmentProposal
            {
                Kind = WireKind(parsed.GetRequiredValue(kind)),
                Paragraph = parsed.GetRequiredValue(paragraph),
                Range = span,
                OriginalText = originalText,
                ProposedTexts = parsed.GetValue(texts) ?? [],
                CoSponsors = parsed.GetValue(coSponsors) ?? [],
                Justification = parsed.GetValue(justification) ?? "",
                Proposer = parsed.GetValue(asChair) ? Amendment.Chair : null,
            });
            console.Out.WriteLine(AmendmentsCommand.Line(amendment));
            return Negotiate.Success;
        });
        return command;
    }

    /// <summary>The API's name of a kind given on the command line (new-paragraph: newParagraph).</summary>
    public static string WireKind(string kind) => kind switch
    {
        "new-paragraph" => "newParagraph",
        "delete-paragraph" => "deleteParagraph",
        _ => kind,
    };

    /// <exception cref="InputError">Not START:END with 0 &lt;= START &lt;= END.</exception>
    public static TextRange ParseRange(string text)
    {
        var parts = text.Split(':');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            && start <= end)
        {
            return new TextRange(start, end);
        }
        throw new InputError($"--range {text}: expected START:END, two whole numbers with START <= END");
    }
}
