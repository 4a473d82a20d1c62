using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace NegotiationEditor.Server.Endpoints;

/// <summary>
/// Reads a JSON request body within the size limit, turning every problem into a clear ProblemDetails: not JSON
/// (415), too large (413), malformed (400).
/// </summary>
public static class RequestBody
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = false,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>The body as <typeparamref name="T"/>, or the problem; with <paramref name="optional"/> an empty body gives <paramref name="empty"/>.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext context, bool optional = false, T? empty = default)
        where T : class
    {
        var request = context.Request;
        var limit = context.RequestServices.GetRequiredService<IOptions<NegotiationApiOptions>>().Value.MaxBodyBytes;
        var declaredEmpty = request.ContentLength == 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any());
        if (declaredEmpty && string.IsNullOrEmpty(request.ContentType))
        {
            return optional ? (empty, null) : (null, Problems.Invalid($"a JSON body is needed ({typeof(T).Name})"));
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedMediaType($"send the body as application/json (got '{request.ContentType}')"));
        }

        if (request.ContentLength > limit)
        {
            return (null, Problems.TooLarge($"the request body has {request.ContentLength} bytes; the limit is {limit}"));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, Problems.TooLarge($"the request body is over the limit of {limit} bytes"));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return optional ? (empty, null) : (null, Problems.Invalid($"a JSON body is needed ({typeof(T).Name})"));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return value is null ? (null, Problems.Invalid("the body must be a JSON object, not null")) : (value, null);
        }
        catch (JsonException exception)
        {
            return (null, Problems.Invalid($"the body is not valid JSON for this request: {exception.Message}"));
        }
    }
}
