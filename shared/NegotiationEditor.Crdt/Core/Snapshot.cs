using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;
using NegotiationEditor.Crdt.Updates;

namespace NegotiationEditor.Crdt;

/// <summary>
/// The state of a document at one moment: its state vector and delete set. Reading a type at a
/// snapshot needs a document created with gc off, so that deleted content is still there.
/// </summary>
public sealed class Snapshot
{
    internal Snapshot(DeleteSet deleteSet, Dictionary<ulong, long> stateVector)
    {
        DeleteSet = deleteSet;
        StateVector = stateVector;
    }

    internal DeleteSet DeleteSet { get; }

    internal Dictionary<ulong, long> StateVector { get; }

    private readonly HashSet<Transaction> splitIn = new(ReferenceEqualityComparer.Instance);

    /// <summary>Takes a snapshot of <paramref name="doc"/> as it is now.</summary>
    public static Snapshot Take(YDoc doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return new Snapshot(DeleteSet.FromStore(doc.Store), doc.Store.GetStateVector());
    }

    /// <summary>Encodes the snapshot as Yjs's <c>encodeSnapshot</c> does (delete set, then state vector).</summary>
    public byte[] Encode()
    {
        var writer = new Lib0Writer();
        DeleteSet.Write(writer);
        UpdateWriting.WriteStateVector(writer, StateVector);
        return writer.ToArray();
    }

    /// <summary>Decodes bytes made by <see cref="Encode"/> or by Yjs's <c>encodeSnapshot</c>.</summary>
    /// <exception cref="CrdtFormatException">The bytes are not a snapshot.</exception>
    public static Snapshot Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var reader = new Lib0Reader(bytes);
        var deleteSet = DeleteSet.Read(reader);
        deleteSet.SortAndMerge();
        var stateVector = UpdateDecoding.ReadStateVector(reader);
        return new Snapshot(deleteSet, stateVector);
    }

    /// <summary>Whether two snapshots describe the same state.</summary>
    public bool SameStateAs(Snapshot other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (StateVector.Count != other.StateVector.Count || DeleteSet.Clients.Count != other.DeleteSet.Clients.Count)
        {
            return false;
        }

        foreach (var (client, clock) in StateVector)
        {
            if (!other.StateVector.TryGetValue(client, out var otherClock) || otherClock != clock)
            {
                return false;
            }
        }

        foreach (var (client, ranges) in DeleteSet.Clients)
        {
            if (!other.DeleteSet.Clients.TryGetValue(client, out var otherRanges) || otherRanges.Count != ranges.Count)
            {
                return false;
            }

            for (var i = 0; i < ranges.Count; i++)
            {
                if (ranges[i].Clock != otherRanges[i].Clock || ranges[i].Length != otherRanges[i].Length)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Splits items at the snapshot's boundaries so that visibility can be decided per item.</summary>
    internal void SplitAffectedStructs(Transaction transaction)
    {
        if (!splitIn.Add(transaction))
        {
            return;
        }

        var store = transaction.Doc.Store;
        foreach (var (client, clock) in StateVector)
        {
            if (clock < store.GetState(client))
            {
                store.GetItemCleanStart(transaction, new StructId(client, clock));
            }
        }

        DeleteSet.IterateDeletedStructs(transaction, static _ => { });
    }
}
