using System.CommandLine;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Cli.Server;

/// <summary>
/// The commands that work on a negotiation server through the .NET client: <c>documents</c>, <c>amendments</c>,
/// <c>propose</c>, <c>withdraw</c>, <c>position</c>, <c>revisions</c> (list, <c>compare</c>, <c>print</c>) and
/// <c>participants</c> (list, <c>remove</c>, <c>revoke</c>).
/// Each takes the participant's invite link (<c>--invite</c>, or the <c>NEGOTIATE_INVITE</c> environment variable)
/// or <c>--server URL --token TOKEN</c>, and acts as that participant.
/// </summary>
internal static class ServerCommands
{
    /// <summary>The environment variable read when no <c>--invite</c> is given.</summary>
    public const string InviteVariable = "NEGOTIATE_INVITE";

    /// <summary>Adds the server commands to the root command.</summary>
    public static void AddTo(Command root, CliConsole console)
    {
        root.Add(DocumentsCommand.Create(console));
        root.Add(AmendmentsCommand.Create(console));
        root.Add(ProposeCommand.Create(console));
        root.Add(WithdrawCommand.Create(console));
        root.Add(PositionCommand.Create(console));
        root.Add(RevisionsCommand.Create(console));
        root.Add(ParticipantsCommand.Create(console));
    }
}

/// <summary>The options every server command shares: who, where and which document.</summary>
internal sealed class ServerOptions
{
    public Option<string?> Invite { get; } = new("--invite", "-i")
    {
        Description = $"Your invite link (http://host:port/#invite=TOKEN); default: ${ServerCommands.InviteVariable}.",
    };

    public Option<string?> Server { get; } = new("--server") { Description = "The server's address, with --token instead of --invite." };

    public Option<string?> Token { get; } = new("--token") { Description = "Your invite token, with --server." };

    public Option<string?> Document { get; } = new("--document", "-d")
    {
        Description = "The document's id (see 'negotiate documents'); default: the only document you may see.",
    };

    /// <summary>Adds the shared options to a command (<paramref name="withDocument"/>: also --document).</summary>
    public void AddTo(Command command, bool withDocument = true)
    {
        command.Add(Invite);
        command.Add(Server);
        command.Add(Token);
        if (withDocument)
        {
            command.Add(Document);
        }
    }

    /// <summary>The invite the command line names; a usage error when it names none or a malformed one.</summary>
    public Invite? ReadInvite(ParseResult parsed, out string? usageError)
    {
        usageError = null;
        var link = parsed.GetValue(Invite);
        var server = parsed.GetValue(Server);
        var token = parsed.GetValue(Token);
        if (link is not null && (server is not null || token is not null))
        {
            usageError = "give either --invite or --server with --token, not both";
            return null;
        }
        if (server is not null || token is not null)
        {
            if (server is null || token is null)
            {
                usageError = "--server and --token go together";
                return null;
            }
            try
            {
                return Client.Invites.Invite.For(server, token);
            }
            catch (FormatException e)
            {
                usageError = e.Message;
                return null;
            }
        }

        link ??= Environment.GetEnvironmentVariable(ServerCommands.InviteVariable);
        if (string.IsNullOrWhiteSpace(link))
        {
            usageError = $"no invite: give --invite LINK (or --server URL --token TOKEN, or set {ServerCommands.InviteVariable})";
            return null;
        }
        if (!Client.Invites.Invite.TryParse(link.Trim(), out var invite))
        {
            usageError = "the invite link is not of the form http://host:port/#invite=TOKEN";
            return null;
        }
        return invite;
    }

    /// <summary>The document named by --document, or the only one the caller may see.</summary>
    /// <exception cref="InputError">No --document and not exactly one document.</exception>
    public async Task<string> DocumentIdAsync(ParseResult parsed, NegotiationApi api)
    {
        if (parsed.GetValue(Document) is { Length: > 0 } named)
        {
            return named;
        }
        var documents = await api.ListDocumentsAsync().ConfigureAwait(false);
        return documents.Count switch
        {
            1 => documents[0].Id,
            0 => throw new InputError("you may see no document on this server"),
            _ => throw new InputError("you may see several documents: choose one with --document ("
                + string.Join(", ", documents.Select(d => $"{d.Id} {d.Symbol}")) + ")"),
        };
    }
}

/// <summary>Runs a server command: usage errors give 2, refusals and bad input one line and 1.</summary>
internal static class ServerCommand
{
    public static void SetAction(Command command, CliConsole console, ServerOptions options, Func<ParseResult, NegotiationApi, Task<int>> work)
    {
        command.SetAction(parsed =>
        {
            var invite = options.ReadInvite(parsed, out var usageError);
            if (invite is null)
            {
                return Negotiate.UsageError(console, command, usageError!);
            }
            using var api = new NegotiationApi(invite);
            try
            {
                return work(parsed, api).GetAwaiter().GetResult();
            }
            catch (NegotiationApiException e)
            {
                console.Error.WriteLine($"negotiate: {Negotiate.OneLine(e.Message)}");
                return Negotiate.BadInput;
            }
            catch (InputError e)
            {
                console.Error.WriteLine($"negotiate: {Negotiate.OneLine(e.Message)}");
                return Negotiate.BadInput;
            }
        });
    }

    /// <summary>Writes text to standard output or, with -o, to a file.</summary>
    public static void Emit(CliConsole console, string? output, byte[] content, bool isText)
    {
        if (output is not null)
        {
            OutputFile.Write(output, content);
            return;
        }
        if (!isText)
        {
            throw new InputError("the answer is binary: name a file with -o");
        }
        var text = System.Text.Encoding.UTF8.GetString(content);
        console.Out.Write(text.EndsWith('\n') ? text : text + "\n");
    }
}
