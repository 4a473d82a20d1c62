using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NegotiationEditor.Client.Invites;

namespace NegotiationEditor.Client.Workflow;

/// <summary>
/// The negotiation workflow over REST (docs/protocol.md, "REST API"), as the participant of one invite: documents,
/// amendments, positions, chair actions, revisions, compare and print. Every refusal throws a
/// <see cref="NegotiationApiException"/> carrying the server's ProblemDetails. Thread-safe.
/// </summary>
public sealed class NegotiationApi : IDisposable
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly HttpClient _http;

    /// <summary>A client for <paramref name="invite"/>; <paramref name="handler"/> replaces the network (tests, proxies).</summary>
    public NegotiationApi(Invite invite, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(invite);
        Invite = invite;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = invite.Server;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", invite.Token);
        _http.Timeout = TimeSpan.FromSeconds(100);
    }

    /// <summary>The invite the requests are made with.</summary>
    public Invite Invite { get; }

    /// <summary><c>GET /api/me</c>: who the token is.</summary>
    public Task<Me> GetMeAsync(CancellationToken cancellation = default) => GetAsync<Me>("api/me", cancellation);

    /// <summary><c>GET /api/delegations</c>.</summary>
    public Task<IReadOnlyList<Delegation>> ListDelegationsAsync(CancellationToken cancellation = default) =>
        GetAsync<IReadOnlyList<Delegation>>("api/delegations", cancellation);

    /// <summary><c>GET /api/documents</c>: the documents the caller may see.</summary>
    public Task<IReadOnlyList<DocumentSummary>> ListDocumentsAsync(CancellationToken cancellation = default) =>
        GetAsync<IReadOnlyList<DocumentSummary>>("api/documents", cancellation);

    /// <summary><c>GET /api/documents/{id}</c>: a document with its live text.</summary>
    public Task<Document> GetDocumentAsync(string documentId, CancellationToken cancellation = default) =>
        GetAsync<Document>(DocumentPath(documentId), cancellation);

    /// <summary><c>GET /api/documents/{id}/history</c>.</summary>
    public Task<IReadOnlyList<HistoryEntry>> GetHistoryAsync(string documentId, CancellationToken cancellation = default) =>
        GetAsync<IReadOnlyList<HistoryEntry>>(DocumentPath(documentId) + "/history", cancellation);

    /// <summary><c>PUT /api/documents/{id}/on-screen-drafting</c> (chair): chairAndSecretariat, memberStates or closed.</summary>
    public Task<Document> SwitchOnScreenDraftingAsync(string documentId, string mode, CancellationToken cancellation = default) =>
        SendAsync<Document>(HttpMethod.Put, DocumentPath(documentId) + "/on-screen-drafting", new { mode }, cancellation);

    /// <summary><c>POST /api/documents/{id}/adopt</c> (chair): seals the live text.</summary>
    public Task<Adoption> AdoptAsync(string documentId, CancellationToken cancellation = default) =>
        SendAsync<Adoption>(HttpMethod.Post, DocumentPath(documentId) + "/adopt", null, cancellation);

    /// <summary><c>GET .../amendments</c>, optionally only those with <paramref name="status"/>.</summary>
    public Task<IReadOnlyList<Amendment>> ListAmendmentsAsync(string documentId, string? status = null, CancellationToken cancellation = default) =>
        GetAsync<IReadOnlyList<Amendment>>(DocumentPath(documentId) + "/amendments" + (status is null ? "" : "?status=" + Uri.EscapeDataString(status)), cancellation);

    /// <summary><c>GET .../amendments/{id}</c>.</summary>
    public Task<Amendment> GetAmendmentAsync(string documentId, string amendmentId, CancellationToken cancellation = default) =>
        GetAsync<Amendment>(AmendmentPath(documentId, amendmentId), cancellation);

    /// <summary><c>POST .../amendments</c>: proposes an amendment for the caller's delegation, or a chair's proposal
    /// (<see cref="AmendmentProposal.Proposer"/> "chair").</summary>
    public Task<Amendment> ProposeAsync(string documentId, AmendmentProposal proposal, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        return SendAsync<Amendment>(HttpMethod.Post, DocumentPath(documentId) + "/amendments", proposal, cancellation);
    }

    /// <summary><c>POST .../amendments/{id}/withdraw</c> (the proposing delegation; a chair's proposal: chair, secretariat).</summary>
    public Task<Amendment> WithdrawAsync(string documentId, string amendmentId, CancellationToken cancellation = default) =>
        SendAsync<Amendment>(HttpMethod.Post, AmendmentPath(documentId, amendmentId) + "/withdraw", null, cancellation);

    /// <summary><c>PUT .../positions/{delegationId}</c>: supports, objects, reserves or canLiveWith.</summary>
    public Task<TakenPosition> TakePositionAsync(string documentId, string amendmentId, string delegationId, string position, string note = "", CancellationToken cancellation = default) =>
        SendAsync<TakenPosition>(HttpMethod.Put, AmendmentPath(documentId, amendmentId) + "/positions/" + Segment(delegationId, "delegation id"), new { position, note }, cancellation);

    /// <summary><c>GET .../positions</c>: current positions and their history.</summary>
    public Task<Positions> ListPositionsAsync(string documentId, string amendmentId, CancellationToken cancellation = default) =>
        GetAsync<Positions>(AmendmentPath(documentId, amendmentId) + "/positions", cancellation);

    /// <summary><c>POST .../accept</c> (chair); <paramref name="alternative"/> for an amendment with alternatives.</summary>
    public Task<Acceptance> AcceptAsync(string documentId, string amendmentId, int? alternative = null, CancellationToken cancellation = default) =>
        SendAsync<Acceptance>(HttpMethod.Post, AmendmentPath(documentId, amendmentId) + "/accept", alternative is null ? null : new { alternative }, cancellation);

    /// <summary><c>POST .../reject</c> (chair).</summary>
    public Task<Amendment> RejectAsync(string documentId, string amendmentId, CancellationToken cancellation = default) =>
        SendAsync<Amendment>(HttpMethod.Post, AmendmentPath(documentId, amendmentId) + "/reject", null, cancellation);

    /// <summary><c>POST .../revisions</c> (chair, secretariat): circulates the next Rev.N.</summary>
    public Task<Revision> CirculateRevisionAsync(string documentId, CancellationToken cancellation = default) =>
        SendAsync<Revision>(HttpMethod.Post, DocumentPath(documentId) + "/revisions", null, cancellation);

    /// <summary><c>GET .../revisions</c>: Rev.1 first.</summary>
    public Task<IReadOnlyList<RevisionSummary>> ListRevisionsAsync(string documentId, CancellationToken cancellation = default) =>
        GetAsync<IReadOnlyList<RevisionSummary>>(DocumentPath(documentId) + "/revisions", cancellation);

    /// <summary><c>GET .../revisions/{revision}</c>, by id, number or label (Rev.N).</summary>
    public Task<Revision> GetRevisionAsync(string documentId, string revision, CancellationToken cancellation = default) =>
        GetAsync<Revision>(DocumentPath(documentId) + "/revisions/" + Segment(revision, "revision"), cancellation);

    /// <summary><c>GET .../compare</c>: a redline from one version (Rev.N or live) to another, as text, json, html or docx.</summary>
    public Task<RenderedOutput> CompareAsync(string documentId, string from, string to = "live", string format = "text", string view = "inline", CancellationToken cancellation = default) =>
        GetRenderedAsync(DocumentPath(documentId) + "/compare?from=" + Uri.EscapeDataString(from) + "&to=" + Uri.EscapeDataString(to)
            + "&format=" + Uri.EscapeDataString(format) + "&view=" + Uri.EscapeDataString(view), cancellation);

    /// <summary><c>GET .../revisions/{revision}/print</c>: html, docx or pdf.</summary>
    public Task<RenderedOutput> PrintRevisionAsync(string documentId, string revision, string format = "html", CancellationToken cancellation = default) =>
        GetRenderedAsync(DocumentPath(documentId) + "/revisions/" + Segment(revision, "revision") + "/print?format=" + Uri.EscapeDataString(format), cancellation);

    /// <summary><c>GET /api/participants</c> (chair, secretariat): every participant, removed ones included.</summary>
    public Task<IReadOnlyList<Participant>> ListParticipantsAsync(CancellationToken cancellation = default) =>
        GetAsync<IReadOnlyList<Participant>>("api/participants", cancellation);

    /// <summary><c>DELETE /api/participants/{id}</c> (chair, secretariat): the participant is refused everything from now on.</summary>
    public Task<Participant> RemoveParticipantAsync(string participantId, CancellationToken cancellation = default) =>
        SendAsync<Participant>(HttpMethod.Delete, "api/participants/" + Segment(participantId, "participant id"), null, cancellation);

    /// <summary><c>DELETE /api/participants/{id}/invites</c> (chair, secretariat): the participant's tokens are refused from now on.</summary>
    public Task<RevokedInvites> RevokeInvitesAsync(string participantId, CancellationToken cancellation = default) =>
        SendAsync<RevokedInvites>(HttpMethod.Delete, "api/participants/" + Segment(participantId, "participant id") + "/invites", null, cancellation);

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private static string DocumentPath(string documentId) => "api/documents/" + Segment(documentId, "document id");

    private static string AmendmentPath(string documentId, string amendmentId) =>
        DocumentPath(documentId) + "/amendments/" + Segment(amendmentId, "amendment id");

    private static string Segment(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"the {what} is empty", nameof(value));
        }
        return Uri.EscapeDataString(value);
    }

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        return await ReadAsync<T>(request, cancellation).ConfigureAwait(false);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }
        return await ReadAsync<T>(request, cancellation).ConfigureAwait(false);
    }

    private async Task<T> ReadAsync<T>(HttpRequestMessage request, CancellationToken cancellation)
    {
        using var response = await SendCheckedAsync(request, cancellation).ConfigureAwait(false);
        try
        {
            var value = await response.Content.ReadFromJsonAsync<T>(Json, cancellation).ConfigureAwait(false);
            return value ?? throw Unreadable(response, "an empty answer");
        }
        catch (JsonException exception)
        {
            throw Unreadable(response, exception.Message);
        }
    }

    private async Task<RenderedOutput> GetRenderedAsync(string path, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await SendCheckedAsync(request, cancellation).ConfigureAwait(false);
        var content = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
        return new RenderedOutput(response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream", content);
    }

    private async Task<HttpResponseMessage> SendCheckedAsync(HttpRequestMessage request, CancellationToken cancellation)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new NegotiationApiException(0, new Problem(null, "Server unreachable",
                null, $"the server at {Invite.Server} cannot be reached: {exception.Message}", request.RequestUri?.ToString()), exception);
        }
        catch (TaskCanceledException exception) when (!cancellation.IsCancellationRequested)
        {
            throw new NegotiationApiException(0, new Problem(null, "Timeout",
                null, $"the server at {Invite.Server} did not answer in time", request.RequestUri?.ToString()), exception);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            Problem? problem = null;
            try
            {
                var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
                if (body.Length > 0 && response.Content.Headers.ContentType?.MediaType is { } type && type.Contains("json", StringComparison.Ordinal))
                {
                    problem = JsonSerializer.Deserialize<Problem>(body, Json);
                }
            }
            catch (JsonException)
            {
                // Not a problem document: described from the status below.
            }
            problem ??= new Problem(null, response.ReasonPhrase ?? ((HttpStatusCode)status).ToString(), status, null, request.RequestUri?.ToString());
            throw new NegotiationApiException(status, problem)
            {
                RetryAfter = response.Headers.RetryAfter?.Delta,
            };
        }
    }

    private static NegotiationApiException Unreadable(HttpResponseMessage response, string why) =>
        new((int)response.StatusCode, new Problem(null, "Unexpected answer", (int)response.StatusCode,
            $"the server's answer could not be read: {why}", response.RequestMessage?.RequestUri?.ToString()));
}
