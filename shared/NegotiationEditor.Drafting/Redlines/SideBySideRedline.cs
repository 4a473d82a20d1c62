namespace NegotiationEditor.Drafting.Redlines;

/// <summary>One side of a side-by-side row: a paragraph as it stands in one draft.</summary>
/// <param name="Id">The paragraph's id in that draft, if any.</param>
/// <param name="Position">0-based index in that draft.</param>
/// <param name="Runs">Old cell: unchanged and deleted runs; new cell: unchanged and inserted runs.</param>
public sealed record SideBySideCell(string? Id, int Position, IReadOnlyList<RedlineRun> Runs);

/// <summary>A row of the side-by-side redline: the old paragraph beside the new one (either may be absent).</summary>
/// <param name="Status">What happened to the paragraph.</param>
/// <param name="Old">The old paragraph; null when inserted.</param>
/// <param name="New">The new paragraph; null when deleted.</param>
public sealed record SideBySideRow(ParagraphStatus Status, SideBySideCell? Old, SideBySideCell? New);

/// <summary>The redline as aligned rows, old draft on the left and new on the right. Immutable.</summary>
public sealed class SideBySideRedline
{
    private SideBySideRedline(RedlineHeading old, RedlineHeading @new, SideBySideRow? title, IReadOnlyList<SideBySideRow> rows)
    {
        Old = old;
        New = @new;
        Title = title;
        Rows = rows;
    }

    /// <summary>The old draft's symbol and date.</summary>
    public RedlineHeading Old { get; }

    /// <summary>The new draft's symbol and date.</summary>
    public RedlineHeading New { get; }

    /// <summary>The titles side by side; null when neither draft has one.</summary>
    public SideBySideRow? Title { get; }

    /// <summary>One row per paragraph of the inline redline, in the same order.</summary>
    public IReadOnlyList<SideBySideRow> Rows { get; }

    /// <summary>Builds the side-by-side view of an inline redline.</summary>
    public static SideBySideRedline From(Redline redline)
    {
        ArgumentNullException.ThrowIfNull(redline);
        var rows = new SideBySideRow[redline.Paragraphs.Count];
        for (var k = 0; k < rows.Length; k++)
        {
            rows[k] = RowOf(redline.Paragraphs[k]);
        }

        return new SideBySideRedline(redline.Old, redline.New, redline.Title is null ? null : RowOf(redline.Title), rows);
    }

    private static SideBySideRow RowOf(RedlineParagraph paragraph)
    {
        var old = paragraph.OldPosition is { } oldPosition
            ? new SideBySideCell(paragraph.OldId, oldPosition, Keep(paragraph.Runs, RunKind.Deleted))
            : null;
        var @new = paragraph.NewPosition is { } newPosition
            ? new SideBySideCell(paragraph.NewId, newPosition, Keep(paragraph.Runs, RunKind.Inserted))
            : null;
        return new SideBySideRow(paragraph.Status, old, @new);
    }

    private static RedlineRun[] Keep(IReadOnlyList<RedlineRun> runs, RunKind changed)
    {
        // Dropping the other side's runs can leave two unchanged runs side by side (around a pure insertion): join them.
        var kept = new List<RedlineRun>(runs.Count);
        foreach (var run in runs)
        {
            if (run.Kind != RunKind.Unchanged && run.Kind != changed)
            {
                continue;
            }

            if (kept.Count > 0 && kept[^1].Kind == run.Kind)
            {
                kept[^1] = run with { Text = kept[^1].Text + run.Text };
            }
            else
            {
                kept.Add(run);
            }
        }

        return [.. kept];
    }
}
