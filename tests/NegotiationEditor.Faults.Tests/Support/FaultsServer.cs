namespace NegotiationEditor.Faults.Tests.Support;

/// <summary>How the faults tests start a server process.</summary>
public static class FaultsServer
{
    /// <summary>
    /// A node on <paramref name="dataFolder"/> with the extra command-line settings, ready once it answers (a node
    /// joining a negotiation another node seeded writes no invites). Every client of a run shares a handful of tokens,
    /// so the REST rate limit, which is not what is tested here, is raised; only warnings and errors are logged.
    /// </summary>
    public static ServerOptions Options(string dataFolder, IReadOnlyList<string> arguments) => new()
    {
        DataFolder = dataFolder,
        Arguments = arguments,
        RequestsPerWindow = 100_000,
        WaitForInvites = false,
        Environment = new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" },
    };
}
