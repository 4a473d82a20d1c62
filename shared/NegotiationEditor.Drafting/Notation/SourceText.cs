namespace NegotiationEditor.Drafting.Notation;

/// <summary>Small helpers over notation source text.</summary>
internal static class SourceText
{
    /// <summary>Characters a backslash makes literal in notation: <c>\[ \] \{ \} \/ \\</c>.</summary>
    public static bool IsEscapable(char c) => c is '[' or ']' or '{' or '}' or '/' or '\\';

    public static bool IsBlank(string text) => text.All(c => c is ' ' or '\t');

    /// <summary>1-based line and column of <paramref name="offset"/> in <paramref name="text"/>.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private const string SuperscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>A footnote number as superscript digits: 12 -> "¹²".</summary>
    public static string Superscript(int number) =>
        string.Concat(number.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(d => SuperscriptDigits[d - '0']));
}
