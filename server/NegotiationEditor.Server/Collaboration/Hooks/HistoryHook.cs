using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using NegotiationEditor.Crdt;
using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Negotiation.Timeline;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Storage;

namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>
/// Keeps every document's edit history (<see cref="IDocumentHistory"/>): each stored update is recorded with the time
/// and its author, merged into its author's current record while they go on typing within
/// <see cref="HistoryOptions.MergeWithin"/> (changes the server makes are each a record of their own). On load, whatever the update log holds that the history lacks (a document
/// stored before the history was kept, or a record a killed process never wrote) is recorded as learnt then; for a
/// document with no history at all, as of its tabling. A history that cannot be written is logged and never refuses
/// an update: the update log holds the text.
/// </summary>
public sealed class HistoryHook(
    IDocumentHistory history,
    LiveNegotiation negotiation,
    TimeProvider time,
    IOptions<HistoryOptions> options,
    ILogger<HistoryHook> logger) : RoomHook
{
    private readonly ConditionalWeakTable<byte[], Participant> _authors = new();
    private readonly ConcurrentDictionary<DocumentId, SemaphoreSlim> _turns = new();
    private readonly ConcurrentDictionary<DocumentId, OpenRecord> _open = new();

    /// <inheritdoc />
    public override async ValueTask OnLoadAsync(DocumentRoom room, YDoc document)
    {
        try
        {
            var records = history.Read(room.Id);
            var known = new YDoc(new YDocOptions { Gc = false });
            if (records.Count > 0)
            {
                Y.ApplyUpdate(known, Y.MergeUpdates(records.Select(r => r.Update)));
            }

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
            await history.AddAsync(new EditRecord(room.Id, at, at, null, missing)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or CrdtFormatException or LiteDB.LiteException or KeyNotFoundException)
        {
            logger.LogError(exception, "Document {Document}: its edit history could not be brought up to date with the update log", room.IdText);
        }
    }

    /// <inheritdoc />
    public override string? OnChange(DocumentRoom room, RoomConnection connection, byte[] update)
    {
        // The room stores this very array next if no later hook refuses it: its author is remembered by reference.
        _authors.AddOrUpdate(update, connection.Participant);
        return null;
    }

    /// <inheritdoc />
    public override async Task OnStoreAsync(DocumentRoom room, byte[] update)
    {
        ParticipantId? author = _authors.TryGetValue(update, out var participant) ? participant.Id : null;
        var turn = _turns.GetOrAdd(room.Id, _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync().ConfigureAwait(false);
        try
        {
            var at = time.GetUtcNow();
            // Changes the server makes (the tabled text, an accepted amendment) are few and each a moment: never merged.
            if (author is not null && _open.TryGetValue(room.Id, out var open) && open.Author == author
                && at >= open.Last && at - open.First < options.Value.MergeWithin)
            {
                var merged = Y.MergeUpdates([open.Update, update]);
                await history.ExtendAsync(open.Id, at, merged).ConfigureAwait(false);
                _open[room.Id] = open with { Last = at, Update = merged };
            }
            else
            {
                var id = await history.AddAsync(new EditRecord(room.Id, at, at, author, update)).ConfigureAwait(false);
                _open[room.Id] = new OpenRecord(id, author, at, at, update);
            }
        }
        catch (Exception exception) when (exception is IOException or CrdtFormatException or LiteDB.LiteException or KeyNotFoundException)
        {
            _open.TryRemove(room.Id, out _);
            logger.LogError(exception, "Document {Document}: an update was stored but not recorded in the edit history", room.IdText);
        }
        finally
        {
            turn.Release();
        }
    }

    private sealed record OpenRecord(long Id, ParticipantId? Author, DateTimeOffset First, DateTimeOffset Last, byte[] Update);
}
