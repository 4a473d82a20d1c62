using System.Text;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>What happened to a paragraph between the two drafts.</summary>
public enum ParagraphStatus
{
    /// <summary>Same text, same place.</summary>
    Unchanged,

    /// <summary>Same paragraph, its words changed.</summary>
    Changed,

    /// <summary>Only in the new draft (shown whole, never diffed against a neighbour).</summary>
    Inserted,

    /// <summary>Only in the old draft.</summary>
    Deleted,

    /// <summary>In both drafts, at another place in the new one; its words may have changed too (<see cref="RedlineParagraph.HasWordChanges"/>).</summary>
    Moved,
}

/// <summary>
/// One paragraph of the inline redline: its status, where it stands in each draft, and its text as
/// unchanged, inserted and deleted runs. Unchanged and deleted runs give the old text; unchanged and
/// inserted runs give the new text. Immutable.
/// </summary>
public sealed class RedlineParagraph
{
    /// <summary>Creates a paragraph of the redline.</summary>
    /// <exception cref="ArgumentException">The status does not fit the positions or the runs.</exception>
    public RedlineParagraph(
        ParagraphStatus status, int? oldPosition, int? newPosition, string? oldId, string? newId, IReadOnlyList<RedlineRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (oldPosition is null && newPosition is null)
        {
            throw new ArgumentException("a paragraph of the redline stands in at least one draft", nameof(oldPosition));
        }

        var expected = (oldPosition, newPosition) switch
        {
            (null, _) => ParagraphStatus.Inserted,
            (_, null) => ParagraphStatus.Deleted,
            _ => (ParagraphStatus?)null,
        };
        if (expected is not null ? status != expected : status is ParagraphStatus.Inserted or ParagraphStatus.Deleted)
        {
            throw new ArgumentException($"status {status} does not fit old position {oldPosition} and new position {newPosition}", nameof(status));
        }

        Status = status;
        OldPosition = oldPosition;
        NewPosition = newPosition;
        OldId = oldId;
        NewId = newId;
        Runs = runs;
    }

    /// <summary>Unchanged, changed, inserted, deleted or moved.</summary>
    public ParagraphStatus Status { get; }

    /// <summary>0-based index in the old draft; null when inserted.</summary>
    public int? OldPosition { get; }

    /// <summary>0-based index in the new draft; null when deleted.</summary>
    public int? NewPosition { get; }

    /// <summary>The paragraph's id in the old draft (<c>op-3</c>), when it has one there.</summary>
    public string? OldId { get; }

    /// <summary>The paragraph's id in the new draft, when it has one there.</summary>
    public string? NewId { get; }

    /// <summary>The paragraph's text as runs, in reading order (a deletion before the insertion that replaces it).</summary>
    public IReadOnlyList<RedlineRun> Runs { get; }

    /// <summary>True when some run is inserted or deleted.</summary>
    public bool HasWordChanges => Runs.Any(static run => run.Kind != RunKind.Unchanged);

    /// <summary>The text in the old draft (unchanged and deleted runs); null when inserted.</summary>
    public string? OldText => OldPosition is null ? null : Join(RunKind.Deleted);

    /// <summary>The text in the new draft (unchanged and inserted runs); null when deleted.</summary>
    public string? NewText => NewPosition is null ? null : Join(RunKind.Inserted);

    private string Join(RunKind changed)
    {
        if (Runs.Count == 1)
        {
            return Runs[0].Kind is RunKind.Unchanged || Runs[0].Kind == changed ? Runs[0].Text : string.Empty;
        }

        var text = new StringBuilder();
        foreach (var run in Runs)
        {
            if (run.Kind == RunKind.Unchanged || run.Kind == changed)
            {
                text.Append(run.Text);
            }
        }

        return text.ToString();
    }
}
