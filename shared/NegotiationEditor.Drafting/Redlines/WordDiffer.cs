using DiffPlex;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>
/// The third stage of the redline: the word diff of one pair of paragraphs, with DiffPlex's
/// <see cref="IDiffer"/> on the paragraphs' tokens. The common beginning and end are set aside first
/// (only the differing middle is tokenized); the middle is cut at anchors, tokens found once in each
/// side in the same order; each stretch between anchors is one replacement when its sides share no
/// token, and is otherwise diffed by DiffPlex. The result is tidied so that a replaced phrase reads as
/// one deletion and one insertion ("[-in accordance with-]{+bearing in mind+}") rather than being
/// split around a space or a short common word.
/// </summary>
internal sealed class WordDiffer(IDiffer differ)
{
    // Characters around a token boundary that decide it (a surrogate pair, an apostrophe between letters).
    private const int BoundaryMargin = 3;

    // A stretch longer than this (tokens of both sides) is cut again at its own unique tokens, to this depth.
    private const int LongStretch = 256;
    private const int MaximumDepth = 16;

    /// <summary>The runs that turn <paramref name="older"/> into <paramref name="newer"/>.</summary>
    public RedlineRun[] Diff(string older, string newer, TokenTable table)
    {
        // Set aside the common beginning and end, cut at token boundaries both texts share, and tokenize only the middle.
        var (oldFrom, oldTo, newTo) = Middle(older, newer);
        var oldMiddle = table.Tokenize(older, oldFrom, oldTo);
        var newMiddle = table.Tokenize(newer, oldFrom, newTo);
        var a = oldMiddle.Ids;
        var b = newMiddle.Ids;

        var changes = new List<Change>();
        DiffAroundAnchors(older, newer, a, b, table, changes);

        Tidy(changes, oldMiddle, newMiddle, table);
        TrimCommonEdges(changes, a, b);
        return Runs(changes, older, oldMiddle, newMiddle);
    }

    /// <summary>
    /// Splits the middle at anchors — tokens found exactly once in each side, in the same order — and
    /// diffs each stretch between two anchors on its own: most stretches then hold a single edit.
    /// </summary>
    private void DiffAroundAnchors(string older, string newer, int[] a, int[] b, TokenTable table, List<Change> changes) =>
        DiffStretch(older, newer, a, 0, a.Length, b, 0, b.Length, table, changes, depth: 0);

    /// <summary>
    /// Diffs a[oldFrom, oldTo) against b[newFrom, newTo): the common ends are kept; what remains is one
    /// replacement when one side is empty or the sides share no token; a long stretch is cut again at
    /// the tokens found once in each of its sides; the rest goes to DiffPlex.
    /// </summary>
    private void DiffStretch(
        string older, string newer, int[] a, int oldFrom, int oldTo, int[] b, int newFrom, int newTo, TokenTable table, List<Change> changes, int depth)
    {
        while (oldFrom < oldTo && newFrom < newTo && a[oldFrom] == b[newFrom])
        {
            oldFrom++;
            newFrom++;
        }

        while (oldFrom < oldTo && newFrom < newTo && a[oldTo - 1] == b[newTo - 1])
        {
            oldTo--;
            newTo--;
        }

        if (oldFrom == oldTo && newFrom == newTo)
        {
            return;
        }

        if (oldFrom == oldTo || newFrom == newTo || !table.ShareAnyToken(a, oldFrom, oldTo, b, newFrom, newTo))
        {
            changes.Add(new Change(oldFrom, oldTo, newFrom, newTo));
            return;
        }

        if (depth == 0 || (depth < MaximumDepth && oldTo - oldFrom + newTo - newFrom > LongStretch))
        {
            var anchors = table.UniqueCommonTokens(a, oldFrom, oldTo, b, newFrom, newTo);
            if (anchors.Count > 0)
            {
                int oldAt = oldFrom, newAt = newFrom;
                foreach (var (i, j) in anchors)
                {
                    DiffStretch(older, newer, a, oldAt, i, b, newAt, j, table, changes, depth + 1);
                    oldAt = i + 1;
                    newAt = j + 1;
                }

                DiffStretch(older, newer, a, oldAt, oldTo, b, newAt, newTo, table, changes, depth + 1);
                return;
            }
        }

        var chunker = new PreTokenizedChunker(
            older, new TokenStrings(a, oldFrom, oldTo - oldFrom, table), newer, new TokenStrings(b, newFrom, newTo - newFrom, table));
        var result = differ.CreateDiffs(older, newer, ignoreWhiteSpace: false, ignoreCase: false, chunker);
        foreach (var block in result.DiffBlocks)
        {
            changes.Add(new Change(
                oldFrom + block.DeleteStartA,
                oldFrom + block.DeleteStartA + block.DeleteCountA,
                newFrom + block.InsertStartB,
                newFrom + block.InsertStartB + block.InsertCountB));
        }
    }

    /// <summary>
    /// The differing middle: [from, oldTo) of the old text and [from, newTo) of the new one, where from and
    /// the ends are token boundaries in both texts and everything outside is the same in both.
    /// </summary>
    private static (int From, int OldTo, int NewTo) Middle(string older, string newer)
    {
        var prefix = older.AsSpan().CommonPrefixLength(newer);
        var suffix = 0;
        var limit = Math.Min(older.Length, newer.Length) - prefix;
        while (suffix < limit && older[older.Length - 1 - suffix] == newer[newer.Length - 1 - suffix])
        {
            suffix++;
        }

        // A token starts wherever whitespace is followed by something else: the last such place well inside the
        // common beginning, and the first well inside the common end, are token boundaries in both texts.
        var from = prefix - BoundaryMargin;
        while (from > 0 && !StartsAfterWhitespace(older, from))
        {
            from--;
        }

        from = Math.Max(from, 0);
        var oldTo = older.Length - suffix + BoundaryMargin;
        while (oldTo < older.Length && !StartsAfterWhitespace(older, oldTo))
        {
            oldTo++;
        }

        oldTo = Math.Min(oldTo, older.Length);
        return (from, oldTo, oldTo + newer.Length - older.Length);
    }

    private static bool StartsAfterWhitespace(string text, int at) => char.IsWhiteSpace(text[at - 1]) && !char.IsWhiteSpace(text[at]);

    /// <summary>
    /// Joins two changes separated only by whitespace, or by at most one word that is no longer than
    /// the changes on either side of it (the rule diff-match-patch calls semantic cleanup, on tokens).
    /// </summary>
    private static void Tidy(List<Change> changes, TokenizedParagraph older, TokenizedParagraph newer, TokenTable table)
    {
        var c = 0;
        while (c < changes.Count - 1)
        {
            var left = changes[c];
            var right = changes[c + 1];
            if (Dissolves(left, right, older, newer, table))
            {
                changes[c] = new Change(left.OldStart, right.OldEnd, left.NewStart, right.NewEnd);
                changes.RemoveAt(c + 1);
                if (c > 0)
                {
                    c--;
                }
            }
            else
            {
                c++;
            }
        }
    }

    /// <summary>A token at both ends of a replacement (typically the space after a replaced phrase) is unchanged.</summary>
    private static void TrimCommonEdges(List<Change> changes, int[] a, int[] b)
    {
        for (var c = 0; c < changes.Count; c++)
        {
            var (oldStart, oldEnd, newStart, newEnd) = changes[c];
            while (oldEnd > oldStart && newEnd > newStart && a[oldEnd - 1] == b[newEnd - 1])
            {
                oldEnd--;
                newEnd--;
            }

            while (oldEnd > oldStart && newEnd > newStart && a[oldStart] == b[newStart])
            {
                oldStart++;
                newStart++;
            }

            changes[c] = new Change(oldStart, oldEnd, newStart, newEnd);
        }

        changes.RemoveAll(static change => change.OldStart == change.OldEnd && change.NewStart == change.NewEnd);
    }

    private static bool Dissolves(Change left, Change right, TokenizedParagraph older, TokenizedParagraph newer, TokenTable table)
    {
        var words = 0;
        var onlyWhitespace = true;
        for (var t = left.OldEnd; t < right.OldStart; t++)
        {
            var kind = table.KindOf(older.Ids[t]);
            if (kind == TokenKind.Word)
            {
                words++;
            }

            onlyWhitespace &= kind == TokenKind.Whitespace;
        }

        if (onlyWhitespace)
        {
            return true;
        }

        if (words > 1)
        {
            return false;
        }

        var between = Chars(older, left.OldEnd, right.OldStart);
        return between <= Math.Max(Chars(older, left.OldStart, left.OldEnd), Chars(newer, left.NewStart, left.NewEnd))
            && between <= Math.Max(Chars(older, right.OldStart, right.OldEnd), Chars(newer, right.NewStart, right.NewEnd));
    }

    private static int Chars(TokenizedParagraph paragraph, int from, int to) => paragraph.Starts[to] - paragraph.Starts[from];

    private static RedlineRun[] Runs(List<Change> changes, string older, TokenizedParagraph oldMiddle, TokenizedParagraph newMiddle)
    {
        var runs = new List<RedlineRun>((changes.Count * 3) + 1);
        var unchangedFrom = 0;
        foreach (var change in changes)
        {
            var changeAt = oldMiddle.Starts[change.OldStart];
            if (changeAt > unchangedFrom)
            {
                runs.Add(new RedlineRun(RunKind.Unchanged, older[unchangedFrom..changeAt]));
            }

            if (change.OldEnd > change.OldStart)
            {
                runs.Add(new RedlineRun(RunKind.Deleted, oldMiddle.Slice(change.OldStart, change.OldEnd)));
            }

            if (change.NewEnd > change.NewStart)
            {
                runs.Add(new RedlineRun(RunKind.Inserted, newMiddle.Slice(change.NewStart, change.NewEnd)));
            }

            unchangedFrom = oldMiddle.Starts[change.OldEnd];
        }

        if (unchangedFrom < older.Length)
        {
            runs.Add(new RedlineRun(RunKind.Unchanged, unchangedFrom == 0 ? older : older[unchangedFrom..]));
        }

        return [.. runs];
    }

    /// <summary>A replaced span: old tokens [OldStart, OldEnd) became new tokens [NewStart, NewEnd).</summary>
    private readonly record struct Change(int OldStart, int OldEnd, int NewStart, int NewEnd);
}

/// <summary>
/// Hands DiffPlex tokens already made by the <see cref="TokenTable"/> (shared strings, only the part
/// between the common beginning and end) instead of letting it split the text again.
/// </summary>
internal sealed class PreTokenizedChunker(string oldText, TokenStrings oldTokens, string newText, TokenStrings newTokens) : IChunker
{
    public IReadOnlyList<string> Chunk(string text) =>
        ReferenceEquals(text, oldText) ? oldTokens
        : ReferenceEquals(text, newText) ? newTokens
        : throw new InvalidOperationException("the chunker was given a text it was not prepared for");
}

/// <summary>A range of a paragraph's token ids seen as their strings, without copying them.</summary>
internal sealed class TokenStrings(int[] ids, int start, int count, TokenTable table) : IReadOnlyList<string>
{
    public int Count => count;

    public string this[int index] =>
        (uint)index < (uint)count ? table[ids[start + index]] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<string> GetEnumerator()
    {
        for (var k = 0; k < count; k++)
        {
            yield return table[ids[start + k]];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
