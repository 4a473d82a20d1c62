using NegotiationEditor.Negotiation.Scenarios;
namespace NegotiationEditor.Cli.Replay;

/// <summary>A plain-console progress bar: redrawn in place on a terminal, one line per event otherwise.</summary>
internal sealed class ReplayProgress(TextWriter output, bool interactive)
{
    private const int Width = 30;

    public void Report(int done, int total, ScenarioEvent e)
    {
        var filled = total == 0 ? Width : done * Width / total;
        var line = $"[{new string('#', filled)}{new string('.', Width - filled)}] {done,3}/{total} {e.At} {Describe(e)}";
        if (interactive)
        {
            output.Write("\r" + (line.Length > 110 ? line[..110] : line.PadRight(110)));
        }
        else
        {
            output.WriteLine(line);
        }
    }

    public void Done()
    {
        if (interactive)
        {
            output.WriteLine();
        }
    }

    public static string Describe(ScenarioEvent e) => e.Kind switch
    {
        EventKind.Join => $"{e.Participant} joins",
        EventKind.Table => $"{e.By} tables {e.Symbol}",
        EventKind.Propose when e.OffServer is not null => $"{string.Join(", ", e.Proposers.DefaultIfEmpty("someone"))}: {e.Amendment} (recorded only)",
        EventKind.Propose => $"{string.Join(", ", e.Proposers)} propose {e.Amendment}",
        EventKind.Position => $"{e.Delegation} {e.Position} {e.Amendment}",
        EventKind.Accept => $"{e.By} accepts {e.Amendment}",
        EventKind.Reject => $"{e.By} rejects {e.Amendment}",
        EventKind.Edit => $"{e.By} drafts on screen ({e.Replacements.Count} changes)",
        EventKind.Circulate => $"{e.By} circulates {e.Version}",
        EventKind.Adopt => $"{e.By} adopts {e.Version}",
        _ => e.Kind,
    };

    public static void Summarize(TextWriter output, ReplayVerification verification)
    {
        output.WriteLine("Verification:");
        foreach (var check in verification.Checks)
        {
            output.WriteLine($"  {(check.Passed ? "ok  " : "FAIL")} {check.What}");
            if (!check.Passed)
            {
                output.WriteLine($"       {check.Detail.Replace("\n", "\n       ", StringComparison.Ordinal)}");
            }
        }
        if (verification.NotPlayed.Count > 0)
        {
            output.WriteLine("Recorded in the scenario but not sent to the server:");
            foreach (var line in verification.NotPlayed)
            {
                output.WriteLine($"  - {line}");
            }
        }
        var failed = verification.Checks.Count(c => !c.Passed);
        output.WriteLine(failed == 0 && verification.Checks.Count > 0
            ? $"Replay verified: {verification.Checks.Count} checks passed."
            : $"Replay FAILED: {failed} of {verification.Checks.Count} checks failed.");
    }
}
