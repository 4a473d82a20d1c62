using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>
/// One client's structs in clock order. Storage is a gap buffer with free space at the end as
/// well: new structs are appended (and merged away) at the end without moving the gap, and the
/// splits that editing makes in the middle only move the gap from the previous split.
/// </summary>
internal sealed class StructList
{
    private AbstractStruct[] items;
    private int gapStart;
    private int gapEnd;
    private int end;

    public StructList(int capacity = 8)
    {
        items = new AbstractStruct[Math.Max(capacity, 4)];
    }

    public StructList(IReadOnlyList<AbstractStruct> source) : this(source.Count + 4)
    {
        for (var i = 0; i < source.Count; i++)
        {
            items[i] = source[i];
        }

        end = source.Count;
    }

    public int Count => end - (gapEnd - gapStart);

    public AbstractStruct this[int index]
    {
        get => items[index < gapStart ? index : index + (gapEnd - gapStart)];
        set => items[index < gapStart ? index : index + (gapEnd - gapStart)] = value;
    }

    public void Add(AbstractStruct item) => Insert(Count, item);

    public void Insert(int index, AbstractStruct item)
    {
        if (index == Count && index >= gapStart)
        {
            if (end == items.Length)
            {
                Grow();
            }

            items[end++] = item;
            return;
        }

        if (gapStart == gapEnd)
        {
            Grow();
        }

        MoveGap(index);
        items[gapStart++] = item;
    }

    public void RemoveRange(int index, int count)
    {
        if (count <= 0)
        {
            return;
        }

        if (index + count == Count && index >= gapStart)
        {
            var physical = index + (gapEnd - gapStart);
            Array.Clear(items, physical, count);
            end -= count;
            return;
        }

        MoveGap(index);
        Array.Clear(items, gapEnd, count);
        gapEnd += count;
    }

    private void MoveGap(int index)
    {
        var gap = gapEnd - gapStart;
        if (gap == 0)
        {
            gapStart = gapEnd = index;
            return;
        }

        if (index < gapStart)
        {
            var count = gapStart - index;
            Array.Copy(items, index, items, gapEnd - count, count);
            Array.Clear(items, index, Math.Min(count, gap));
            gapStart = index;
            gapEnd -= count;
        }
        else if (index > gapStart)
        {
            var count = index - gapStart;
            Array.Copy(items, gapEnd, items, gapStart, count);
            var clearFrom = Math.Max(gapEnd, gapStart + count);
            Array.Clear(items, clearFrom, gapEnd + count - clearFrom);
            gapStart += count;
            gapEnd += count;
        }
    }

    private void Grow()
    {
        // Size by what is used, not by the array: a large gap left by removals is given back
        // to the gap and the end in equal halves.
        var used = Count;
        var next = new AbstractStruct[Math.Max(8, used * 2)];
        var free = next.Length - used;
        var gap = free / 2;
        var tail = end - gapEnd;
        Array.Copy(items, 0, next, 0, gapStart);
        Array.Copy(items, gapEnd, next, gapStart + gap, tail);
        gapEnd = gapStart + gap;
        end = gapEnd + tail;
        items = next;
    }
}
