using NegotiationEditor.Crdt.Structs;

namespace NegotiationEditor.Crdt;

/// <summary>
/// One client's structs in clock order, stored in chunks of at most <see cref="ChunkCapacity"/>.
/// Editing splits items in the middle of a client's history and merges them again; in chunks such
/// an insert or removal moves at most one chunk's worth of references, wherever it happens.
/// Lookups by clock search the chunks first, then inside one chunk.
/// </summary>
internal sealed class StructList
{
    private const int ChunkCapacity = 256;

    private AbstractStruct[][] chunks;
    private int[] counts;
    private int[] starts;
    private int chunkCount;
    private int count;
    private int lastChunk;

    public StructList(int capacity = 8)
    {
        chunks = new AbstractStruct[4][];
        counts = new int[4];
        starts = new int[4];
        chunks[0] = new AbstractStruct[Math.Clamp(capacity, 4, ChunkCapacity)];
        chunkCount = 1;
    }

    public StructList(IReadOnlyList<AbstractStruct> source) : this(source.Count)
    {
        for (var i = 0; i < source.Count; i++)
        {
            Add(source[i]);
        }
    }

    public int Count => count;

    public AbstractStruct this[int index]
    {
        get
        {
            var c = ChunkOf(index);
            return chunks[c][index - starts[c]];
        }

        set
        {
            var c = ChunkOf(index);
            chunks[c][index - starts[c]] = value;
        }
    }

    private int ChunkOf(int index)
    {
        var c = lastChunk;
        if (c < chunkCount && index >= starts[c] && index < starts[c] + counts[c])
        {
            return c;
        }

        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var lo = 0;
        var hi = chunkCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid] <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        lastChunk = lo;
        return lo;
    }

    /// <summary>Index of the struct containing <paramref name="clock"/>, or -1.</summary>
    public int FindIndexByClock(long clock)
    {
        if (count == 0)
        {
            return -1;
        }

        // Chunks are never empty while the list is not: the last chunk whose first clock is not
        // after the clock is the only one that can hold it.
        var lo = 0;
        var hi = chunkCount - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (chunks[mid][0].Clock <= clock)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        var chunk = chunks[lo];
        var n = counts[lo];
        var left = 0;
        var right = n - 1;
        while (left <= right)
        {
            var m = (left + right) / 2;
            var s = chunk[m];
            if (s.Clock <= clock)
            {
                if (clock < s.Clock + s.Length)
                {
                    lastChunk = lo;
                    return starts[lo] + m;
                }

                left = m + 1;
            }
            else
            {
                right = m - 1;
            }
        }

        return -1;
    }

    public void Add(AbstractStruct item) => Insert(count, item);

    public void Insert(int index, AbstractStruct item)
    {
        if ((uint)index > (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        int c;
        if (index == count)
        {
            c = chunkCount - 1;
        }
        else
        {
            c = ChunkOf(index);
        }

        var offset = index - starts[c];
        if (counts[c] == chunks[c].Length)
        {
            if (chunks[c].Length < ChunkCapacity)
            {
                Array.Resize(ref chunks[c], Math.Min(ChunkCapacity, chunks[c].Length * 2));
            }
            else
            {
                SplitChunk(c);
                if (offset > counts[c])
                {
                    offset -= counts[c];
                    c++;
                }
            }
        }

        var chunk = chunks[c];
        if (offset < counts[c])
        {
            Array.Copy(chunk, offset, chunk, offset + 1, counts[c] - offset);
        }

        chunk[offset] = item;
        counts[c]++;
        count++;
        for (var i = c + 1; i < chunkCount; i++)
        {
            starts[i]++;
        }

        lastChunk = c;
    }

    private void SplitChunk(int c)
    {
        if (chunkCount == chunks.Length)
        {
            Array.Resize(ref chunks, chunks.Length * 2);
            Array.Resize(ref counts, counts.Length * 2);
            Array.Resize(ref starts, starts.Length * 2);
        }

        Array.Copy(chunks, c + 1, chunks, c + 2, chunkCount - c - 1);
        Array.Copy(counts, c + 1, counts, c + 2, chunkCount - c - 1);
        Array.Copy(starts, c + 1, starts, c + 2, chunkCount - c - 1);
        var half = counts[c] / 2;
        var right = new AbstractStruct[ChunkCapacity];
        Array.Copy(chunks[c], half, right, 0, counts[c] - half);
        Array.Clear(chunks[c], half, counts[c] - half);
        chunks[c + 1] = right;
        counts[c + 1] = counts[c] - half;
        starts[c + 1] = starts[c] + half;
        counts[c] = half;
        chunkCount++;
    }

    public void RemoveRange(int index, int removeCount)
    {
        if (removeCount <= 0)
        {
            return;
        }

        if (index < 0 || index + removeCount > count)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var first = ChunkOf(index);
        var c = first;
        var remaining = removeCount;
        var offset = index - starts[c];
        var emptied = false;
        while (remaining > 0)
        {
            var take = Math.Min(remaining, counts[c] - offset);
            var chunk = chunks[c];
            Array.Copy(chunk, offset + take, chunk, offset, counts[c] - offset - take);
            Array.Clear(chunk, counts[c] - take, take);
            counts[c] -= take;
            emptied |= counts[c] == 0;
            remaining -= take;
            c++;
            offset = 0;
        }

        count -= removeCount;
        if (emptied)
        {
            RemoveEmptyChunks();
        }
        else
        {
            // Keep chunks from fragmenting: join a small chunk with a small neighbour.
            if (first + 1 < chunkCount && counts[first] + counts[first + 1] <= ChunkCapacity / 2)
            {
                JoinWithNext(first);
            }
            else if (first > 0 && counts[first - 1] + counts[first] <= ChunkCapacity / 2)
            {
                first--;
                JoinWithNext(first);
            }

            var start = starts[first];
            for (var i = first; i < chunkCount; i++)
            {
                starts[i] = start;
                start += counts[i];
            }
        }

        lastChunk = 0;
    }

    /// <summary>Moves chunk <paramref name="c"/> + 1 into chunk <paramref name="c"/> and removes it.</summary>
    private void JoinWithNext(int c)
    {
        var target = chunks[c];
        var needed = counts[c] + counts[c + 1];
        if (target.Length < needed)
        {
            Array.Resize(ref chunks[c], ChunkCapacity);
            target = chunks[c];
        }

        Array.Copy(chunks[c + 1], 0, target, counts[c], counts[c + 1]);
        counts[c] = needed;
        Array.Copy(chunks, c + 2, chunks, c + 1, chunkCount - c - 2);
        Array.Copy(counts, c + 2, counts, c + 1, chunkCount - c - 2);
        Array.Copy(starts, c + 2, starts, c + 1, chunkCount - c - 2);
        chunkCount--;
        chunks[chunkCount] = null!;
        counts[chunkCount] = 0;
    }

    private void RemoveEmptyChunks()
    {
        // An empty list keeps its first chunk.
        var write = 0;
        var start = 0;
        for (var read = 0; read < chunkCount; read++)
        {
            if (counts[read] == 0)
            {
                continue;
            }

            chunks[write] = chunks[read];
            counts[write] = counts[read];
            starts[write] = start;
            start += counts[read];
            write++;
        }

        if (write == 0)
        {
            counts[0] = 0;
            starts[0] = 0;
            write = 1;
        }

        for (var i = write; i < chunkCount; i++)
        {
            chunks[i] = null!;
            counts[i] = 0;
        }

        chunkCount = write;
    }
}
