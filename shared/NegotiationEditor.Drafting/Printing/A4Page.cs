namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// The fixed page every printed version is laid out on: A4, Times New Roman 12 pt (Liberation Serif
/// where Times is not installed: the same metrics), exact 14 pt lines. HTML and DOCX both take
/// their measures from here, so that a line breaks at the same word in the browser and in Word.
/// </summary>
internal static class A4Page
{
    public const double WidthMm = 210;
    public const double HeightMm = 297;
    public const double TopMarginMm = 25;
    public const double BottomMarginMm = 25;

    /// <summary>Wide enough for line numbers in the margin.</summary>
    public const double LeftMarginMm = 30;

    public const double RightMarginMm = 20;
    public const double TextWidthMm = WidthMm - LeftMarginMm - RightMarginMm;

    /// <summary>The column of paragraph numbers ("PP12", "2 bis."): paragraph text starts after it.</summary>
    public const double LabelColumnMm = 16;

    /// <summary>How much further a bullet item's text starts than its paragraph's text.</summary>
    public const double BulletIndentMm = 7;

    /// <summary>The gap between a line number and the text column.</summary>
    public const double LineNumberGapMm = 8;

    /// <summary>The box a line number is right-aligned in, left of the gap.</summary>
    public const double LineNumberWidthMm = 10;

    /// <summary>
    /// The part of the left margin that holds the line numbers. A browser does not print into the
    /// page margin, so the HTML page's @page margin is this much narrower and the body is padded by it.
    /// </summary>
    public const double LineNumberColumnMm = LineNumberGapMm + LineNumberWidthMm;

    public const double FontSizePt = 12;
    public const double LineHeightPt = 14;
    public const double FootnoteFontSizePt = 10;

    /// <summary>Lines are filled to this share of the measure, so that rounding, kerning and a
    /// renderer's own choices never push a word onto a line of its own.</summary>
    public const double Fill = 0.96;

    public const double MmPerPt = 25.4 / 72;
    public const int TwipsPerPt = 20;

    public static int Twips(double mm) => (int)Math.Round(mm / MmPerPt * TwipsPerPt);

    public static string Css(double mm) => mm.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "mm";
}
