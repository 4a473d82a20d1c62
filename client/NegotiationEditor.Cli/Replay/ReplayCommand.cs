using NegotiationEditor.Negotiation.Scenarios;
using System.CommandLine;

namespace NegotiationEditor.Cli.Replay;

/// <summary>
/// <c>negotiate replay SCENARIO --server URL [--speed N] [--invites FILE]</c>: plays a scenario against a running
/// server, each participant on its own connection, then prints the verification and exits 1 when a check fails.
/// </summary>
public static class ReplayCommand
{
    internal static Command Create(CliConsole console)
    {
        var scenario = new Argument<string>("SCENARIO") { Description = "The scenario file (samples/cstd-2010-igf-working-group/scenario.json)." };
        var server = new Option<string>("--server") { Description = "The server's address, e.g. http://localhost:5080.", Required = true };
        var speed = new Option<double>("--speed") { Description = "How many times faster than the day (default 600: the day in about a minute; 0: no waiting).", DefaultValueFactory = _ => 600 };
        var invites = new Option<string>("--invites") { Description = "The server's invites.csv (default: data/invites.csv).", DefaultValueFactory = _ => Path.Combine("data", "invites.csv") };
        var command = new Command("replay", "Replay a negotiation day against a running server and verify the adopted text, the circulated versions and the ledgers.")
        {
            scenario, server, speed, invites,
        };
        command.SetAction(parsed =>
        {
            if (!Uri.TryCreate(parsed.GetRequiredValue(server), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
            {
                return Negotiate.UsageError(console, command, $"'{parsed.GetValue(server)}' is not a server address (http://host:port)");
            }
            if (parsed.GetValue(speed) is var factor && (factor < 0 || double.IsNaN(factor) || double.IsInfinity(factor)))
            {
                return Negotiate.UsageError(console, command, "--speed is a number of times faster than the day, 0 or more");
            }
            try
            {
                var verification = RunAsync(parsed.GetRequiredValue(scenario), address, parsed.GetRequiredValue(invites), factor, console.Out).GetAwaiter().GetResult();
                return verification.Passed ? Negotiate.Success : Negotiate.BadInput;
            }
            catch (ScenarioException e)
            {
                console.Error.WriteLine($"negotiate: {Negotiate.OneLine(e.Message)}");
                return Negotiate.BadInput;
            }
        });
        return command;
    }

    /// <summary>Loads, checks and plays the scenario, writing progress and the verification to <paramref name="output"/>.</summary>
    public static async Task<ReplayVerification> RunAsync(string scenarioPath, Uri server, string invitesPath, double speed, TextWriter output)
    {
        var scenario = Scenario.Load(scenarioPath);
        // A scenario that does not hold against its manifest or its own texts is refused before the server is touched.
        var problems = ScenarioCheck.AgainstManifest(scenario).Concat(ScenarioCheck.WalkTexts(scenario)).ToList();
        if (problems.Count > 0)
        {
            throw new ScenarioException($"{scenarioPath} does not hold: {problems[0]}{(problems.Count > 1 ? $" (and {problems.Count - 1} more)" : "")}");
        }
        var invites = ReplayInvites.Read(invitesPath, server);
        var progress = new ReplayProgress(output, interactive: ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected);
        await using var player = new ScenarioPlayer(scenario, invites, new ReplayOptions(speed, progress.Report));
        var verification = await player.PlayAsync().ConfigureAwait(false);
        progress.Done();
        ReplayProgress.Summarize(output, verification);
        return verification;
    }
}
