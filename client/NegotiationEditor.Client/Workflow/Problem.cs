using System.Text.Json.Serialization;

namespace NegotiationEditor.Client.Workflow;

/// <summary>An RFC 9457 problem as the server sends it with every refusal.</summary>
public sealed record Problem(string? Type, string? Title, int? Status, string? Detail, string? Instance)
{
    /// <summary>The short kind of problem: the last segment of <see cref="Type"/> (forbidden, conflict, adopted ...).</summary>
    [JsonIgnore]
    public string Kind => Type is { Length: > 0 } type ? type[(type.TrimEnd('/').LastIndexOf('/') + 1)..] : "";

    /// <summary>Per-field messages of a 400 answer, when the server lists them.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }
}

/// <summary>The server refused a request (or could not be reached); <see cref="Problem"/> says why.</summary>
public sealed class NegotiationApiException : Exception
{
    /// <summary>Creates the exception for a refusal.</summary>
    public NegotiationApiException(int statusCode, Problem problem, Exception? inner = null)
        : base(MessageOf(statusCode, problem), inner)
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status (0 when the server could not be reached).</summary>
    public int StatusCode { get; }

    /// <summary>The server's explanation.</summary>
    public Problem Problem { get; }

    /// <summary>How long to wait before trying again, for a 429 answer.</summary>
    public TimeSpan? RetryAfter { get; init; }

    private static string MessageOf(int statusCode, Problem problem)
    {
        var what = problem.Detail is { Length: > 0 } detail ? detail : problem.Title ?? "the server refused the request";
        return statusCode == 0 ? what : $"{what} ({statusCode}{(problem.Kind.Length > 0 ? " " + problem.Kind : "")})";
    }
}
