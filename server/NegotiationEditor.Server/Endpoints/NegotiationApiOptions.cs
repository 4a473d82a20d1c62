namespace NegotiationEditor.Server.Endpoints;

/// <summary>Limits of the REST API (configuration section <c>NegotiationApi</c>).</summary>
public sealed class NegotiationApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "NegotiationApi";

    /// <summary>How many requests one token (or one address without a token) may make per window.</summary>
    public int RequestsPerWindow { get; set; } = 120;

    /// <summary>The rate limiter's window.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The largest request body accepted, in bytes.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
