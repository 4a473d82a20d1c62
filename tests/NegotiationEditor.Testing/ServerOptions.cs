namespace NegotiationEditor.Testing;

/// <summary>How a <see cref="ServerProcess"/> is started; the defaults give one node on a fresh data folder.</summary>
public sealed record ServerOptions
{
    /// <summary>
    /// The data folder (<c>--data</c>). When null, a fresh temporary folder is made (so the server seeds the sample
    /// negotiation and writes invites.csv) and removed when the process is disposed; a given folder is left in place.
    /// </summary>
    public string? DataFolder { get; init; }

    /// <summary>The Redis server the nodes share (<c>--redis HOST:PORT</c>), or null.</summary>
    public string? Redis { get; init; }

    /// <summary>The PostgreSQL connection string (<c>--postgres</c>), or null.</summary>
    public string? Postgres { get; init; }

    /// <summary>More command-line arguments, e.g. <c>["--samples", DIR]</c>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment variables for the process (ASPNETCORE_ENVIRONMENT is Production unless set here).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The REST requests one invite may make per window (NegotiationApi:RequestsPerWindow), or null for the server's
    /// default. Tests that play many commands quickly raise it: the rate limit is not what they test.
    /// </summary>
    public int? RequestsPerWindow { get; init; }

    /// <summary>
    /// Whether the server is ready only once invites.csv exists too (true: a node that seeds, or a seeded folder).
    /// A node joining a negotiation another node seeded writes none.
    /// </summary>
    public bool WaitForInvites { get; init; } = true;

    /// <summary>How long the server may take to answer (generous: builds of other projects share the machine).</summary>
    public TimeSpan StartLimit { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>
    /// One of several nodes sharing Redis and PostgreSQL, on a fresh data folder of its own; ready once it answers
    /// (only the node that seeds the empty database writes invites.csv).
    /// </summary>
    public static ServerOptions Node(string redis, string postgres) =>
        new() { Redis = redis, Postgres = postgres, WaitForInvites = false };
}
