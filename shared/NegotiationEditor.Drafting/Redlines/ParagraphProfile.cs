using System.Runtime.InteropServices;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>The paragraphs of one side of a comparison, profiled on demand.</summary>
internal sealed class ComparedSide(IReadOnlyList<string> texts)
{
    private readonly ParagraphProfile?[] profiles = new ParagraphProfile?[texts.Count];

    public IReadOnlyList<string> Texts { get; } = texts;

    public int Count => Texts.Count;

    public ParagraphProfile Profile(int index) => profiles[index] ??= ParagraphProfile.Of(Texts[index]);
}

/// <summary>
/// What the aligner compares of a paragraph: hashes of its words and punctuation (a multiset), and
/// hashes of pairs of consecutive ones, sampled (the same pairs are kept in every paragraph) in long
/// paragraphs.
/// </summary>
internal sealed class ParagraphProfile
{
    // Paragraphs with fewer pairs than this keep them all; longer ones keep the pairs whose hash is 0 modulo SampleRate.
    private const int SampleAbove = 16;
    private const int SampleRate = 4;

    [ThreadStatic]
    private static int[]? scratch;

    private ParagraphProfile(int[] sortedTokens, int[] wordPairs)
    {
        SortedTokens = sortedTokens;
        WordPairs = wordPairs;
    }

    /// <summary>Hashes of the non-whitespace tokens, sorted (a multiset).</summary>
    public int[] SortedTokens { get; }

    /// <summary>Hashes of (sampled) consecutive non-whitespace token pairs.</summary>
    public int[] WordPairs { get; }

    public static ParagraphProfile Of(string text)
    {
        var buffer = scratch ??= new int[1024];
        var count = 0;
        var start = 0;
        while (start < text.Length)
        {
            var end = RedlineTokenizer.NextTokenEnd(text, start, out var kind);
            if (kind != TokenKind.Whitespace)
            {
                if (count == buffer.Length)
                {
                    Array.Resize(ref buffer, count * 2);
                    scratch = buffer;
                }

                buffer[count++] = TokenComparer.Hash(text.AsSpan(start, end - start));
            }

            start = end;
        }

        var pairCount = Math.Max(0, count - 1);
        var sample = pairCount >= SampleAbove;
        var kept = 0;
        Span<int> pairs = pairCount <= 512 ? stackalloc int[pairCount] : new int[pairCount];
        for (var k = 1; k < count; k++)
        {
            var pair = PairHash(buffer[k - 1], buffer[k]);
            if (!sample || (uint)pair % SampleRate == 0)
            {
                pairs[kept++] = pair;
            }
        }

        var sorted = buffer.AsSpan(0, count).ToArray();
        Array.Sort(sorted);
        return new ParagraphProfile(sorted, pairs[..kept].ToArray());
    }

    private static int PairHash(int first, int second) =>
        (int)((((ulong)(uint)first << 32) | (uint)second) * 0x9E3779B97F4A7C15UL >> 32);

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
    private readonly Dictionary<int, Entry> entries;
    private readonly int[] paragraphs;

    private WordPairPostings(Dictionary<int, Entry> entries, int[] paragraphs)
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
        var entries = new Dictionary<int, Entry>(capacity);
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

    public ReadOnlySpan<int> Of(int pair) =>
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
