using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Benchmarks;

/// <summary>Checks a redline of a generated pair against the generator's own record of its edits.</summary>
public static class RedlineExactness
{
    /// <summary>The findings, one line each; empty when the redline is exact.</summary>
    public static List<string> Check(Redline redline, GeneratedEdits edits)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>();
        int markedDeleted = 0, markedInserted = 0;
        foreach (var paragraph in redline.Paragraphs)
        {
            var id = paragraph.NewId ?? paragraph.OldId!;
            if (paragraph.NewId == edits.InsertedParagraphId)
            {
                if (paragraph.Status != ParagraphStatus.Inserted || paragraph.Runs.Count != 1 || paragraph.Runs[0].Kind != RunKind.Inserted)
                {
                    problems.Add($"inserted paragraph {id}: shown as {paragraph.Status} with {paragraph.Runs.Count} runs, not a clean insertion");
                }

                continue;
            }

            if (paragraph.OldId == edits.MovedParagraphId && paragraph.NewId == edits.MovedParagraphId)
            {
                if (paragraph.Status != ParagraphStatus.Moved || paragraph.HasWordChanges)
                {
                    problems.Add($"moved paragraph {id}: shown as {paragraph.Status}{(paragraph.HasWordChanges ? " with word changes" : string.Empty)}");
                }

                continue;
            }

            if (paragraph.OldId != paragraph.NewId)
            {
                problems.Add($"paragraph {paragraph.OldId ?? "(none)"} paired with {paragraph.NewId ?? "(none)"} ({paragraph.Status})");
                continue;
            }

            var deleted = Words(paragraph, RunKind.Deleted);
            var inserted = Words(paragraph, RunKind.Inserted);
            markedDeleted += deleted.Count;
            markedInserted += inserted.Count;
            if (edits.WordEdits.TryGetValue(id, out var expected))
            {
                seen.Add(id);
                if (paragraph.Status != ParagraphStatus.Changed)
                {
                    problems.Add($"paragraph {id}: edited but shown as {paragraph.Status}");
                }

                if (!SameWords(deleted, expected.Deleted) || !SameWords(inserted, expected.Inserted))
                {
                    problems.Add(
                        $"paragraph {id}: marked -[{string.Join(' ', deleted)}] +[{string.Join(' ', inserted)}], " +
                        $"edited -[{string.Join(' ', expected.Deleted)}] +[{string.Join(' ', expected.Inserted)}]");
                }
            }
            else if (paragraph.Status != ParagraphStatus.Unchanged)
            {
                problems.Add($"paragraph {id}: not edited but shown as {paragraph.Status}");
            }
        }

        foreach (var id in edits.WordEdits.Keys.Where(id => !seen.Contains(id)))
        {
            problems.Add($"paragraph {id}: edited but not found as a pair in the redline");
        }

        return problems;
    }

    /// <summary>The words (word tokens) of the runs of one kind, in order.</summary>
    public static List<string> Words(RedlineParagraph paragraph, RunKind kind) =>
        paragraph.Runs.Where(r => r.Kind == kind)
            .SelectMany(r => RedlineTokenizer.Tokenize(r.Text))
            .Where(t => RedlineTokenizer.KindOf(t) == TokenKind.Word)
            .ToList();

    /// <summary>Same words, counted (a word put next to the same word may be attributed to either copy).</summary>
    private static bool SameWords(List<string> marked, List<string> edited) =>
        marked.Count == edited.Count && marked.Order(StringComparer.Ordinal).SequenceEqual(edited.Order(StringComparer.Ordinal));
}
