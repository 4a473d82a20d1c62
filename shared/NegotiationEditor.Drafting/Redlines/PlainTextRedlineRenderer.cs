using System.Text;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>
/// Renders a redline as plain text in git's word-diff style: <c>[-deleted-]</c> and <c>{+inserted+}</c>
/// inside the paragraphs, paragraphs separated by a blank line, a moved paragraph preceded by a line
/// <c>@@ moved: paragraph N of the old draft @@</c>, and its old place marked by a line
/// <c>@@ paragraph N of the old draft moved to paragraph M of the new draft @@</c>.
/// </summary>
public static class PlainTextRedlineRenderer
{
    /// <summary>The redline as text, lines separated by '\n'.</summary>
    public static string Render(Redline redline)
    {
        ArgumentNullException.ThrowIfNull(redline);
        var output = new StringBuilder();
        if (HeadingText(redline.Old) is { } oldHeading)
        {
            output.Append("--- ").Append(oldHeading).Append('\n');
        }

        if (HeadingText(redline.New) is { } newHeading)
        {
            output.Append("+++ ").Append(newHeading).Append('\n');
        }

        if (output.Length > 0)
        {
            output.Append('\n');
        }

        if (redline.Title is { } title)
        {
            output.Append("# ");
            AppendRuns(output, title.Runs);
            output.Append("\n\n");
        }

        var movedAway = MovedAwayPlaces.Of(redline.Paragraphs);
        AppendMovedAway(output, movedAway, -1);
        for (var k = 0; k < redline.Paragraphs.Count; k++)
        {
            var paragraph = redline.Paragraphs[k];
            if (paragraph.Status == ParagraphStatus.Moved)
            {
                output.Append("@@ moved: paragraph ").Append(paragraph.OldPosition + 1).Append(" of the old draft @@\n");
            }

            AppendRuns(output, paragraph.Runs);
            output.Append("\n\n");
            AppendMovedAway(output, movedAway, k);
        }

        if (output.Length >= 2 && output[^1] == '\n' && output[^2] == '\n')
        {
            output.Length--;
        }

        return output.ToString();
    }

    /// <summary>One paragraph's runs in word-diff style.</summary>
    public static string RenderRuns(IEnumerable<RedlineRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var output = new StringBuilder();
        AppendRuns(output, runs);
        return output.ToString();
    }

    private static void AppendMovedAway(StringBuilder output, Dictionary<int, List<RedlineParagraph>> movedAway, int after)
    {
        foreach (var paragraph in movedAway.GetValueOrDefault(after, []))
        {
            output.Append("@@ paragraph ").Append(paragraph.OldPosition + 1).Append(" of the old draft moved to paragraph ")
                .Append(paragraph.NewPosition + 1).Append(" of the new draft @@\n\n");
        }
    }

    private static void AppendRuns(StringBuilder output, IEnumerable<RedlineRun> runs)
    {
        foreach (var run in runs)
        {
            switch (run.Kind)
            {
                case RunKind.Deleted:
                    output.Append("[-").Append(run.Text).Append("-]");
                    break;
                case RunKind.Inserted:
                    output.Append("{+").Append(run.Text).Append("+}");
                    break;
                default:
                    output.Append(run.Text);
                    break;
            }
        }
    }

    private static string? HeadingText(RedlineHeading heading) => (heading.Symbol, heading.Date) switch
    {
        (null, null) => null,
        ({ } symbol, null) => symbol,
        (null, { } date) => date,
        ({ } symbol, { } date) => $"{symbol} ({date})",
    };
}
