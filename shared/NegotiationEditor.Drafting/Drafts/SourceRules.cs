using System.Text.RegularExpressions;

namespace NegotiationEditor.Drafting.Drafts;

/// <summary>
/// The line-level rules of the draft format, shared by the parser (to read) and the model (to refuse
/// text that could not be written back as the same paragraph).
/// </summary>
internal static partial class SourceRules
{
    public static bool IsBlank(string line)
    {
        foreach (var c in line)
        {
            if (c is not (' ' or '\t'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsBulletLine(string line) => TryReadBullet(line, out _);

    public static bool TryReadBullet(string line, out BulletMarker marker)
    {
        marker = BulletMarker.Dash;
        if (line.Length < 2 || line[1] != ' ')
        {
            return false;
        }

        switch (line[0])
        {
            case '-':
                marker = BulletMarker.Dash;
                return true;
            case '·':
                marker = BulletMarker.MiddleDot;
                return true;
            case '*':
                marker = BulletMarker.Asterisk;
                return true;
            default:
                return false;
        }
    }

    public static bool IsTitleLine(string line) => line.StartsWith("# ", StringComparison.Ordinal);

    public const string FrontMatterFence = "---";

    /// <summary>Matches "PP1.", "2.", "2 bis.", "2 (new)." at the start of a line, followed by a space or the end.</summary>
    [GeneratedRegex(@"^(PP)?([0-9]{1,9})(?: ([a-z]+|\(new\)))?\.(?: |\z)")]
    public static partial Regex NumberPrefix();

    /// <summary>Matches a trailing explicit id, " {#some-id}" (or the whole line "{#some-id}").</summary>
    [GeneratedRegex(@"(?:^| )\{#([^\s{}]+)\}\z")]
    public static partial Regex IdSuffix();

    /// <summary>True when <paramref name="line"/> starts with a paragraph number the parser would read.</summary>
    public static bool StartsWithNumber(string line)
    {
        var match = NumberPrefix().Match(line);
        return match.Success && (!match.Groups[3].Success || ParagraphNumber.KnownAdditions.Contains(match.Groups[3].Value));
    }

    public static void CheckParagraphText(ParagraphKind kind, string text, string parameter)
    {
        CheckNoCarriageReturn(text, parameter);
        var lines = text.Split('\n');
        var first = lines[0];
        if (kind == ParagraphKind.Unnumbered)
        {
            if (IsBlank(first))
            {
                throw new ArgumentException("an unnumbered paragraph needs text on its first line", parameter);
            }

            if (IsBulletLine(first))
            {
                throw new ArgumentException("an unnumbered paragraph cannot start with a bullet marker ('- ', '· ', '* ')", parameter);
            }

            if (StartsWithNumber(first))
            {
                throw new ArgumentException(
                    $"an unnumbered paragraph cannot start with a paragraph number ('{first}'); escape it as in '1\\.'",
                    parameter);
            }
        }

        if (IdSuffix().IsMatch(first))
        {
            throw new ArgumentException("a paragraph's first line cannot end with '{#...}': that is read as its id; escape it as '\\{#'", parameter);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            CheckFollowingLine(lines[i], "paragraph", parameter);
        }
    }

    public static void CheckItemText(string text, string parameter)
    {
        CheckNoCarriageReturn(text, parameter);
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            CheckFollowingLine(lines[i], "bullet item", parameter);
        }
    }

    public static void CheckSingleLine(string text, string what, string parameter)
    {
        if (text.Contains('\n') || text.Contains('\r'))
        {
            throw new ArgumentException($"{what} must be a single line", parameter);
        }
    }

    private static void CheckFollowingLine(string line, string what, string parameter)
    {
        if (IsBlank(line))
        {
            throw new ArgumentException($"a {what}'s text cannot contain a blank line: a blank line separates paragraphs", parameter);
        }

        if (IsBulletLine(line))
        {
            throw new ArgumentException($"a {what}'s line cannot start with a bullet marker ('- ', '· ', '* '): that starts a bullet item", parameter);
        }
    }

    private static void CheckNoCarriageReturn(string text, string parameter)
    {
        if (text.Contains('\r'))
        {
            throw new ArgumentException("line breaks inside a text are written '\\n' (the draft's own line ending is chosen by Draft.NewLine)", parameter);
        }
    }
}
