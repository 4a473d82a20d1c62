using System.Globalization;
using System.Text;

namespace NegotiationEditor.Drafting.Redlines;

/// <summary>How <see cref="HtmlRedlineRenderer"/> lays out the page.</summary>
/// <param name="SideBySide">True for two columns (old and new drafts); false for the inline redline.</param>
/// <param name="Heading">The page's heading; "Redline" when null.</param>
public sealed record HtmlRedlineOptions(bool SideBySide = false, string? Heading = null)
{
    /// <summary>The inline layout with the default heading.</summary>
    public static HtmlRedlineOptions Inline { get; } = new();
}

/// <summary>
/// Renders a redline as one self-contained HTML page (CSS inlined, no script, nothing loaded from
/// elsewhere): deletions as <c>&lt;del&gt;</c>, insertions as <c>&lt;ins&gt;</c>, moved paragraphs with a
/// note, either inline or side by side. Every piece of draft text is HTML-escaped.
/// </summary>
public static class HtmlRedlineRenderer
{
    private const string Style = """
        body { font-family: "Times New Roman", Georgia, serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111; }
        header h1 { font-size: 1.4em; margin-bottom: .2em; }
        .drafts, .summary, .legend { font-family: Arial, Helvetica, sans-serif; font-size: .9em; color: #333; margin: .2em 0; }
        p.paragraph, td { white-space: normal; }
        p.paragraph { margin: 0 0 1em 0; padding-left: .6em; border-left: 3px solid transparent; }
        .changed { border-left-color: #e0b000 !important; }
        .inserted { border-left-color: #1a7f37 !important; }
        .deleted { border-left-color: #b42318 !important; }
        .moved, .moved-away { border-left-color: #5b3cc4 !important; }
        ins { color: #1a7f37; background: #e6f6ea; text-decoration: underline; }
        del { color: #b42318; background: #fdecea; text-decoration: line-through; }
        .note { display: block; font-family: Arial, Helvetica, sans-serif; font-size: .8em; color: #5b3cc4; }
        table.side-by-side { width: 100%; border-collapse: collapse; table-layout: fixed; }
        table.side-by-side th { font-family: Arial, Helvetica, sans-serif; text-align: left; border-bottom: 2px solid #999; padding: .3em .5em; }
        table.side-by-side td { vertical-align: top; padding: .4em .5em; border-bottom: 1px solid #ddd; border-left: 3px solid transparent; }
        td.absent { background: #f4f4f4; }
        @media print { ins, del { background: none; } }
        """;

    /// <summary>The redline as a complete HTML page.</summary>
    public static string Render(Redline redline, HtmlRedlineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(redline);
        options ??= HtmlRedlineOptions.Inline;
        var heading = options.Heading ?? "Redline";
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        Escape(html, heading);
        html.Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<header>\n<h1>");
        Escape(html, heading);
        html.Append("</h1>\n");
        AppendDrafts(html, redline);
        AppendSummary(html, redline);
        html.Append("<p class=\"legend\"><del>deleted</del> <ins>inserted</ins> <span class=\"note\" style=\"display:inline\">moved</span></p>\n</header>\n");
        if (options.SideBySide)
        {
            AppendSideBySide(html, redline.ToSideBySide());
        }
        else
        {
            AppendInline(html, redline);
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendDrafts(StringBuilder html, Redline redline)
    {
        html.Append("<p class=\"drafts\">Old: ");
        AppendHeading(html, redline.Old, "old draft");
        html.Append(" &#8594; New: ");
        AppendHeading(html, redline.New, "new draft");
        html.Append("</p>\n");
    }

    private static void AppendHeading(StringBuilder html, RedlineHeading heading, string fallback)
    {
        Escape(html, heading.Symbol ?? fallback);
        if (heading.Date is { } date)
        {
            html.Append(" (");
            Escape(html, date);
            html.Append(')');
        }
    }

    private static void AppendSummary(StringBuilder html, Redline redline)
    {
        html.Append("<p class=\"summary\">");
        var first = true;
        foreach (var status in Enum.GetValues<ParagraphStatus>())
        {
            if (!first)
            {
                html.Append(", ");
            }

            first = false;
            html.Append(redline.Count(status).ToString(CultureInfo.InvariantCulture)).Append(' ').Append(JsonRedlineRenderer.NameOf(status));
        }

        html.Append(" paragraphs</p>\n");
    }

    private static void AppendInline(StringBuilder html, Redline redline)
    {
        html.Append("<main class=\"inline\">\n");
        if (redline.Title is { } title)
        {
            html.Append("<h2 class=\"").Append(JsonRedlineRenderer.NameOf(title.Status)).Append("\">");
            AppendRuns(html, title.Runs);
            html.Append("</h2>\n");
        }

        var movedAway = MovedAwayPlaces.Of(redline.Paragraphs);
        AppendMovedAway(html, movedAway, -1);
        for (var k = 0; k < redline.Paragraphs.Count; k++)
        {
            var paragraph = redline.Paragraphs[k];
            html.Append("<p class=\"paragraph ").Append(JsonRedlineRenderer.NameOf(paragraph.Status)).Append('"');
            AppendIdAttribute(html, "data-old-id", paragraph.OldId);
            AppendIdAttribute(html, "data-new-id", paragraph.NewId);
            html.Append('>');
            if (paragraph.Status == ParagraphStatus.Moved)
            {
                AppendMoveNote(html, paragraph.OldPosition!.Value);
            }

            AppendRuns(html, paragraph.Runs);
            html.Append("</p>\n");
            AppendMovedAway(html, movedAway, k);
        }

        html.Append("</main>\n");
    }

    private static void AppendSideBySide(StringBuilder html, SideBySideRedline redline)
    {
        html.Append("<table class=\"side-by-side\">\n<thead><tr><th>");
        AppendHeading(html, redline.Old, "Old draft");
        html.Append("</th><th>");
        AppendHeading(html, redline.New, "New draft");
        html.Append("</th></tr></thead>\n<tbody>\n");
        if (redline.Title is { } title)
        {
            AppendRow(html, title, isTitle: true);
        }

        foreach (var row in redline.Rows)
        {
            AppendRow(html, row, isTitle: false);
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void AppendRow(StringBuilder html, SideBySideRow row, bool isTitle)
    {
        var status = JsonRedlineRenderer.NameOf(row.Status);
        html.Append("<tr class=\"").Append(status).Append("\">");
        foreach (var cell in new[] { row.Old, row.New })
        {
            if (cell is null)
            {
                html.Append("<td class=\"absent\"></td>");
                continue;
            }

            html.Append("<td class=\"").Append(status).Append('"');
            AppendIdAttribute(html, "data-id", cell.Id);
            html.Append('>');
            if (isTitle)
            {
                html.Append("<strong>");
            }

            if (row.Status == ParagraphStatus.Moved && ReferenceEquals(cell, row.New))
            {
                AppendMoveNote(html, row.Old!.Position);
            }

            AppendRuns(html, cell.Runs);
            if (isTitle)
            {
                html.Append("</strong>");
            }

            html.Append("</td>");
        }

        html.Append("</tr>\n");
    }

    /// <summary>At the old place of each paragraph moved from there, a note saying where it went.</summary>
    private static void AppendMovedAway(StringBuilder html, Dictionary<int, List<RedlineParagraph>> movedAway, int after)
    {
        foreach (var paragraph in movedAway.GetValueOrDefault(after, []))
        {
            html.Append("<p class=\"paragraph moved-away\"><span class=\"note\">Paragraph ")
                .Append((paragraph.OldPosition!.Value + 1).ToString(CultureInfo.InvariantCulture))
                .Append(" of the old draft moved to paragraph ")
                .Append((paragraph.NewPosition!.Value + 1).ToString(CultureInfo.InvariantCulture))
                .Append(" of the new draft</span></p>\n");
        }
    }

    private static void AppendMoveNote(StringBuilder html, int oldPosition) =>
        html.Append("<span class=\"note\">Moved from paragraph ")
            .Append((oldPosition + 1).ToString(CultureInfo.InvariantCulture))
            .Append(" of the old draft</span>");

    private static void AppendIdAttribute(StringBuilder html, string name, string? id)
    {
        if (id is null)
        {
            return;
        }

        html.Append(' ').Append(name).Append("=\"");
        Escape(html, id);
        html.Append('"');
    }

    private static void AppendRuns(StringBuilder html, IEnumerable<RedlineRun> runs)
    {
        foreach (var run in runs)
        {
            var tag = run.Kind switch
            {
                RunKind.Inserted => "ins",
                RunKind.Deleted => "del",
                _ => null,
            };
            if (tag is not null)
            {
                html.Append('<').Append(tag).Append('>');
            }

            Escape(html, run.Text, lineBreaks: true);
            if (tag is not null)
            {
                html.Append("</").Append(tag).Append('>');
            }
        }
    }

    /// <summary>Escapes text for HTML content and quoted attribute values; '\n' becomes &lt;br&gt; when asked.</summary>
    private static void Escape(StringBuilder html, string text, bool lineBreaks = false)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    html.Append("&amp;");
                    break;
                case '<':
                    html.Append("&lt;");
                    break;
                case '>':
                    html.Append("&gt;");
                    break;
                case '"':
                    html.Append("&quot;");
                    break;
                case '\'':
                    html.Append("&#39;");
                    break;
                case '\n' when lineBreaks:
                    html.Append("<br>\n");
                    break;
                case '\r':
                    break;
                default:
                    html.Append(c);
                    break;
            }
        }
    }
}
