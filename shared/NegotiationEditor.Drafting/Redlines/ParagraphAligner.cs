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

        var moved = detectMoves ? FindMoves(newPartner, oldCount) : new bool[newCount];
        return Merge(oldPartner, newPartner, moved);
    }

    private static void PairIdentical(ComparedSide oldSide, ComparedSide newSide, int[] oldPartner, int[] newPartner)
    {
        // Old paragraphs with the same text are chained in order, so duplicates pair first with first.
        var heads = new Dictionary<string, int>(oldSide.Count, StringComparer.Ordinal);
        var next = new int[oldSide.Count];
        var tails = new Dictionary<string, int>(oldSide.Count, StringComparer.Ordinal);
        for (var i = 0; i < oldSide.Count; i++)
        {
            next[i] = -1;
            var text = oldSide.Texts[i];
            if (tails.TryGetValue(text, out var tail))
            {
                next[tail] = i;
            }
            else
            {
                heads[text] = i;
            }

            tails[text] = i;
        }

        for (var j = 0; j < newSide.Count; j++)
        {
            var text = newSide.Texts[j];
            if (heads.TryGetValue(text, out var i) && i >= 0)
            {
                oldPartner[i] = j;
                newPartner[j] = i;
                heads[text] = next[i];
            }
        }
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
            oldProfiles[k] = ParagraphProfile.Of(oldSide.Tokens(oldOpen[k]), oldSide.Table);
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
            var profile = ParagraphProfile.Of(newSide.Tokens(j), newSide.Table);
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
    private static bool[] FindMoves(int[] newPartner, int oldCount)
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

        _ = oldCount;
        return moved;
    }

    /// <summary>
    /// One sequence in the new draft's order; a deleted paragraph comes right after the paragraph that
    /// preceded it in the old draft (moved paragraphs aside).
    /// </summary>
    private static List<ParagraphMatch> Merge(int[] oldPartner, int[] newPartner, bool[] moved)
    {
        var result = new List<ParagraphMatch>(Math.Max(oldPartner.Length, newPartner.Length) + 4);
        var nextOld = 0;
        for (var j = 0; j < newPartner.Length; j++)
        {
            var i = newPartner[j];
            if (i >= 0 && !moved[j])
            {
                for (; nextOld < i; nextOld++)
                {
                    if (oldPartner[nextOld] < 0)
                    {
                        result.Add(new ParagraphMatch(nextOld, -1, false));
                    }
                }

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
