using NegotiationEditor.Crdt.Encoding;
using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt.Updates;

/// <summary>Merging, diffing and state vectors computed on update bytes without a document.</summary>
internal static class UpdateMerging
{
    /// <summary>Walks the structs of one update in the order written; optionally skips Skip structs.</summary>
    private sealed class StructCursor
    {
        private readonly List<AbstractStruct> all;
        private readonly bool filterSkips;
        private int index;

        public StructCursor(DecodedUpdate update, bool filterSkips)
        {
            all = new List<AbstractStruct>();
            foreach (var section in update.Sections)
            {
                all.AddRange(section.Structs);
            }

            this.filterSkips = filterSkips;
            index = -1;
            Next();
        }

        public AbstractStruct? Current { get; private set; }

        public AbstractStruct? Next()
        {
            do
            {
                index++;
                Current = index < all.Count ? all[index] : null;
            }
            while (filterSkips && Current is SkipStruct);

            return Current;
        }
    }

    /// <summary>Writes structs section by section, starting a new section whenever the client changes.</summary>
    private sealed class SectionWriter
    {
        private readonly List<(int Count, byte[] Bytes)> sections = new();
        private Lib0Writer current = new();
        private ulong currentClient;
        private int written;

        public void Write(AbstractStruct structure, int offset)
        {
            if (written > 0 && currentClient != structure.Client)
            {
                Flush();
            }

            if (written == 0)
            {
                currentClient = structure.Client;
                current.WriteVarUInt(structure.Client);
                current.WriteVarUInt((ulong)(structure.Clock + offset));
            }

            structure.Write(current, offset);
            written++;
        }

        private void Flush()
        {
            if (written > 0)
            {
                sections.Add((written, current.ToArray()));
                current = new Lib0Writer();
                written = 0;
            }
        }

        public void Finish(Lib0Writer target)
        {
            Flush();
            target.WriteVarUInt((ulong)sections.Count);
            foreach (var (count, bytes) in sections)
            {
                target.WriteVarUInt((ulong)count);
                target.WriteRaw(bytes);
            }
        }
    }

    private static AbstractStruct Slice(AbstractStruct left, int diff)
    {
        switch (left)
        {
            case GcStruct:
                return new GcStruct(left.Client, left.Clock + diff, left.Length - diff);
            case SkipStruct:
                return new SkipStruct(left.Client, left.Clock + diff, left.Length - diff);
            default:
            {
                var item = (Item)left;
                return new Item(item.Client, item.Clock + diff, null, new StructId(item.Client, item.Clock + diff - 1), null,
                    item.RightOrigin, item.Parent, item.ParentSub, item.Content.Splice(diff))
                {
                    ParentName = item.ParentName,
                    ParentId = item.ParentId,
                };
            }
        }
    }

    /// <summary>
    /// Takes the first cursor (the last element) out and puts it back in order, unless it is done; the elements before
    /// it are in order (descending).
    /// </summary>
    private static void PutBackFirst(List<StructCursor> cursors)
    {
        var moved = cursors[^1];
        cursors.RemoveAt(cursors.Count - 1);
        if (moved.Current == null)
        {
            return;
        }

        // The stable sort puts it after every cursor that sorts before it, and before those it ties with.
        int low = 0, high = cursors.Count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (Compare(cursors[middle], moved) >= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        cursors.Insert(low, moved);
    }

    private static int Compare(StructCursor a, StructCursor b)
    {
        var x = a.Current!;
        var y = b.Current!;
        if (x.Client == y.Client)
        {
            var clockDiff = x.Clock.CompareTo(y.Clock);
            if (clockDiff == 0)
            {
                return x.GetType() == y.GetType() ? 0 : x is SkipStruct ? 1 : -1;
            }

            return clockDiff;
        }

        return y.Client.CompareTo(x.Client);
    }

    public static byte[] MergeUpdates(IReadOnlyList<byte[]> updates)
    {
        if (updates.Count == 1)
        {
            return updates[0];
        }

        var decoded = new List<DecodedUpdate>(updates.Count);
        foreach (var update in updates)
        {
            decoded.Add(UpdateDecoding.Decode(update));
        }

        return Merge(decoded);
    }

    /// <remarks>
    /// yjs sorts all its cursors again (a stable sort) before each step, which makes merging n one-struct updates take
    /// n sorts of n cursors. Only the first cursor moves in a step, and the others stay sorted, so here the cursors are
    /// kept sorted instead: the moved one is taken out and put back where the stable sort would put it, before the
    /// cursors it ties with (it was first). The order, hence the bytes, are yjs's.
    /// </remarks>
    private static byte[] Merge(List<DecodedUpdate> decoded)
    {
        // Sorted last to first: the first cursor is at the end, where taking it out and putting it back near the
        // front of the order are cheap.
        var initial = decoded.Select((u, i) => (Cursor: new StructCursor(u, true), Index: i)).Where(p => p.Cursor.Current != null).ToList();
        initial.Sort((a, b) =>
        {
            var r = Compare(a.Cursor, b.Cursor);
            return r != 0 ? r : a.Index.CompareTo(b.Index);
        });
        var cursors = new List<StructCursor>(initial.Count);
        for (var i = initial.Count - 1; i >= 0; i--)
        {
            cursors.Add(initial[i].Cursor);
        }
        AbstractStruct? currentWrite = null;
        var output = new SectionWriter();

        for (var first = true; ; first = false)
        {
            if (!first)
            {
                PutBackFirst(cursors);
            }
            if (cursors.Count == 0)
            {
                break;
            }

            var cursor = cursors[^1];
            var firstClient = cursor.Current!.Client;
            if (currentWrite != null)
            {
                var curr = cursor.Current;
                var iterated = false;
                while (curr != null && curr.Clock + curr.Length <= currentWrite.Clock + currentWrite.Length && curr.Client >= currentWrite.Client)
                {
                    curr = cursor.Next();
                    iterated = true;
                }

                if (curr == null || curr.Client != firstClient || (iterated && curr.Clock > currentWrite.Clock + currentWrite.Length))
                {
                    continue;
                }

                if (firstClient != currentWrite.Client)
                {
                    output.Write(currentWrite, 0);
                    currentWrite = curr;
                    cursor.Next();
                }
                else if (currentWrite.Clock + currentWrite.Length < curr.Clock)
                {
                    if (currentWrite is SkipStruct)
                    {
                        currentWrite.Length = (int)(curr.Clock + curr.Length - currentWrite.Clock);
                    }
                    else
                    {
                        output.Write(currentWrite, 0);
                        var diff = curr.Clock - currentWrite.Clock - currentWrite.Length;
                        currentWrite = new SkipStruct(firstClient, currentWrite.Clock + currentWrite.Length, (int)diff);
                    }
                }
                else
                {
                    var diff = (int)(currentWrite.Clock + currentWrite.Length - curr.Clock);
                    if (diff > 0)
                    {
                        if (currentWrite is SkipStruct)
                        {
                            currentWrite.Length -= diff;
                        }
                        else
                        {
                            curr = Slice(curr, diff);
                        }
                    }

                    if (currentWrite.GetType() != curr.GetType() || !currentWrite.MergeWith(curr))
                    {
                        output.Write(currentWrite, 0);
                        currentWrite = curr;
                        cursor.Next();
                    }
                }
            }
            else
            {
                currentWrite = cursor.Current;
                cursor.Next();
            }

            for (var next = cursor.Current;
                 next != null && next.Client == firstClient && next.Clock == currentWrite!.Clock + currentWrite.Length && next is not SkipStruct;
                 next = cursor.Next())
            {
                output.Write(currentWrite, 0);
                currentWrite = next;
            }
        }

        if (currentWrite != null)
        {
            output.Write(currentWrite, 0);
        }

        var writer = new Lib0Writer();
        output.Finish(writer);
        DeleteSet.Merge(decoded.Select(d => d.DeleteSet)).Write(writer);
        return writer.ToArray();
    }

    public static byte[] DiffUpdate(byte[] update, IReadOnlyDictionary<ulong, long> stateVector)
    {
        var decoded = UpdateDecoding.Decode(update);
        var output = new SectionWriter();
        var cursor = new StructCursor(decoded, false);
        while (cursor.Current != null)
        {
            var curr = cursor.Current;
            var client = curr.Client;
            var svClock = stateVector.TryGetValue(client, out var c) ? c : 0;
            if (curr is SkipStruct)
            {
                cursor.Next();
                continue;
            }

            if (curr.Clock + curr.Length > svClock)
            {
                output.Write(curr, (int)Math.Max(svClock - curr.Clock, 0));
                cursor.Next();
                while (cursor.Current != null && cursor.Current.Client == client)
                {
                    output.Write(cursor.Current, 0);
                    cursor.Next();
                }
            }
            else
            {
                while (cursor.Current != null && cursor.Current.Client == client && cursor.Current.Clock + cursor.Current.Length <= svClock)
                {
                    cursor.Next();
                }
            }
        }

        var writer = new Lib0Writer();
        output.Finish(writer);
        decoded.DeleteSet.Write(writer);
        return writer.ToArray();
    }

    public static byte[] EncodeStateVectorFromUpdate(byte[] update)
    {
        var decoded = UpdateDecoding.Decode(update);
        var cursor = new StructCursor(decoded, false);
        var entries = new List<(ulong Client, long Clock)>();
        var curr = cursor.Current;
        if (curr != null)
        {
            var currentClient = curr.Client;
            var stopCounting = curr.Clock != 0;
            var currentClock = stopCounting ? 0 : curr.Clock + curr.Length;
            for (; curr != null; curr = cursor.Next())
            {
                if (currentClient != curr.Client)
                {
                    if (currentClock != 0)
                    {
                        entries.Add((currentClient, currentClock));
                    }

                    currentClient = curr.Client;
                    currentClock = 0;
                    stopCounting = curr.Clock != 0;
                }

                if (curr is SkipStruct)
                {
                    stopCounting = true;
                }

                if (!stopCounting)
                {
                    currentClock = curr.Clock + curr.Length;
                }
            }

            if (currentClock != 0)
            {
                entries.Add((currentClient, currentClock));
            }
        }

        var writer = new Lib0Writer();
        writer.WriteVarUInt((ulong)entries.Count);
        foreach (var (client, clock) in entries)
        {
            writer.WriteVarUInt(client);
            writer.WriteVarUInt((ulong)clock);
        }

        return writer.ToArray();
    }
}
