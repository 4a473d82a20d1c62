using System.CommandLine;

namespace NegotiationEditor.Cli.Server;

/// <summary>
/// <c>negotiate position AMENDMENT supports|objects|reserves|can-live-with [--note N]</c>: takes or changes your
/// delegation's position; prints the amendment's ledger after it.
/// </summary>
internal static class PositionCommand
{
    public static Command Create(CliConsole console)
    {
        var options = new ServerOptions();
        var amendment = new Argument<string>("AMENDMENT") { Description = "The amendment's id (see 'negotiate amendments')." };
        var position = new Argument<string>("POSITION") { Description = "supports, objects, reserves or can-live-with." };
        position.AcceptOnlyFromAmong("supports", "objects", "reserves", "can-live-with");
        var note = new Option<string>("--note", "-n") { Description = "A note with the position.", DefaultValueFactory = _ => "" };
        var delegation = new Option<string?>("--delegation") { Description = "The delegation's id; default: your own." };
        var command = new Command("position", "Take or change your delegation's position on an amendment.") { amendment, position, note, delegation };
        options.AddTo(command);
        ServerCommand.SetAction(command, console, options, async (parsed, api) =>
        {
            var document = await options.DocumentIdAsync(parsed, api);
            var delegationId = parsed.GetValue(delegation)
                ?? (await api.GetMeAsync()).Delegation?.Id
                ?? throw new InputError("you attend for no delegation, so you take no positions");
            var wire = parsed.GetRequiredValue(position) == "can-live-with" ? "canLiveWith" : parsed.GetRequiredValue(position);
            var taken = await api.TakePositionAsync(document, parsed.GetRequiredValue(amendment), delegationId, wire, parsed.GetValue(note) ?? "");
            console.Out.WriteLine(AmendmentsCommand.Line(taken.Amendment));
            return Negotiate.Success;
        });
        return command;
    }
}
