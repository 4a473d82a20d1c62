namespace NegotiationEditor.Drafting.Redlines;

/// <summary>Whether a run of text is kept, inserted or deleted.</summary>
public enum RunKind
{
    /// <summary>In both drafts.</summary>
    Unchanged,

    /// <summary>Only in the new draft.</summary>
    Inserted,

    /// <summary>Only in the old draft.</summary>
    Deleted,
}

/// <summary>A stretch of a paragraph's text that is unchanged, inserted or deleted.</summary>
/// <param name="Kind">Unchanged, inserted or deleted.</param>
/// <param name="Text">The text, never empty.</param>
public sealed record RedlineRun(RunKind Kind, string Text);
