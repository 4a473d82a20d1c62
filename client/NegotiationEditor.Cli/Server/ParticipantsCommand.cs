using System.CommandLine;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Cli.Server;

/// <summary>
/// <c>negotiate participants</c> (chair, secretariat): every participant; <c>negotiate participants remove ID</c>:
/// removes one; <c>negotiate participants revoke ID</c>: revokes their invites. The token is refused at once.
/// </summary>
internal static class ParticipantsCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ServerOptions();
        var command = new Command("participants", "List the participants (chair, secretariat); remove one or revoke their invites.")
        {
            Remove(console),
            Revoke(console),
        };
        options.AddTo(command, withDocument: false);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            foreach (var participant in await api.ListParticipantsAsync())
            {
                console.Out.WriteLine(Line(participant));
            }
            return Negotiate.Success;
        });
        return command;
    }

    /// <summary>id, role, delegation (or -), name and "removed" when so, tab-separated.</summary>
    public static string Line(Participant participant) =>
        $"{participant.Id}\t{participant.Role}\t{participant.Delegation?.Name ?? "-"}\t{participant.Name}{(participant.Removed ? "\tremoved" : "")}";

    private static Command Remove(CliConsole console)
    {
        var options = new ServerOptions();
        var participant = new Argument<string>("PARTICIPANT") { Description = "The participant's id (see 'negotiate participants')." };
        var command = new Command("remove", "Remove a participant: refused everything from now on.") { participant };
        options.AddTo(command, withDocument: false);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            console.Out.WriteLine(Line(await api.RemoveParticipantAsync(parsed.GetRequiredValue(participant))));
            return Negotiate.Success;
        });
        return command;
    }

    private static Command Revoke(CliConsole console)
    {
        var options = new ServerOptions();
        var participant = new Argument<string>("PARTICIPANT") { Description = "The participant's id (see 'negotiate participants')." };
        var command = new Command("revoke", "Revoke a participant's invites: their token is refused from now on.") { participant };
        options.AddTo(command, withDocument: false);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var revoked = await api.RevokeInvitesAsync(parsed.GetRequiredValue(participant));
            console.Out.WriteLine($"{Line(revoked.Participant)}\t{revoked.Revoked} invite(s) revoked");
            return Negotiate.Success;
        });
        return command;
    }
}
