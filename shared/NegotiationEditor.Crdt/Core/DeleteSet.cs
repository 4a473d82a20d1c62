using System.Runtime.InteropServices;
using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>One range of deleted clocks of one client.</summary>
internal struct DeleteRange
{
    public long Clock;
    public long Length;

    public DeleteRange(long clock, long length)
    {
        Clock = clock;
        Length = length;
    }
}

/// <summary>Deleted clock ranges per client. Deletions carry no clock of their own.</summary>
internal sealed class DeleteSet
{
    public readonly Dictionary<ulong, List<DeleteRange>> Clients = new();

    public bool IsEmpty => Clients.Count == 0;

    public void Add(ulong client, long clock, long length)
    {
        if (!Clients.TryGetValue(client, out var ranges))
        {
            ranges = new List<DeleteRange>();
            Clients[client] = ranges;
        }

        ranges.Add(new DeleteRange(clock, length));
    }

    /// <summary>Sorts each client's ranges and joins touching or overlapping ones.</summary>
    public void SortAndMerge()
    {
        foreach (var ranges in Clients.Values)
        {
            SortAndMerge(ranges);
        }
    }

    private static void SortAndMerge(List<DeleteRange> ranges)
    {
        if (ranges.Count < 2)
        {
            return;
        }

        var span = CollectionsMarshal.AsSpan(ranges);
        span.Sort(static (a, b) => a.Clock.CompareTo(b.Clock));
        var j = 1;
        for (var i = 1; i < span.Length; i++)
        {
            ref var left = ref span[j - 1];
            var right = span[i];
            if (left.Clock + left.Length >= right.Clock)
            {
                left.Length = Math.Max(left.Length, right.Clock + right.Length - left.Clock);
            }
            else
            {
                span[j] = right;
                j++;
            }
        }

        ranges.RemoveRange(j, ranges.Count - j);
    }

    /// <summary>Binary search in sorted, merged ranges.</summary>
    public static int FindIndex(List<DeleteRange> ranges, long clock)
    {
        var left = 0;
        var right = ranges.Count - 1;
        while (left <= right)
        {
            var mid = (left + right) / 2;
            var range = ranges[mid];
            if (range.Clock <= clock)
            {
                if (clock < range.Clock + range.Length)
                {
                    return mid;
                }

                left = mid + 1;
            }
            else
            {
                right = mid - 1;
            }
        }

        return -1;
    }

    public bool IsDeleted(StructId id) =>
        Clients.TryGetValue(id.Client, out var ranges) && FindIndex(ranges, id.Clock) >= 0;

    public static DeleteSet Merge(IEnumerable<DeleteSet> sets)
    {
        var merged = new DeleteSet();
        foreach (var set in sets)
        {
            foreach (var (client, ranges) in set.Clients)
            {
                if (!merged.Clients.TryGetValue(client, out var target))
                {
                    target = new List<DeleteRange>();
                    merged.Clients[client] = target;
                }

                target.AddRange(ranges);
            }
        }

        merged.SortAndMerge();
        return merged;
    }

    /// <summary>Every deleted range in the store, deleted items and GC structs alike.</summary>
    public static DeleteSet FromStore(StructStore store)
    {
        var set = new DeleteSet();
        foreach (var (client, structs) in store.Clients)
        {
            List<DeleteRange>? ranges = null;
            for (var i = 0; i < structs.Count; i++)
            {
                var structure = structs[i];
                if (!structure.Deleted)
                {
                    continue;
                }

                var clock = structure.Clock;
                long length = structure.Length;
                while (i + 1 < structs.Count && structs[i + 1].Deleted)
                {
                    i++;
                    length += structs[i].Length;
                }

                ranges ??= new List<DeleteRange>();
                ranges.Add(new DeleteRange(clock, length));
            }

            if (ranges != null)
            {
                set.Clients[client] = ranges;
            }
        }

        return set;
    }

    /// <summary>Writes the V1 form: clients in descending order, absolute clocks and lengths.</summary>
    public void Write(Lib0Writer writer)
    {
        writer.WriteVarUInt((ulong)Clients.Count);
        foreach (var client in SortedClientsDescending(Clients.Keys))
        {
            var ranges = Clients[client];
            writer.WriteVarUInt(client);
            writer.WriteVarUInt((ulong)ranges.Count);
            foreach (var range in ranges)
            {
                writer.WriteVarUInt((ulong)range.Clock);
                writer.WriteVarUInt((ulong)range.Length);
            }
        }
    }

    public static DeleteSet Read(Lib0Reader reader)
    {
        var set = new DeleteSet();
        var clients = reader.ReadCount(2);
        for (var i = 0; i < clients; i++)
        {
            var client = reader.ReadVarUInt();
            var count = reader.ReadCount(2);
            if (count == 0)
            {
                continue;
            }

            if (!set.Clients.TryGetValue(client, out var ranges))
            {
                ranges = new List<DeleteRange>(Math.Min(count, 64));
                set.Clients[client] = ranges;
            }

            for (var j = 0; j < count; j++)
            {
                var clock = reader.ReadVarUInt();
                var length = reader.ReadVarUInt();
                if (clock + length > Lib0Writer.MaxSafeInteger)
                {
                    throw new CrdtFormatException("Delete range exceeds 2^53 - 1.");
                }

                ranges.Add(new DeleteRange((long)clock, (long)length));
            }
        }

        return set;
    }

    public static ulong[] SortedClientsDescending(IEnumerable<ulong> clients)
    {
        var result = clients.ToArray();
        Array.Sort(result);
        Array.Reverse(result);
        return result;
    }

    /// <summary>Calls <paramref name="visit"/> for every struct inside the ranges (splitting at the edges).</summary>
    public void IterateDeletedStructs(Transaction transaction, Action<AbstractStruct> visit)
    {
        foreach (var (client, ranges) in Clients)
        {
            if (!transaction.Doc.Store.Clients.TryGetValue(client, out var structs))
            {
                continue;
            }

            var last = structs[^1];
            var state = last.Clock + last.Length;
            foreach (var range in ranges.ToArray())
            {
                if (range.Clock >= state)
                {
                    break;
                }

                StructStore.IterateStructs(transaction, structs, range.Clock, range.Length, visit);
            }
        }
    }
}
