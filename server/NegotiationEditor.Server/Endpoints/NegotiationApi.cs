using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NegotiationEditor.Server.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>The REST API of the negotiation workflow under <c>/api</c> (see <c>docs/protocol.md</c>, "REST API").</summary>
public static class NegotiationApi
{
    /// <summary>The rate limiting policy of the API.</summary>
    public const string RateLimitPolicy = "negotiation-api";

    /// <summary>Adds the live workflow, its hub events, the API's options and its rate limiter.</summary>
    public static IServiceCollection AddNegotiationApi(this IServiceCollection services)
    {
        services.AddOptions<NegotiationApiOptions>().BindConfiguration(NegotiationApiOptions.Section);
        services.AddSingleton<NegotiationEvents>();
        services.AddSingleton<LiveWorkflow>();
        services.AddTimeline();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, context =>
            {
                var options = context.RequestServices.GetRequiredService<IOptions<NegotiationApiOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(PartitionOf(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.RequestsPerWindow,
                    Window = options.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (rejected, _) =>
            {
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
                    : 1;
                rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.RateLimited($"too many requests: try again in {seconds} s").ExecuteAsync(rejected.HttpContext);
            };
        });
        return services;
    }

    /// <summary>Maps every endpoint under <c>/api</c>, each behind the invite token and the rate limiter.</summary>
    public static WebApplication MapNegotiationApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.Use(AnswerBareErrorsAsync);
        var api = app.MapGroup("/api")
            .AddEndpointFilter(Callers.RequireParticipantAsync)
            .RequireRateLimiting(RateLimitPolicy)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapParticipants().MapDocuments().MapAmendments().MapPositions().MapRevisions().MapTimeline();
        return app;
    }

    // Routing answers some requests itself with an empty body (415 when the body is not JSON, 405, 404 for a path
    // under /api that names no endpoint): give those a ProblemDetails too.
    private static async Task AnswerBareErrorsAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (!context.Request.Path.StartsWithSegments("/api") || context.Response.HasStarted || context.Response.ContentType is not null)
        {
            return;
        }

        var problem = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => Problems.NotFound($"there is no endpoint {context.Request.Path} (see /openapi/v1.json)"),
            StatusCodes.Status405MethodNotAllowed => Problems.MethodNotAllowed($"{context.Request.Method} is not allowed on {context.Request.Path} (see /openapi/v1.json)"),
            StatusCodes.Status415UnsupportedMediaType => Problems.UnsupportedMediaType($"send the body as application/json (got '{context.Request.ContentType}')"),
            _ => null,
        };
        if (problem is not null)
        {
            await problem.ExecuteAsync(context);
        }
    }

    // One window per invite token (hashed, so the limiter never holds tokens), or per address without one.
    private static string PartitionOf(HttpContext context)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.Length > 0)
        {
            return "token:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(authorization)));
        }

        return "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }
}
