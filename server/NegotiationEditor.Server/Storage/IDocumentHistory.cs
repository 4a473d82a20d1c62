using NegotiationEditor.Negotiation.Access;
using NegotiationEditor.Negotiation.Documents;

namespace NegotiationEditor.Server.Storage;

/// <summary>
/// One stretch of a document's edit history: the CRDT updates (format V1) stored from <paramref name="First"/> to
/// <paramref name="Last"/>, merged into one, all made by the same author.
/// </summary>
/// <param name="Document">The document.</param>
/// <param name="First">When the first of its updates was stored.</param>
/// <param name="Last">When the last of its updates was stored.</param>
/// <param name="Author">The participant who typed them; null for changes the server made (the tabled text, an accepted
/// amendment) and for what the history learnt from the update log (a document stored before it kept a history).</param>
/// <param name="Update">The merged update.</param>
public sealed record EditRecord(DocumentId Document, DateTimeOffset First, DateTimeOffset Last, ParticipantId? Author, byte[] Update);

/// <summary>
/// The append-only edit history of the live documents, kept beside the update log and never compacted: the text of a
/// document at a past moment is built from the records stored by then. Records are only added or, while their author
/// keeps typing, extended; none is removed.
/// </summary>
public interface IDocumentHistory
{
    /// <summary>Stores a new record; returns its id.</summary>
    Task<long> AddAsync(EditRecord record, CancellationToken cancellationToken = default);

    /// <summary>Replaces the last time and the update of record <paramref name="id"/> (its author went on typing).</summary>
    Task ExtendAsync(long id, DateTimeOffset last, byte[] update, CancellationToken cancellationToken = default);

    /// <summary>
    /// The document's records, oldest first (by first time, then as stored); with <paramref name="until"/>, only those
    /// whose last update was stored at or before it.
    /// </summary>
    IReadOnlyList<EditRecord> Read(DocumentId document, DateTimeOffset? until = null);
}
