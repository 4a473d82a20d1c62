using System.Runtime.InteropServices;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>One line of a paragraph alignment: an old paragraph, a new one, or a pair.</summary>
/// <param name="Old">Index in the old draft, or -1 for an inserted paragraph.</param>
/// <param name="New">Index in the new draft, or -1 for a deleted paragraph.</param>
/// <param name="Moved">True when the pair is out of order with the rest (the paragraph moved).</param>
internal readonly record struct ParagraphMatch(int Old, int New, bool Moved);

/// <summary>
/// The second stage of the redline: pairs the paragraphs of two drafts by similarity, not by position.
/// Identical paragraphs pair first; the rest pair with the most similar unpaired paragraph when the
/// similarity (Dice coefficient over the paragraphs' words and punctuation) reaches the configured
/// minimum; a pair out of order with the longest in-order chain of pairs is a move.
/// </summary>
internal sealed class ParagraphAligner(double minimumSimilarity, bool detectMoves)
{
    // A word pair shared by more paragraphs than this says little about which paragraphs correspond.
    private const int DistinctivePairLimit = 8;

    // Candidates examined per unpaired new paragraph, best voted first.
    private const int CandidatesPerParagraph = 4;

    // Without a distinctive word pair, unpaired old paragraphs between the same anchors are examined, up to this many.
    private const int GapCandidateLimit = 32;

    public IReadOnlyList<ParagraphMatch> Align(ComparedSide oldSide, ComparedSide newSide)
    {
        var oldCount = oldSide.Count;
        var newCount = newSide.Count;
        var oldPartner = new int[oldCount];
        var newPartner = new int[newCount];
        Array.Fill(oldPartner, -1);
        Array.Fill(newPartner, -1);

        PairIdentical(oldSide, newSide, oldPartner, newPartner);
        PairSimilar(oldSide, newSide, oldPartner, newPartner);
        PairBesideNeighbours(oldSide, newSide, oldPartner, newPartner);

        var moved = detectMoves ? FindMoves(newPartner) : new bool[newCount];
        return Merge(oldPartner, newPartner, moved);
    }

    /// <summary>
    /// Pairs identical paragraphs: the common beginning and end of the drafts, then texts found once in
    /// each draft, then repeated texts, each with the first free copy after the previous pair.
    /// </summary>
    private static void PairIdentical(ComparedSide oldSide, ComparedSide newSide, int[] oldPartner, int[] newPartner)
    {
        var oldTexts = oldSide.Texts;
        var newTexts = newSide.Texts;
        var start = 0;
        while (start < oldTexts.Count && start < newTexts.Count && oldTexts[start] == newTexts[start])
        {
            Pair(start, start, oldPartner, newPartner);
            start++;
        }

        var oldEnd = oldTexts.Count;
        var newEnd = newTexts.Count;
        while (oldEnd > start && newEnd > start && oldTexts[oldEnd - 1] == newTexts[newEnd - 1])
        {
            oldEnd--;
            newEnd--;
            Pair(oldEnd, newEnd, oldPartner, newPartner);
        }

        if (start == oldEnd || start == newEnd)
        {
            return;
        }

        // Every old paragraph of the middle, by text (each text hashed once); copies of one text chained in order.
        var chains = new Dictionary<string, int>(oldEnd - start, StringComparer.Ordinal);
        var next = new int[oldTexts.Count];
        var tail = new int[oldTexts.Count];
        var oldCopies = new int[oldTexts.Count];
        var newCopies = new int[oldTexts.Count];
        for (var i = start; i < oldEnd; i++)
        {
            next[i] = -1;
            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(chains, oldTexts[i], out var exists);
            if (!exists)
            {
                head = i;
                tail[i] = i;
            }
            else
            {
                next[tail[head]] = i;
                tail[head] = i;
            }

            oldCopies[head]++;
        }

        // For each new paragraph of the middle, the head of the chain of old paragraphs with its text (-1 if none).
        var chainOf = new int[newTexts.Count];
        for (var j = start; j < newEnd; j++)
        {
            chainOf[j] = chains.TryGetValue(newTexts[j], out var head) ? head : -1;
            if (chainOf[j] >= 0)
            {
                newCopies[chainOf[j]]++;
            }
        }

        var repeated = false;
        for (var j = start; j < newEnd; j++)
        {
            var head = chainOf[j];
            if (head < 0)
            {
                continue;
            }

            if (oldCopies[head] == 1 && newCopies[head] == 1)
            {
                Pair(head, j, oldPartner, newPartner);
            }
            else
            {
                repeated = true;
            }
        }

        if (!repeated)
        {
            return;
        }

        var previousOld = start - 1;
        for (var j = start; j < newEnd; j++)
        {
            if (newPartner[j] >= 0)
            {
                previousOld = newPartner[j];
                continue;
            }

            if (chainOf[j] < 0)
            {
                continue;
            }

            var chosen = -1;
            for (var copy = chainOf[j]; copy >= 0; copy = next[copy])
            {
                if (oldPartner[copy] >= 0)
                {
                    continue;
                }

                if (chosen < 0)
                {
                    chosen = copy;
                }

                if (copy > previousOld)
                {
                    chosen = copy;
                    break;
                }
            }

            if (chosen >= 0)
            {
                Pair(chosen, j, oldPartner, newPartner);
                previousOld = chosen;
            }
        }
    }

    private static void Pair(int old, int @new, int[] oldPartner, int[] newPartner)
    {
        oldPartner[old] = @new;
        newPartner[@new] = old;
    }

    private void PairSimilar(ComparedSide oldSide, ComparedSide newSide, int[] oldPartner, int[] newPartner)
    {
        var oldOpen = Unpaired(oldPartner);
        var newOpen = Unpaired(newPartner);
        if (oldOpen.Count == 0 || newOpen.Count == 0)
        {
            return;
        }

        var oldProfiles = new ParagraphProfile[oldOpen.Count];
        for (var k = 0; k < oldOpen.Count; k++)
        {
            oldProfiles[k] = oldSide.Profile(oldOpen[k]);
        }

        var postings = WordPairPostings.Build(oldProfiles, DistinctivePairLimit);
        var votes = new int[oldOpen.Count];
        var touched = new List<int>();
        var candidates = new List<Candidate>();
        var best = new List<int>(CandidatesPerParagraph);

        // Where each new paragraph sits among the identical pairs, for candidates without a distinctive word pair.
        var anchorBefore = AnchorsBefore(newPartner);
        var oldOpenPosition = new int[oldSide.Count];
        Array.Fill(oldOpenPosition, -1);
        for (var k = 0; k < oldOpen.Count; k++)
        {
            oldOpenPosition[oldOpen[k]] = k;
        }

        for (var n = 0; n < newOpen.Count; n++)
        {
            var j = newOpen[n];
            var profile = newSide.Profile(j);
            touched.Clear();
            foreach (var pair in profile.WordPairs)
            {
                foreach (var k in postings.Of(pair))
                {
                    if (votes[k]++ == 0)
                    {
                        touched.Add(k);
                    }
                }
            }

            best.Clear();
            if (touched.Count > 0)
            {
                TopVoted(touched, votes, best);
            }
            else
            {
                GapCandidates(j, anchorBefore, newPartner, oldPartner, oldOpenPosition, oldSide.Count, best);
            }

            foreach (var k in touched)
            {
                votes[k] = 0;
            }

            foreach (var k in best)
            {
                var similarity = profile.Similarity(oldProfiles[k]);
                if (similarity >= minimumSimilarity)
                {
                    var distance = Math.Abs(((double)oldOpen[k] / oldSide.Count) - ((double)j / newSide.Count));
                    candidates.Add(new Candidate(similarity, distance, oldOpen[k], j));
                }
            }
        }

        candidates.Sort(static (a, b) =>
        {
            var bySimilarity = b.Similarity.CompareTo(a.Similarity);
            return bySimilarity != 0 ? bySimilarity : a.Distance.CompareTo(b.Distance);
        });
        foreach (var candidate in candidates)
        {
            if (oldPartner[candidate.Old] < 0 && newPartner[candidate.New] < 0)
            {
                oldPartner[candidate.Old] = candidate.New;
                newPartner[candidate.New] = candidate.Old;
            }
        }
    }

    /// <summary>
    /// A paragraph still unpaired is compared with the old paragraph next to its neighbours' partners
    /// (those found no distinctive word pair in common, e.g. short paragraphs of common words); the
    /// minimum similarity still decides.
    /// </summary>
    private void PairBesideNeighbours(ComparedSide oldSide, ComparedSide newSide, int[] oldPartner, int[] newPartner)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var forward = pass == 0;
            for (var step = 0; step < newPartner.Length; step++)
            {
                var j = forward ? step : newPartner.Length - 1 - step;
                if (newPartner[j] >= 0)
                {
                    continue;
                }

                var best = -1;
                var bestSimilarity = minimumSimilarity;
                foreach (var i in new[] { j > 0 && newPartner[j - 1] >= 0 ? newPartner[j - 1] + 1 : -1, j + 1 < newPartner.Length && newPartner[j + 1] >= 0 ? newPartner[j + 1] - 1 : -1 })
                {
                    if (i < 0 || i >= oldPartner.Length || oldPartner[i] >= 0)
                    {
                        continue;
                    }

                    var similarity = newSide.Profile(j).Similarity(oldSide.Profile(i));
                    if (similarity >= bestSimilarity)
                    {
                        best = i;
                        bestSimilarity = similarity;
                    }
                }

                if (best >= 0)
                {
                    Pair(best, j, oldPartner, newPartner);
                }
            }
        }
    }

    private static List<int> Unpaired(int[] partner)
    {
        var open = new List<int>();
        for (var i = 0; i < partner.Length; i++)
        {
            if (partner[i] < 0)
            {
                open.Add(i);
            }
        }

        return open;
    }

    private static void TopVoted(List<int> touched, int[] votes, List<int> best)
    {
        foreach (var k in touched)
        {
            if (best.Count < CandidatesPerParagraph)
            {
                best.Add(k);
                continue;
            }

            var weakest = 0;
            for (var b = 1; b < best.Count; b++)
            {
                if (votes[best[b]] < votes[best[weakest]])
                {
                    weakest = b;
                }
            }

            if (votes[k] > votes[best[weakest]])
            {
                best[weakest] = k;
            }
        }
    }

    /// <summary>For each new paragraph, the old index of the nearest identical pair before it (-1 if none).</summary>
    private static int[] AnchorsBefore(int[] newPartner)
    {
        var anchors = new int[newPartner.Length];
        var last = -1;
        for (var j = 0; j < newPartner.Length; j++)
        {
            anchors[j] = last;
            if (newPartner[j] >= 0)
            {
                last = newPartner[j];
            }
        }

        return anchors;
    }

    private static void GapCandidates(
        int j, int[] anchorBefore, int[] newPartner, int[] oldPartner, int[] oldOpenPosition, int oldCount, List<int> best)
    {
        var from = anchorBefore[j] + 1;
        var to = oldCount;
        for (var after = j + 1; after < newPartner.Length; after++)
        {
            if (newPartner[after] >= 0)
            {
                to = newPartner[after];
                break;
            }
        }

        if (to < from || to - from > GapCandidateLimit)
        {
            return;
        }

        for (var i = from; i < to; i++)
        {
            if (oldPartner[i] < 0 && oldOpenPosition[i] >= 0)
            {
                best.Add(oldOpenPosition[i]);
            }
        }
    }

    /// <summary>Pairs outside the longest chain of pairs in the same order in both drafts are moves.</summary>
    private static bool[] FindMoves(int[] newPartner)
    {
        var moved = new bool[newPartner.Length];
        var pairedNew = new List<int>();
        for (var j = 0; j < newPartner.Length; j++)
        {
            if (newPartner[j] >= 0)
            {
                pairedNew.Add(j);
            }
        }

        // Longest increasing subsequence of old indices, taken in new order (patience sorting).
        var tailOld = new int[pairedNew.Count];
        var tailAt = new int[pairedNew.Count];
        var previous = new int[pairedNew.Count];
        var length = 0;
        for (var p = 0; p < pairedNew.Count; p++)
        {
            var old = newPartner[pairedNew[p]];
            int lo = 0, hi = length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (tailOld[mid] < old)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            tailOld[lo] = old;
            tailAt[lo] = p;
            previous[p] = lo > 0 ? tailAt[lo - 1] : -1;
            if (lo == length)
            {
                length++;
            }
        }

        var inChain = new bool[pairedNew.Count];
        for (var p = length > 0 ? tailAt[length - 1] : -1; p >= 0; p = previous[p])
        {
            inChain[p] = true;
        }

        for (var p = 0; p < pairedNew.Count; p++)
        {
            moved[pairedNew[p]] = !inChain[p];
        }

        return moved;
    }

    /// <summary>
    /// One sequence in the new draft's order; a deleted paragraph comes right after the paragraph that
    /// preceded it in the old draft (moved paragraphs aside).
    /// </summary>
    private static List<ParagraphMatch> Merge(int[] oldPartner, int[] newPartner, bool[] moved)
    {
        // For each new paragraph, the old index of the next pair that keeps its place (the old draft's length if none):
        // deleted paragraphs before it are shown before an insertion, as a replacement reads "deleted, then inserted".
        var nextAnchor = new int[newPartner.Length];
        var anchor = oldPartner.Length;
        for (var j = newPartner.Length - 1; j >= 0; j--)
        {
            if (newPartner[j] >= 0 && !moved[j])
            {
                anchor = newPartner[j];
            }

            nextAnchor[j] = anchor;
        }

        var result = new List<ParagraphMatch>(Math.Max(oldPartner.Length, newPartner.Length) + 4);
        var nextOld = 0;
        for (var j = 0; j < newPartner.Length; j++)
        {
            var i = newPartner[j];
            if (i < 0 || !moved[j])
            {
                for (; nextOld < nextAnchor[j]; nextOld++)
                {
                    if (oldPartner[nextOld] < 0)
                    {
                        result.Add(new ParagraphMatch(nextOld, -1, false));
                    }
                }
            }

            if (i >= 0 && !moved[j])
            {
                nextOld = i + 1;
            }

            result.Add(new ParagraphMatch(i, j, i >= 0 && moved[j]));
        }

        for (; nextOld < oldPartner.Length; nextOld++)
        {
            if (oldPartner[nextOld] < 0)
            {
                result.Add(new ParagraphMatch(nextOld, -1, false));
            }
        }

        return result;
    }

    private readonly record struct Candidate(double Similarity, double Distance, int Old, int New);
}
