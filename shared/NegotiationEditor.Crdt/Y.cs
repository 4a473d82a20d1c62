using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Updates;

namespace NegotiationEditor.Crdt;

/// <summary>
/// The document-level functions of Yjs, on update format V1 bytes. Every function that reads
/// bytes throws <see cref="CrdtFormatException"/> for malformed input and then changes nothing.
/// </summary>
public static class Y
{
    private static readonly byte[] EmptyStateVector = [0];

    /// <summary>
    /// Encodes everything <paramref name="doc"/> has that a peer with the given state vector lacks
    /// (everything when null), including pending updates, as Yjs's <c>encodeStateAsUpdate</c>.
    /// </summary>
    public static byte[] EncodeStateAsUpdate(YDoc doc, byte[]? encodedTargetStateVector = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var svBytes = encodedTargetStateVector ?? EmptyStateVector;
        var target = UpdateDecoding.DecodeStateVector(svBytes);
        var writer = new Lib0Writer();
        UpdateWriting.WriteClientsStructs(writer, doc.Store, target);
        DeleteSet.FromStore(doc.Store).Write(writer);
        var updates = new List<byte[]> { writer.ToArray() };
        if (doc.Store.PendingDeletes != null)
        {
            updates.Add(doc.Store.PendingDeletes);
        }

        if (doc.Store.Pending != null)
        {
            updates.Add(UpdateMerging.DiffUpdate(doc.Store.Pending.Update, target));
        }

        return updates.Count > 1 ? UpdateMerging.MergeUpdates(updates) : updates[0];
    }

    /// <summary>Applies a V1 update. Structs that depend on missing updates wait as pending.</summary>
    /// <exception cref="CrdtFormatException">The update is malformed; the document is unchanged.</exception>
    public static void ApplyUpdate(YDoc doc, byte[] update, object? origin = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(update);
        UpdateIntegration.Apply(doc, update, origin);
    }

    /// <summary>Encodes the document's state vector (integrated structs only), highest client first.</summary>
    public static byte[] EncodeStateVector(YDoc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var writer = new Lib0Writer();
        UpdateWriting.WriteStateVector(writer, doc.Store.GetStateVector());
        return writer.ToArray();
    }

    /// <summary>Decodes a state vector into client → next clock.</summary>
    /// <exception cref="CrdtFormatException">The bytes are not a state vector.</exception>
    public static IReadOnlyDictionary<ulong, long> DecodeStateVector(byte[] encodedStateVector) =>
        UpdateDecoding.DecodeStateVector(encodedStateVector);

    /// <summary>Merges updates into one, as Yjs's <c>mergeUpdates</c> (gaps become Skip structs).</summary>
    /// <exception cref="CrdtFormatException">An update is malformed.</exception>
    public static byte[] MergeUpdates(IEnumerable<byte[]> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var list = updates.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one update is needed.", nameof(updates));
        }

        if (list.Count == 1)
        {
            UpdateDecoding.Decode(list[0]);
        }

        return UpdateMerging.MergeUpdates(list);
    }

    /// <summary>The part of <paramref name="update"/> that a peer with the given state vector lacks.</summary>
    /// <exception cref="CrdtFormatException">The update or the state vector is malformed.</exception>
    public static byte[] DiffUpdate(byte[] update, byte[] encodedStateVector)
    {
        ArgumentNullException.ThrowIfNull(update);
        var target = UpdateDecoding.DecodeStateVector(encodedStateVector);
        return UpdateMerging.DiffUpdate(update, target);
    }

    /// <summary>The state vector an update would give an empty document (counting up to the first gap).</summary>
    /// <exception cref="CrdtFormatException">The update is malformed.</exception>
    public static byte[] EncodeStateVectorFromUpdate(byte[] update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return UpdateMerging.EncodeStateVectorFromUpdate(update);
    }
}
