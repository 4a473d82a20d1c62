using System.Globalization;
using System.Text;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Draws a <see cref="PrintedDraft"/> as one self-contained HTML page with A4 print CSS. Every piece
/// of the draft's text is escaped here; the page carries a Content-Security-Policy that forbids
/// scripts and outside resources in case anything ever slipped through.
/// </summary>
internal static class HtmlPrintRenderer
{
    public static string Render(PrintedDraft printed, string? documentTitle)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
        html.Append("<title>").Append(Escape(documentTitle ?? printed.Symbol ?? "Draft")).Append("</title>\n");
        html.Append("<style>\n").Append(Css(printed)).Append("</style>\n</head>\n<body>\n");

        html.Append("<header class=\"masthead\">\n");
        if (printed.Symbol is { } symbol)
        {
            html.Append("<p class=\"symbol\">").Append(Escape(symbol)).Append("</p>\n");
        }

        if (printed.DateLine is { } date)
        {
            html.Append("<p class=\"date\">").Append(Escape(date)).Append("</p>\n");
        }

        html.Append("<p class=\"marking ").Append(printed.IsAgreed ? "agreed" : "not-agreed").Append("\">")
            .Append(Escape(printed.Marking)).Append("</p>\n</header>\n<main class=\"text\">\n");

        foreach (var block in printed.Blocks)
        {
            var kind = block.Kind switch
            {
                PrintedBlockKind.Title => "title",
                PrintedBlockKind.BulletItem => "item",
                _ => "paragraph",
            };
            html.Append(block.Kind == PrintedBlockKind.Title ? "<h1" : "<div").Append(" class=\"block ").Append(kind).Append('"');
            if (block.Id is { } id)
            {
                html.Append(" id=\"").Append(Escape(id)).Append('"');
            }

            html.Append(" style=\"margin-bottom:").Append(Pt(block.SpaceAfterPt)).Append("\">");
            if (block.Label is { } label)
            {
                html.Append("<span class=\"label\">").Append(Escape(label)).Append("</span>");
            }

            foreach (var line in block.Lines)
            {
                var number = line.Number.ToString(CultureInfo.InvariantCulture);
                html.Append("\n<span class=\"line\" data-line=\"").Append(number).Append('"');
                if (line.Number == block.Lines[0].Number && block.FirstLineIndentMm > 0)
                {
                    html.Append(" style=\"padding-left:").Append(A4Page.Css(block.FirstLineIndentMm)).Append('"');
                }

                html.Append("><span class=\"ln\" aria-hidden=\"true\">").Append(number).Append("</span>");
                foreach (var run in line.Runs)
                {
                    AppendRun(html, run);
                }

                html.Append("</span>");
            }

            html.Append(block.Kind == PrintedBlockKind.Title ? "</h1>\n" : "</div>\n");
        }

        html.Append("</main>\n");
        if (printed.Footnotes.Count > 0)
        {
            html.Append("<section class=\"footnotes\">\n");
            foreach (var note in printed.Footnotes)
            {
                var number = note.Number.ToString(CultureInfo.InvariantCulture);
                html.Append("<p class=\"footnote\" id=\"fn-").Append(number).Append("\"><sup>").Append(number).Append("</sup> ")
                    .Append(Escape(note.Text)).Append("</p>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendRun(StringBuilder html, PrintRun run)
    {
        if (run.Footnote is { } footnote)
        {
            var number = footnote.ToString(CultureInfo.InvariantCulture);
            var highlighted = run.Has(RunStyle.Bracketed);
            html.Append(highlighted ? "<mark class=\"bracket\">" : string.Empty)
                .Append("<sup class=\"fnref\"><a href=\"#fn-").Append(number).Append("\">").Append(number).Append("</a></sup>")
                .Append(highlighted ? "</mark>" : string.Empty);
            return;
        }

        var close = new Stack<string>();
        void Open(string tag, string end)
        {
            html.Append(tag);
            close.Push(end);
        }

        if (run.Has(RunStyle.Link))
        {
            if (run.Target is { } target)
            {
                Open("<a href=\"" + Escape(target) + "\">", "</a>");
            }
            else
            {
                Open("<span class=\"link\">", "</span>");
            }
        }

        if (run.Has(RunStyle.Bracketed))
        {
            Open("<mark class=\"bracket\">", "</mark>");
        }

        if (run.Has(RunStyle.Bold))
        {
            Open("<strong>", "</strong>");
        }

        if (run.Has(RunStyle.Italic))
        {
            Open("<em>", "</em>");
        }

        if (run.Has(RunStyle.Code))
        {
            Open("<code>", "</code>");
        }

        html.Append(Escape(run.Text));
        while (close.Count > 0)
        {
            html.Append(close.Pop());
        }
    }

    /// <summary>Text and attribute values: &amp; &lt; &gt; &quot; &#39; escaped, every other character kept as it is.</summary>
    internal static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => escaped.Append("&amp;"),
                '<' => escaped.Append("&lt;"),
                '>' => escaped.Append("&gt;"),
                '"' => escaped.Append("&quot;"),
                '\'' => escaped.Append("&#39;"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    private static string Pt(double points) => points.ToString("0.##", CultureInfo.InvariantCulture) + "pt";

    /// <summary>A CSS string literal: every character but letters, digits and spaces as a hex escape.</summary>
    private static string CssString(string text)
    {
        var css = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == ' '))
            {
                css.Append((char)rune.Value);
            }
            else
            {
                css.Append('\\').Append(rune.Value.ToString("X6", CultureInfo.InvariantCulture));
            }
        }

        return css.Append('"').ToString();
    }

    private static string Css(PrintedDraft printed)
    {
        var labelColumn = A4Page.Css(A4Page.LabelColumnMm);
        var itemIndent = A4Page.Css(A4Page.LabelColumnMm + A4Page.BulletIndentMm);
        var numbers = A4Page.Css(A4Page.LineNumberColumnMm);
        var symbol = printed.Symbol is { } s ? CssString(s) : "\"\"";
        return $$"""
@page {
  size: A4;
  margin: {{A4Page.Css(A4Page.TopMarginMm)}} {{A4Page.Css(A4Page.RightMarginMm)}} {{A4Page.Css(A4Page.BottomMarginMm)}} {{A4Page.Css(A4Page.LeftMarginMm - A4Page.LineNumberColumnMm)}};
  @top-right { content: {{symbol}}; font: 10pt "Times New Roman", "Liberation Serif", Tinos, serif; }
  @bottom-center { content: counter(page); font: 10pt "Times New Roman", "Liberation Serif", Tinos, serif; }
}
@page :first { @top-right { content: none; } }
html { background: #e8e8e8; }
body {
  box-sizing: border-box; width: {{A4Page.Css(A4Page.WidthMm)}}; min-height: {{A4Page.Css(A4Page.HeightMm)}}; margin: 8mm auto;
  padding: {{A4Page.Css(A4Page.TopMarginMm)}} {{A4Page.Css(A4Page.RightMarginMm)}} {{A4Page.Css(A4Page.BottomMarginMm)}} {{A4Page.Css(A4Page.LeftMarginMm)}};
  background: #fff; color: #000;
  font-family: "Times New Roman", "Liberation Serif", Tinos, serif; font-size: {{Pt(A4Page.FontSizePt)}};
  font-kerning: none; font-variant-ligatures: none;
}
@media print {
  html { background: none; }
  body { width: auto; min-height: 0; margin: 0; padding: 0 0 0 {{numbers}}; }
}
.masthead { margin-bottom: 18pt; border-bottom: 1.5pt solid #000; padding-bottom: 6pt; }
.masthead p { margin: 0 0 4pt 0; line-height: 14pt; }
.symbol { text-align: right; font-size: 14pt; font-weight: bold; }
.date { text-align: right; }
.marking { display: inline-block; padding: 1pt 6pt; border: 1.5pt solid; font-weight: bold; text-transform: uppercase; letter-spacing: 0.5pt; }
.marking.not-agreed { color: #9b0000; }
.marking.agreed { color: #005a1e; }
.block { position: relative; margin: 0; padding-left: {{labelColumn}}; font-size: {{Pt(A4Page.FontSizePt)}}; font-weight: normal; }
.block.title { padding-left: 0; text-align: center; font-weight: bold; }
.block.item { padding-left: {{itemIndent}}; }
.label { position: absolute; left: 0; top: 0; line-height: {{Pt(A4Page.LineHeightPt)}}; }
.item .label { left: {{labelColumn}}; }
.line { display: block; position: relative; white-space: pre; line-height: {{Pt(A4Page.LineHeightPt)}}; height: {{Pt(A4Page.LineHeightPt)}}; }
.title .line { text-align: center; }
.ln {
  position: absolute; top: 0; width: {{A4Page.Css(A4Page.LineNumberWidthMm)}}; text-align: right; font-size: 9pt; line-height: {{Pt(A4Page.LineHeightPt)}}; color: #555; font-weight: normal; font-style: normal;
  user-select: none;
}
.paragraph .ln { left: calc(-{{labelColumn}} - {{numbers}}); }
.item .ln { left: calc(-{{itemIndent}} - {{numbers}}); }
.title .ln { left: -{{numbers}}; }
mark.bracket { background: #fff0a0; color: inherit; }
code { font-family: "Courier New", "Liberation Mono", monospace; font-size: 1em; }
a { color: inherit; }
.link { text-decoration: underline; }
sup.fnref { font-size: 65%; line-height: 0; vertical-align: super; }
sup.fnref a { text-decoration: none; }
.footnotes { margin-top: 18pt; }
.footnotes::before { content: ""; display: block; width: 50mm; border-top: 0.75pt solid #000; margin-bottom: 4pt; }
.footnote { margin: 0 0 3pt 0; font-size: {{Pt(A4Page.FootnoteFontSizePt)}}; line-height: 12pt; }
.footnote sup { font-size: 70%; }

""";
    }
}
