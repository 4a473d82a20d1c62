using System.Globalization;
using System.Text.RegularExpressions;

namespace NegotiationEditor.Drafting.Drafts;

/// <summary>
/// The number of a preambular or operative paragraph: a value and, for a paragraph inserted between
/// originals, an addition such as <c>bis</c>, <c>ter</c> or <c>(new)</c> ("2 bis", "2 (new)").
/// </summary>
public sealed partial record ParagraphNumber
{
    /// <summary>The additions a UN text uses for inserted paragraphs, in their usual order.</summary>
    public static IReadOnlyList<string> KnownAdditions { get; } =
        ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies", "(new)"];

    /// <summary>Creates a number such as 2, or "2 bis" with <paramref name="addition"/> "bis".</summary>
    /// <exception cref="ArgumentException">The value is negative or the addition is not one of <see cref="KnownAdditions"/>.</exception>
    public ParagraphNumber(int value, string? addition = null)
    {
        if (value < 0)
        {
            throw new ArgumentException("a paragraph number cannot be negative", nameof(value));
        }

        if (addition is not null && !KnownAdditions.Contains(addition))
        {
            throw new ArgumentException(
                $"'{addition}' is not a paragraph number addition (expected one of {string.Join(", ", KnownAdditions)})",
                nameof(addition));
        }

        Value = value;
        Addition = addition;
    }

    /// <summary>The numeric part: 2 in "2 bis".</summary>
    public int Value { get; }

    /// <summary>The addition of an inserted paragraph ("bis", "(new)"), or null.</summary>
    public string? Addition { get; }

    /// <summary>Reads "2", "2 bis" or "2 (new)".</summary>
    /// <exception cref="FormatException">The text is not a paragraph number.</exception>
    public static ParagraphNumber Parse(string text) =>
        TryParse(text, out var number) ? number : throw new FormatException($"'{text}' is not a paragraph number");

    /// <summary>Reads "2", "2 bis" or "2 (new)"; false if the text is not a paragraph number.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ParagraphNumber? number)
    {
        number = null;
        if (text is null)
        {
            return false;
        }

        var match = NumberPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        var addition = match.Groups[2].Success ? match.Groups[2].Value : null;
        if (addition is not null && !KnownAdditions.Contains(addition))
        {
            return false;
        }

        number = new ParagraphNumber(value, addition);
        return true;
    }

    /// <summary>The number as printed: "2", "2 bis", "2 (new)".</summary>
    public override string ToString() =>
        Addition is null ? Value.ToString(CultureInfo.InvariantCulture) : $"{Value.ToString(CultureInfo.InvariantCulture)} {Addition}";

    /// <summary>The number as an id fragment: "2", "2-bis", "2-new".</summary>
    internal string ToIdFragment() =>
        Addition is null
            ? Value.ToString(CultureInfo.InvariantCulture)
            : $"{Value.ToString(CultureInfo.InvariantCulture)}-{Addition.Trim('(', ')')}";

    [GeneratedRegex(@"^([0-9]{1,9})(?: ([a-z]+|\(new\)))?\z")]
    private static partial Regex NumberPattern();
}
