namespace NegotiationEditor.Server.Collaboration.Hooks;

/// <summary>How the edit history is kept and read (configuration section <c>History</c>).</summary>
public sealed class HistoryOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "History";

    /// <summary>
    /// Updates one author stores within this span of the first one are merged into one record, so a day of keystrokes
    /// stays small; the text at a moment is exact to this span.
    /// </summary>
    public TimeSpan MergeWithin { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long recorded updates gather before they are written (readers of the history have them written at once).
    /// Zero writes each as soon as the writer is free.
    /// </summary>
    public TimeSpan WriteEvery { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A pause in typing longer than this starts a new edit moment on the timeline.</summary>
    public TimeSpan BurstGap { get; set; } = TimeSpan.FromSeconds(5);
}
