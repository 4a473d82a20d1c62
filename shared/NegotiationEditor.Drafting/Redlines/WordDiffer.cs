using DiffPlex;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>
/// The third stage of the redline: the word diff of one pair of paragraphs, with DiffPlex's
/// <see cref="IDiffer"/> on the paragraphs' tokens. The common beginning and end are set aside first,
/// DiffPlex compares what lies between, and the result is tidied so that a replaced phrase reads as
/// one deletion and one insertion ("[-in accordance with-]{+bearing in mind+}") rather than being
/// split around a space or a short common word.
/// </summary>
internal sealed class WordDiffer(IDiffer differ)
{
    public RedlineRun[] Diff(TokenizedParagraph older, TokenizedParagraph newer, TokenTable table)
    {
        var a = older.Ids;
        var b = newer.Ids;
        var prefix = 0;
        var limit = Math.Min(a.Length, b.Length);
        while (prefix < limit && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < limit - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        var changes = new List<Change>();
        var oldMiddle = a.Length - prefix - suffix;
        var newMiddle = b.Length - prefix - suffix;
        if (oldMiddle == 0 || newMiddle == 0)
        {
            if (oldMiddle + newMiddle > 0)
            {
                changes.Add(new Change(prefix, prefix + oldMiddle, prefix, prefix + newMiddle));
            }
        }
        else
        {
            var chunker = new PreTokenizedChunker(
                older.Text, new TokenStrings(a, prefix, oldMiddle, table), newer.Text, new TokenStrings(b, prefix, newMiddle, table));
            var result = differ.CreateDiffs(older.Text, newer.Text, ignoreWhiteSpace: false, ignoreCase: false, chunker);
            foreach (var block in result.DiffBlocks)
            {
                changes.Add(new Change(
                    prefix + block.DeleteStartA,
                    prefix + block.DeleteStartA + block.DeleteCountA,
                    prefix + block.InsertStartB,
                    prefix + block.InsertStartB + block.InsertCountB));
            }
        }

        Tidy(changes, older, newer, table);
        TrimCommonEdges(changes, a, b);
        return Runs(changes, older, newer);
    }

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

    private static RedlineRun[] Runs(List<Change> changes, TokenizedParagraph older, TokenizedParagraph newer)
    {
        var runs = new List<RedlineRun>(changes.Count * 3 + 1);
        var oldAt = 0;
        foreach (var change in changes)
        {
            if (change.OldStart > oldAt)
            {
                runs.Add(new RedlineRun(RunKind.Unchanged, older.Slice(oldAt, change.OldStart)));
            }

            if (change.OldEnd > change.OldStart)
            {
                runs.Add(new RedlineRun(RunKind.Deleted, older.Slice(change.OldStart, change.OldEnd)));
            }

            if (change.NewEnd > change.NewStart)
            {
                runs.Add(new RedlineRun(RunKind.Inserted, newer.Slice(change.NewStart, change.NewEnd)));
            }

            oldAt = change.OldEnd;
        }

        if (oldAt < older.Count)
        {
            runs.Add(new RedlineRun(RunKind.Unchanged, older.Slice(oldAt, older.Count)));
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
