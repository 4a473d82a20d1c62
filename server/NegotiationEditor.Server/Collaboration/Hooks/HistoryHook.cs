using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Timeline;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>
/// Keeps every document's edit history (<see cref="IDocumentHistory"/>): each stored update, client or server-made, is
/// handed with its time and author to the <see cref="HistoryRecorder"/>, which writes it off the write path. On load,
/// whatever the update log holds that the history lacks (a document stored before the history was kept, or updates a
/// killed process never recorded) is recorded as learnt then; for a document with no history at all, as of its
/// tabling. The history never refuses an update: the update log holds the text.
/// </summary>
public sealed class HistoryHook(
    HistoryRecorder recorder,
    IDocumentHistory history,
    LiveNegotiation negotiation,
    TimeProvider time,
    ILogger<HistoryHook> logger) : RoomHook
{
    /// <inheritdoc />
    public override async ValueTask OnLoadAsync(DocumentRoom room, YDoc document)
    {
        try
        {
            await recorder.FlushAsync().ConfigureAwait(false);
            var records = history.Read(room.Id);
            var known = Workflow.TextHistory.Build(records);
            byte[]? missing = null;
            known.Updated += (_, args) => missing = missing is null ? args.Update : Y.MergeUpdates([missing, args.Update]);
            Y.ApplyUpdate(known, Y.EncodeStateAsUpdate(document, Y.EncodeStateVector(known)));
            if (missing is null)
            {
                return;
            }

            var at = time.GetUtcNow();
            if (records.Count == 0 && negotiation.Exists && NegotiationAtMoment.TabledAt(negotiation.Current, room.Id) is { } tabled && tabled < at)
            {
                at = tabled;
            }
            recorder.Record(room.Id, at, null, missing);
        }
        catch (Exception exception) when (exception is IOException or CrdtFormatException or LiteDB.LiteException or ObjectDisposedException)
        {
            logger.LogError(exception, "Document {Document}: its edit history could not be brought up to date with the update log", room.IdText);
        }
    }

    /// <inheritdoc />
    /// <remarks>Changes the server makes (a tabled text, an accepted amendment): recorded without an author.</remarks>
    public override Task OnStoreAsync(DocumentRoom room, byte[] update)
    {
        Record(room, update, author: null);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    /// <remarks>Client updates: recorded with the participant of the connection that sent each.</remarks>
    public override Task OnStoreAsync(DocumentRoom room, IReadOnlyList<ClientUpdate> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            Record(room, update.Update, update.Connection.Participant.Id);
        }
        return Task.CompletedTask;
    }

    private void Record(DocumentRoom room, byte[] update, ParticipantId? author)
    {
        try
        {
            recorder.Record(room.Id, time.GetUtcNow(), author, update);
        }
        catch (ObjectDisposedException exception)
        {
            logger.LogWarning(exception, "Document {Document}: an update stored while the server stops is not in the edit history yet", room.IdText);
        }
    }
}
