namespace NegotiationEditor.Drafting.Drafts;

/// <summary>The mark that starts a bullet item's line.</summary>
public enum BulletMarker
{
    /// <summary><c>- </c>, the canonical marker.</summary>
    Dash,

    /// <summary><c>· </c>, as the seed's typed texts have it.</summary>
    MiddleDot,

    /// <summary><c>* </c>.</summary>
    Asterisk,
}

/// <summary>
/// A bullet item inside a paragraph (the seed's "· 5 Business community"). Its text is notation
/// source, like a paragraph's; lines after the first are continuation lines of the same item.
/// </summary>
public sealed record ParagraphItem
{
    /// <summary>Creates a bullet item.</summary>
    /// <param name="text">The item's text without its marker.</param>
    /// <param name="marker">The marker it is written with.</param>
    /// <param name="startsNewBlock">True when a blank line separates the item from what precedes it.</param>
    /// <exception cref="ArgumentException">The text could not be written back as this item.</exception>
    public ParagraphItem(string text, BulletMarker marker = BulletMarker.Dash, bool startsNewBlock = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        SourceRules.CheckItemText(text, nameof(text));
        Text = text;
        Marker = marker;
        StartsNewBlock = startsNewBlock;
    }

    /// <summary>The item's text (notation source).</summary>
    public string Text { get; }

    /// <summary>The marker the item is written with.</summary>
    public BulletMarker Marker { get; }

    /// <summary>True when a blank line separates the item from the text or item before it.</summary>
    public bool StartsNewBlock { get; }

    /// <summary>The marker as written, with its space: "- ", "· " or "* ".</summary>
    public static string MarkerText(BulletMarker marker) => marker switch
    {
        BulletMarker.Dash => "- ",
        BulletMarker.MiddleDot => "· ",
        BulletMarker.Asterisk => "* ",
        _ => throw new ArgumentOutOfRangeException(nameof(marker), marker, "unknown bullet marker"),
    };
}
