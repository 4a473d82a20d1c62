
namespace NegotiationEditor.Drafting.Redlines;

/// <summary>
/// The distinct tokens met during one comparison, each stored once and numbered, so that paragraphs
/// are compared as arrays of integers and DiffPlex receives shared strings instead of fresh copies.
/// Not thread-safe: one table per comparison.
/// </summary>
internal sealed class TokenTable
{
    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly List<string> texts = [];
    private readonly List<TokenKind> kinds = [];
    private int[] idScratch = new int[256];
    private int[] startScratch = new int[257];

    public TokenTable(int capacity = 256)
    {
        ids = new Dictionary<string, int>(capacity, TokenComparer.Instance);
        lookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string this[int id] => texts[id];

    public TokenKind KindOf(int id) => kinds[id];

    /// <summary>Splits text[<paramref name="from"/>, <paramref name="to"/>) into numbered tokens; offsets stay those of the whole text.</summary>
    public TokenizedParagraph Tokenize(string text, int from, int to)
    {
        var count = 0;
        var start = from;
        var region = text.AsSpan(0, to);
        while (start < to)
        {
            var end = RedlineTokenizer.NextTokenEnd(region, start, out var kind);
            if (count == idScratch.Length)
            {
                Array.Resize(ref idScratch, count * 2);
                Array.Resize(ref startScratch, (count * 2) + 1);
            }

            idScratch[count] = Intern(text.AsSpan(start, end - start), kind);
            startScratch[count++] = start;
            start = end;
        }

        startScratch[count] = to;
        return new TokenizedParagraph(text, idScratch.AsSpan(0, count).ToArray(), startScratch.AsSpan(0, count + 1).ToArray());
    }

    // Per-token scratch for the anchor search, indexed by token id, kept clean between uses.
    private int[] oldCount = new int[256];
    private int[] newCount = new int[256];
    private int[] oldPosition = new int[256];
    private int[] stamps = new int[256];
    private int stamp;

    /// <summary>
    /// Positions (i in a[oldFrom, oldTo), j in b[newFrom, newTo)) of the tokens found exactly once in each
    /// range, keeping the longest chain in the same order on both sides.
    /// </summary>
    public List<(int Old, int New)> UniqueCommonTokens(int[] a, int oldFrom, int oldTo, int[] b, int newFrom, int newTo)
    {
        EnsureScratch();
        for (var i = oldFrom; i < oldTo; i++)
        {
            oldCount[a[i]]++;
            oldPosition[a[i]] = i;
        }

        for (var j = newFrom; j < newTo; j++)
        {
            newCount[b[j]]++;
        }

        // Candidates in new order; their old positions must increase: longest increasing subsequence.
        var candidates = new List<(int Old, int New)>();
        for (var j = newFrom; j < newTo; j++)
        {
            var id = b[j];
            if (newCount[id] == 1 && oldCount[id] == 1)
            {
                candidates.Add((oldPosition[id], j));
            }
        }

        for (var i = oldFrom; i < oldTo; i++)
        {
            oldCount[a[i]] = 0;
        }

        for (var j = newFrom; j < newTo; j++)
        {
            newCount[b[j]] = 0;
        }

        return LongestIncreasingChain(candidates);
    }

    /// <summary>Whether a[oldFrom, oldTo) and b[newFrom, newTo) have a token in common.</summary>
    public bool ShareAnyToken(int[] a, int oldFrom, int oldTo, int[] b, int newFrom, int newTo)
    {
        EnsureScratch();
        if (++stamp == int.MaxValue)
        {
            Array.Clear(stamps);
            stamp = 1;
        }

        for (var i = oldFrom; i < oldTo; i++)
        {
            stamps[a[i]] = stamp;
        }

        for (var j = newFrom; j < newTo; j++)
        {
            if (stamps[b[j]] == stamp)
            {
                return true;
            }
        }

        return false;
    }

    private static List<(int Old, int New)> LongestIncreasingChain(List<(int Old, int New)> candidates)
    {
        if (candidates.Count <= 1)
        {
            return candidates;
        }

        var tails = new int[candidates.Count];
        var previous = new int[candidates.Count];
        var length = 0;
        for (var c = 0; c < candidates.Count; c++)
        {
            int lo = 0, hi = length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (candidates[tails[mid]].Old < candidates[c].Old)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[c] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = c;
            if (lo == length)
            {
                length++;
            }
        }

        var chain = new (int Old, int New)[length];
        for (int c = tails[length - 1], k = length - 1; c >= 0; c = previous[c], k--)
        {
            chain[k] = candidates[c];
        }

        return [.. chain];
    }

    private void EnsureScratch()
    {
        if (oldCount.Length >= texts.Count)
        {
            return;
        }

        var size = Math.Max(texts.Count, oldCount.Length * 2);
        Array.Resize(ref oldCount, size);
        Array.Resize(ref newCount, size);
        Array.Resize(ref oldPosition, size);
        Array.Resize(ref stamps, size);
    }

    private int Intern(ReadOnlySpan<char> token, TokenKind kind)
    {
        if (lookup.TryGetValue(token, out var id))
        {
            return id;
        }

        var text = token.ToString();
        id = texts.Count;
        texts.Add(text);
        kinds.Add(kind);
        ids.Add(text, id);
        return id;
    }
}

/// <summary>Ordinal equality of tokens with a quick, unseeded hash (tokens are short; each comparison has its own table).</summary>
internal sealed class TokenComparer : IEqualityComparer<string>, IAlternateEqualityComparer<ReadOnlySpan<char>, string>
{
    public static TokenComparer Instance { get; } = new();

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<char> alternate, string other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<char> alternate) => Hash(alternate);

    public string Create(ReadOnlySpan<char> alternate) => alternate.ToString();

    /// <summary>FNV-1a over the UTF-16 code units, finished with a multiplicative mix.</summary>
    public static int Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)((hash * 0x9E3779B1u) ^ (hash >> 15));
    }
}

/// <summary>
/// A region of a paragraph's text with its tokens (ids in a <see cref="TokenTable"/>) and where each
/// starts; offsets are those of the whole text.
/// </summary>
internal sealed class TokenizedParagraph(string text, int[] ids, int[] starts)
{
    public string Text { get; } = text;

    /// <summary>Token ids in order.</summary>
    public int[] Ids { get; } = ids;

    /// <summary>Start offset of each token in <see cref="Text"/>, plus the region's end at the end.</summary>
    public int[] Starts { get; } = starts;

    public int Count => Ids.Length;

    /// <summary>The text of tokens [from, to).</summary>
    public string Slice(int from, int to) =>
        Starts[from] == 0 && Starts[to] == Text.Length ? Text : Text.Substring(Starts[from], Starts[to] - Starts[from]);
}
