using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using NegotiationEditor.Negotiation.Workflow;
using NegotiationEditor.Server.Hubs;

namespace NegotiationEditor.Server.Workflow;

/// <summary>
/// Pushes every workflow change to the hub connections that joined the document: the client method
/// <c>Negotiation(string documentId, string eventJson)</c> (see <c>docs/protocol.md</c>). Sending is best effort:
/// the change is stored before, and a client that missed an event finds it over REST.
/// </summary>
public sealed class NegotiationEvents(IHubContext<CollabHub> hub, ILogger<NegotiationEvents> logger)
{
    /// <summary>The client method the events are sent to.</summary>
    public const string ClientMethod = "Negotiation";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Sends one event to everyone in its document (a tabled document: to every connection).</summary>
    public async Task PublishAsync(NegotiationEventView change)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            // A new document concerns everyone (their list of documents); every other change, those in the document.
            var clients = change.Event == WireNames.Of(HistoryEvent.DocumentTabled)
                ? hub.Clients.All
                : hub.Clients.Group(CollabHub.GroupOf(change.DocumentId));
            await clients
                .SendAsync(ClientMethod, change.DocumentId, JsonSerializer.Serialize(change, Json))
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning(exception, "The event {Event} of document {Document} could not be sent", change.Event, change.DocumentId);
        }
    }

    /// <summary>The event for a history entry, with what it concerns.</summary>
    public static NegotiationEventView For(
        HistoryEntry entry, NegotiationState state, AmendmentView? amendment, RevisionSummaryView? revision, DocumentView? document) => new(
        WireNames.Of(entry.Event),
        entry.Document?.ToString() ?? string.Empty,
        entry.Sequence,
        entry.At,
        Views.Actor(state, entry.Actor),
        entry.Description,
        amendment,
        revision,
        document);
}
