using Microsoft.AspNetCore.Http.HttpResults;
using NegotiationEditor.Negotiation;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Workflow;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>Every error of the REST API as ProblemDetails (RFC 9457), with a <c>type</c> per kind of problem.</summary>
public static class Problems
{
    /// <summary>The start of every problem type.</summary>
    public const string TypeBase = "https://negotiation-editor.dev/problems/";

    /// <summary>The ProblemDetails for a refusal of the domain. A forbidden action on an adopted document is of type <c>adopted</c>.</summary>
    public static ProblemHttpResult Refused(Refusal refusal, NegotiationState? state = null, DocumentId? document = null)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Kind switch
        {
            RefusalKind.Forbidden when document is { } id && state?.FindDocument(id) is { IsAdopted: true }
                => Problem(StatusCodes.Status403Forbidden, "adopted", "The text has been adopted", refusal.Message),
            RefusalKind.Forbidden => Problem(StatusCodes.Status403Forbidden, "forbidden", "Forbidden", refusal.Message),
            RefusalKind.NotFound => NotFound(refusal.Message),
            RefusalKind.Conflict => Problem(StatusCodes.Status409Conflict, "conflict", "Conflict", refusal.Message),
            _ => Invalid(refusal.Message),
        };
    }

    /// <summary>400: the request is malformed or breaks a rule.</summary>
    public static ProblemHttpResult Invalid(string detail) =>
        Problem(StatusCodes.Status400BadRequest, "invalid", "The request is not valid", detail);

    /// <summary>401: no valid invite token.</summary>
    public static ProblemHttpResult Unauthenticated(string detail) =>
        Problem(StatusCodes.Status401Unauthorized, "unauthenticated", "An invite token is needed", detail);

    /// <summary>404: no such thing (or not visible to the caller).</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        Problem(StatusCodes.Status404NotFound, "not-found", "Not found", detail);

    /// <summary>405: the path exists but not with this method.</summary>
    public static ProblemHttpResult MethodNotAllowed(string detail) =>
        Problem(StatusCodes.Status405MethodNotAllowed, "method-not-allowed", "Method not allowed", detail);

    /// <summary>413: the body or a text is too large.</summary>
    public static ProblemHttpResult TooLarge(string detail) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "too-large", "Too large", detail);

    /// <summary>415: the body is not JSON.</summary>
    public static ProblemHttpResult UnsupportedMediaType(string detail) =>
        Problem(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Unsupported media type", detail);

    /// <summary>429: too many requests.</summary>
    public static ProblemHttpResult RateLimited(string detail) =>
        Problem(StatusCodes.Status429TooManyRequests, "rate-limited", "Too many requests", detail);

    /// <summary>503: the server cannot do it now (no Chromium to print PDF).</summary>
    public static ProblemHttpResult Unavailable(string detail) =>
        Problem(StatusCodes.Status503ServiceUnavailable, "unavailable", "Unavailable", detail);

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: status,
            title: title,
            type: TypeBase + type);
}
