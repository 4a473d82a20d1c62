namespace NegotiationEditor.Drafting.Notation;

/// <summary>
/// One option inside a bracket: its wording (or <c>(delete)</c>, the option to delete) and, optionally,
/// who proposed, supported or opposed it. Immutable.
/// </summary>
public sealed record Alternative
{
    /// <summary>The text that marks the option to delete.</summary>
    public const string DeleteOption = "(delete)";

    /// <summary>Creates an option; with an attribution it is written <c>text {attribution}</c>.</summary>
    /// <param name="text">The wording as written in notation (escapes kept), without the attribution.</param>
    /// <param name="attribution">Who stands behind it, or null.</param>
    /// <param name="attributionSeparator">The spacing written between the wording and the attribution (normally one space).</param>
    public Alternative(string text, Attribution? attribution = null, string attributionSeparator = " ")
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(attributionSeparator);
        if (!SourceText.IsBlank(attributionSeparator))
        {
            throw new ArgumentException("the separator before an attribution is spaces only", nameof(attributionSeparator));
        }

        Text = text;
        Attribution = attribution;
        AttributionSeparator = attribution is null ? string.Empty : attributionSeparator;
    }

    /// <summary>An option to delete, optionally attributed: <c>(delete) {South Africa}</c>.</summary>
    public static Alternative Deletion(Attribution? attribution = null) => new(DeleteOption, attribution);

    /// <summary>The wording as written in notation (escapes kept), without the attribution.</summary>
    public string Text { get; }

    /// <summary>Who proposed, supported, opposed it, or null.</summary>
    public Attribution? Attribution { get; }

    /// <summary>The spacing written before the attribution (normally one space; empty without attribution).</summary>
    public string AttributionSeparator { get; }

    /// <summary>True for the option to delete, <c>(delete)</c>.</summary>
    public bool IsDeletion => string.Equals(Text.Trim(), DeleteOption, StringComparison.OrdinalIgnoreCase);

    /// <summary>The option as written inside its bracket.</summary>
    public string Source => Attribution is null ? Text : Text + AttributionSeparator + Attribution;
}
