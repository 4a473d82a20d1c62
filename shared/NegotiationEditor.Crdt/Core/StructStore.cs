using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>All structs of a document: one clock-ordered list per client, found by binary search.</summary>
internal sealed class StructStore
{
    public readonly Dictionary<ulong, StructList> Clients = new();

    /// <summary>Structs that could not be integrated yet, as a V1 update, and the clocks they wait for.</summary>
    public PendingStructs? Pending;

    /// <summary>Deletions of clocks not yet known, as a V1 update with no structs.</summary>
    public byte[]? PendingDeletes;

    /// <summary>Counts the structs added; a state vector taken at one count holds until the next.</summary>
    private long additions = -1;

    private Dictionary<ulong, long>? sharedStateVector;

    public long GetState(ulong client)
    {
        if (!Clients.TryGetValue(client, out var structs) || structs.Count == 0)
        {
            return 0;
        }

        var last = structs[^1];
        return last.Clock + last.Length;
    }

    public Dictionary<ulong, long> GetStateVector()
    {
        var result = new Dictionary<ulong, long>(Clients.Count);
        foreach (var (client, structs) in Clients)
        {
            if (structs.Count > 0)
            {
                var last = structs[^1];
                result[client] = last.Clock + last.Length;
            }
        }

        return result;
    }

    /// <summary>
    /// The state vector for the transaction bookkeeping, shared until the next struct is added
    /// (one transaction's after-state is the next one's before-state). Callers must not change it.
    /// </summary>
    public Dictionary<ulong, long> GetSharedStateVector()
    {
        if (sharedStateVector == null || additions != 0)
        {
            sharedStateVector = GetStateVector();
            additions = 0;
        }

        return sharedStateVector;
    }

    public void AddStruct(AbstractStruct structure)
    {
        additions++;
        if (!Clients.TryGetValue(structure.Client, out var structs))
        {
            structs = new StructList();
            Clients[structure.Client] = structs;
        }
        else if (structs.Count > 0)
        {
            var last = structs[^1];
            if (last.Clock + last.Length != structure.Clock)
            {
                throw new InvalidOperationException("Structs must be added in clock order without gaps.");
            }
        }

        structs.Add(structure);
    }

    /// <summary>Index of the struct containing <paramref name="clock"/>; guesses by interpolation first.</summary>
    public static int FindIndex(StructList structs, long clock)
    {
        var index = structs.FindIndexByClock(clock);
        if (index < 0)
        {
            throw new InvalidOperationException($"Clock {clock} is not in the store.");
        }

        return index;
    }

    public AbstractStruct Find(StructId id)
    {
        var structs = Clients[id.Client];
        return structs[FindIndex(structs, id.Clock)];
    }

    public static int FindIndexCleanStart(Transaction? transaction, StructList structs, long clock)
    {
        var index = FindIndex(structs, clock);
        var structure = structs[index];
        if (structure.Clock < clock && structure is Item item)
        {
            structs.Insert(index + 1, item.Split(transaction, (int)(clock - item.Clock)));
            return index + 1;
        }

        return index;
    }

    /// <summary>The struct that starts exactly at <paramref name="id"/>, splitting an item if needed.</summary>
    public AbstractStruct GetItemCleanStart(Transaction? transaction, StructId id)
    {
        var structs = Clients[id.Client];
        return structs[FindIndexCleanStart(transaction, structs, id.Clock)];
    }

    /// <summary>The struct that ends exactly at <paramref name="id"/>, splitting an item if needed.</summary>
    public AbstractStruct GetItemCleanEnd(Transaction? transaction, StructId id)
    {
        var structs = Clients[id.Client];
        var index = FindIndex(structs, id.Clock);
        var structure = structs[index];
        if (id.Clock != structure.Clock + structure.Length - 1 && structure is Item item)
        {
            structs.Insert(index + 1, item.Split(transaction, (int)(id.Clock - item.Clock + 1)));
        }

        return structure;
    }

    public void ReplaceStruct(AbstractStruct old, AbstractStruct replacement)
    {
        var structs = Clients[old.Client];
        structs[FindIndex(structs, old.Clock)] = replacement;
    }

    /// <summary>Calls <paramref name="visit"/> for each struct in [clockStart, clockStart + length), split at both ends.</summary>
    public static void IterateStructs(Transaction? transaction, StructList structs, long clockStart, long length, Action<AbstractStruct> visit)
    {
        if (length == 0)
        {
            return;
        }

        var clockEnd = clockStart + length;
        var index = FindIndexCleanStart(transaction, structs, clockStart);
        AbstractStruct structure;
        do
        {
            structure = structs[index++];
            if (clockEnd < structure.Clock + structure.Length)
            {
                FindIndexCleanStart(transaction, structs, clockEnd);
            }

            visit(structure);
        }
        while (index < structs.Count && structs[index].Clock < clockEnd);
    }
}

/// <summary>Structs waiting for clocks of other clients, kept as a V1 update.</summary>
internal sealed class PendingStructs
{
    public PendingStructs(Dictionary<ulong, long> missing, byte[] update)
    {
        Missing = missing;
        Update = update;
    }

    public Dictionary<ulong, long> Missing { get; }

    public byte[] Update { get; set; }
}
