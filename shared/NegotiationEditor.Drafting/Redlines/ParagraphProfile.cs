using System.Runtime.InteropServices;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>The paragraphs of one side of a comparison, tokenized on demand into a table shared by both sides.</summary>
internal sealed class ComparedSide(IReadOnlyList<string> texts, TokenTable table)
{
    private readonly TokenizedParagraph?[] tokens = new TokenizedParagraph?[texts.Count];

    public IReadOnlyList<string> Texts { get; } = texts;

    public TokenTable Table { get; } = table;

    public int Count => Texts.Count;

    public TokenizedParagraph Tokens(int index) => tokens[index] ??= Table.Tokenize(Texts[index]);
}

/// <summary>What the aligner compares of a paragraph: its words and punctuation, and its pairs of consecutive ones.</summary>
internal sealed class ParagraphProfile
{
    private ParagraphProfile(int[] sortedTokens, long[] wordPairs)
    {
        SortedTokens = sortedTokens;
        WordPairs = wordPairs;
    }

    /// <summary>Ids of the non-whitespace tokens, sorted (a multiset).</summary>
    public int[] SortedTokens { get; }

    /// <summary>Consecutive non-whitespace token pairs, as (first id &lt;&lt; 32 | second id).</summary>
    public long[] WordPairs { get; }

    public static ParagraphProfile Of(TokenizedParagraph paragraph, TokenTable table)
    {
        var ids = paragraph.Ids;
        var count = 0;
        foreach (var id in ids)
        {
            if (!table.IsWhitespace(id))
            {
                count++;
            }
        }

        var sorted = new int[count];
        var pairs = new long[Math.Max(0, count - 1)];
        var n = 0;
        foreach (var id in ids)
        {
            if (table.IsWhitespace(id))
            {
                continue;
            }

            if (n > 0)
            {
                pairs[n - 1] = ((long)sorted[n - 1] << 32) | (uint)id;
            }

            sorted[n++] = id;
        }

        Array.Sort(sorted);
        return new ParagraphProfile(sorted, pairs);
    }

    /// <summary>Dice coefficient of the two token multisets: 1 for the same words, 0 for none in common.</summary>
    public double Similarity(ParagraphProfile other)
    {
        var a = SortedTokens;
        var b = other.SortedTokens;
        if (a.Length + b.Length == 0)
        {
            return 1;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * common / (a.Length + b.Length);
    }
}

/// <summary>For each distinctive word pair, the (unpaired old) paragraphs that contain it.</summary>
internal sealed class WordPairPostings
{
    private readonly Dictionary<long, Entry> entries;
    private readonly int[] paragraphs;

    private WordPairPostings(Dictionary<long, Entry> entries, int[] paragraphs)
    {
        this.entries = entries;
        this.paragraphs = paragraphs;
    }

    /// <summary>Indexes word pairs found in at most <paramref name="limit"/> of the <paramref name="profiles"/>.</summary>
    public static WordPairPostings Build(ParagraphProfile[] profiles, int limit)
    {
        var capacity = 0;
        foreach (var profile in profiles)
        {
            capacity += profile.WordPairs.Length;
        }

        // Count, for each pair, the distinct paragraphs that contain it.
        var entries = new Dictionary<long, Entry>(capacity, WordPairComparer.Instance);
        for (var k = 0; k < profiles.Length; k++)
        {
            foreach (var pair in profiles[k].WordPairs)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(entries, pair, out var exists);
                if (!exists)
                {
                    entry = new Entry { Count = 1, Last = k };
                }
                else if (entry.Last != k)
                {
                    entry.Count++;
                    entry.Last = k;
                }
            }
        }

        // Lay out the lists of the distinctive pairs one after the other; drop the common pairs.
        var total = 0;
        foreach (var key in entries.Keys)
        {
            ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(entries, key);
            entry.Last = -1;
            if (entry.Count > limit)
            {
                entry.Count = 0;
                continue;
            }

            entry.Offset = total;
            total += entry.Count;
        }

        var paragraphs = new int[total];
        for (var k = 0; k < profiles.Length; k++)
        {
            foreach (var pair in profiles[k].WordPairs)
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(entries, pair);
                if (entry.Count == 0 || entry.Last == k)
                {
                    continue;
                }

                paragraphs[entry.Offset + entry.Filled++] = k;
                entry.Last = k;
            }
        }

        return new WordPairPostings(entries, paragraphs);
    }

    public ReadOnlySpan<int> Of(long pair) =>
        entries.TryGetValue(pair, out var entry) && entry.Count > 0
            ? paragraphs.AsSpan(entry.Offset, entry.Count)
            : [];

    private struct Entry
    {
        public int Count;
        public int Last;
        public int Offset;
        public int Filled;
    }
}

/// <summary>
/// Hashes a word pair well: the default hash of a long (low half XOR high half) sends pairs of small
/// token ids into a few hundred buckets.
/// </summary>
internal sealed class WordPairComparer : IEqualityComparer<long>
{
    public static WordPairComparer Instance { get; } = new();

    public bool Equals(long x, long y) => x == y;

    public int GetHashCode(long value) => (int)(((ulong)value * 0x9E3779B97F4A7C15UL) >> 32);
}
