using System.Collections.Frozen;
using System.Text;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Widths of printed text in millimetres, from the Times New Roman / Liberation Serif advance widths
/// (<see cref="SerifWidths"/>). Characters outside the table count as a full em, so a line with
/// them is only ever too short, never too long.
/// </summary>
internal static class TextMeasure
{
    private const int UnknownWidth = 1000;
    private const int MonospaceWidth = 600;

    /// <summary>Superscript footnote numbers are printed at about two thirds of the size.</summary>
    private const double SuperscriptScale = 0.7;

    private static readonly FrozenDictionary<int, int> Index =
        SerifWidths.CodePoints.Select((codePoint, i) => (codePoint, i)).ToFrozenDictionary(p => p.codePoint, p => p.i);

    /// <summary>The width of <paramref name="text"/> in <paramref name="style"/>, in millimetres.</summary>
    public static double WidthMm(string text, RunStyle style)
    {
        var table = (style & (RunStyle.Bold | RunStyle.Italic)) switch
        {
            RunStyle.Bold | RunStyle.Italic => SerifWidths.BoldItalic,
            RunStyle.Bold => SerifWidths.Bold,
            RunStyle.Italic => SerifWidths.Italic,
            _ => SerifWidths.Regular,
        };

        long thousandths = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if ((style & RunStyle.Code) != 0)
            {
                thousandths += rune.Value < 0x1100 ? MonospaceWidth : UnknownWidth;
            }
            else if (Index.TryGetValue(rune.Value, out var i))
            {
                thousandths += table[i];
            }
            else
            {
                thousandths += Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.NonSpacingMark ? 0 : UnknownWidth;
            }
        }

        var scale = (style & RunStyle.FootnoteReference) != 0 ? SuperscriptScale : 1.0;
        return thousandths / 1000.0 * A4Page.FontSizePt * A4Page.MmPerPt * scale;
    }
}
