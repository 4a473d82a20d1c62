using AngleSharp.Html.Parser;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Printing;

namespace NegotiationEditor.Drafting.Tests.Printing;

/// <summary>Printed lines: broken for the A4 measure, numbered consecutively, the same in HTML and DOCX.</summary>
[TestFixture]
public sealed class LineNumberingTests
{
    private static readonly PrintOptions Options = new();

    [Test]
    public void Printed_line_numbers_run_consecutively_from_one_through_title_paragraphs_and_items()
    {
        var printed = PrintLayout.Lay(DraftParser.Parse(PrintSamples.LongDraft()), Options);

        var numbers = printed.Lines.Select(line => line.Number).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(numbers, Has.Length.GreaterThan(40));
            Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, numbers.Length)));
        });
    }

    [Test]
    public void The_html_page_numbers_its_lines_consecutively_in_the_margin()
    {
        var html = new DraftPrinter().ToHtml(DraftParser.Parse(PrintSamples.LongDraft()));

        var page = new HtmlParser().ParseDocument(html);
        var margin = page.QuerySelectorAll(".line .ln").Select(ln => int.Parse(ln.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        Assert.That(margin, Is.EqualTo(Enumerable.Range(1, margin.Length)));
    }

    [Test]
    public void No_printed_line_is_wider_than_the_measure_of_its_block()
    {
        var printed = PrintLayout.Lay(DraftParser.Parse(PrintSamples.LongDraft()), Options);

        Assert.Multiple(() =>
        {
            foreach (var block in printed.Blocks)
            {
                var measure = block.Kind switch
                {
                    PrintedBlockKind.Title => A4Page.TextWidthMm,
                    PrintedBlockKind.BulletItem => A4Page.TextWidthMm - A4Page.LabelColumnMm - A4Page.BulletIndentMm,
                    _ => A4Page.TextWidthMm - A4Page.LabelColumnMm,
                } * A4Page.Fill;
                foreach (var line in block.Lines)
                {
                    var width = line.Runs.Sum(run => TextMeasure.WidthMm(run.Text, run.Style));
                    Assert.That(width, Is.LessThanOrEqualTo(measure + 1e-9), $"line {line.Number}: '{line.Text}'");
                }
            }
        });
    }

    [Test]
    public void Lines_are_filled_a_following_word_would_not_have_fit()
    {
        var printed = PrintLayout.Lay(DraftParser.Parse(PrintSamples.LongDraft()), Options);
        var measure = (A4Page.TextWidthMm - A4Page.LabelColumnMm) * A4Page.Fill;

        Assert.Multiple(() =>
        {
            foreach (var block in printed.Blocks.Where(b => b.Kind == PrintedBlockKind.Paragraph))
            {
                for (var i = 0; i + 1 < block.Lines.Count; i++)
                {
                    var firstWordOfNext = block.Lines[i + 1].Text.Split(' ')[0];
                    var width = TextMeasure.WidthMm(block.Lines[i].Text + " " + firstWordOfNext, RunStyle.None);
                    Assert.That(width, Is.GreaterThan(measure), $"line {block.Lines[i].Number} could have taken '{firstWordOfNext}'");
                }
            }
        });
    }

    [Test]
    public void Breaking_into_lines_keeps_every_word_in_order()
    {
        var draft = DraftParser.Parse(PrintSamples.LongDraft());
        var printed = PrintLayout.Lay(draft, Options);

        var paragraphs = printed.Blocks.Where(b => b.Kind == PrintedBlockKind.Paragraph).ToArray();

        Assert.That(
            paragraphs.Select(p => string.Join(" ", p.Lines.Select(l => l.Text))),
            Is.EqualTo(draft.Paragraphs.Select(p => p.Text.Replace("\n", " ", StringComparison.Ordinal))));
    }

    [Test]
    public void A_word_longer_than_a_line_is_cut_at_the_measure()
    {
        var word = new string('W', 80);

        var lines = LineBreaker.Break([new PrintRun($"short {word} end", RunStyle.None)], 50);

        Assert.Multiple(() =>
        {
            Assert.That(string.Concat(lines.Select(LineBreaker.TextOf)).Replace(" ", "", StringComparison.Ordinal), Is.EqualTo($"short{word}end"));
            Assert.That(lines.Select(l => TextMeasure.WidthMm(LineBreaker.TextOf(l), RunStyle.None)), Has.All.LessThanOrEqualTo(50));
            Assert.That(LineBreaker.TextOf(lines[0]), Is.EqualTo("short"));
        });
    }

    [Test]
    public void The_docx_breaks_its_lines_exactly_where_the_html_page_does()
    {
        var draft = DraftParser.Parse(PrintSamples.LongDraft());
        var printer = new DraftPrinter();

        var htmlLines = new HtmlParser().ParseDocument(printer.ToHtml(draft)).QuerySelectorAll(".line")
            .Select(line => line.TextContent[line.QuerySelector(".ln")!.TextContent.Length..])
            .ToArray();
        var docxLines = PrintedDocx.NumberedLines(printer.ToDocx(draft));

        Assert.That(docxLines, Is.EqualTo(htmlLines));
    }

    [TestCaseSource(typeof(PrintSamples), nameof(PrintSamples.Names))]
    public void Every_sample_draft_prints_the_same_numbered_lines_in_html_and_docx(string name)
    {
        var draft = PrintSamples.Draft(name);
        var printer = new DraftPrinter();

        var page = new HtmlParser().ParseDocument(printer.ToHtml(draft));
        var htmlLines = page.QuerySelectorAll(".line").Select(line => line.TextContent[line.QuerySelector(".ln")!.TextContent.Length..]).ToArray();
        var numbers = page.QuerySelectorAll(".line .ln").Select(ln => ln.TextContent).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(PrintedDocx.NumberedLines(printer.ToDocx(draft)), Is.EqualTo(htmlLines));
            Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, numbers.Length).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        });
    }

    [Test]
    public void One_printer_shared_between_threads_prints_the_same_as_alone()
    {
        var printer = new DraftPrinter(new PrintOptions { Symbol = "E/CN.16/2011/CRP.1/Rev.2", Date = new DateTime(2010, 12, 17, 20, 45, 0) });
        var drafts = PrintSamples.Names().Select(PrintSamples.Draft).ToArray();
        var alone = drafts.Select(printer.ToHtml).ToArray();

        var shared = new string[drafts.Length * 4];
        Parallel.For(0, shared.Length, i => shared[i] = printer.ToHtml(drafts[i % drafts.Length]));

        Assert.That(shared, Is.EqualTo(Enumerable.Range(0, shared.Length).Select(i => alone[i % drafts.Length])));
    }

    [Test]
    public void A_paragraph_number_wider_than_its_column_pushes_the_first_line_right_and_shortens_it()
    {
        // Short words fill a line to within a few millimetres of its measure.
        var words = string.Join(" ", Enumerable.Repeat("a", 200));
        var draft = DraftParser.Parse($"12 quinquies. {words}\n\n12. {words}\n");
        var printer = new DraftPrinter();

        var printed = PrintLayout.Lay(draft, Options);
        var wide = printed.Blocks[0];
        var labelEnd = TextMeasure.WidthMm("12 quinquies.", RunStyle.None);
        var firstLineWidth = wide.Lines[0].Runs.Sum(run => TextMeasure.WidthMm(run.Text, run.Style));

        Assert.Multiple(() =>
        {
            Assert.That(A4Page.LabelColumnMm + wide.FirstLineIndentMm, Is.GreaterThan(labelEnd), "the text starts after the number");
            Assert.That(firstLineWidth, Is.LessThanOrEqualTo((A4Page.TextWidthMm - A4Page.LabelColumnMm - wide.FirstLineIndentMm) * A4Page.Fill),
                "and its measure is shorter by as much");
            Assert.That(printed.Blocks[1].FirstLineIndentMm, Is.Zero, "a number that fits its column changes nothing");
            Assert.That(wide.Lines[0].Text.Length, Is.LessThan(printed.Blocks[1].Lines[0].Text.Length));
            Assert.That(wide.Lines[1].Text.Length, Is.EqualTo(printed.Blocks[1].Lines[1].Text.Length), "the following lines have the full measure");
            Assert.That(PrintedDocx.NumberedLines(printer.ToDocx(draft)), Has.Length.EqualTo(printed.Lines.Count()));
        });
    }

    [Test]
    public void Bold_text_is_measured_wider_than_regular_text()
    {
        Assert.That(TextMeasure.WidthMm("Working Group", RunStyle.Bold), Is.GreaterThan(TextMeasure.WidthMm("Working Group", RunStyle.None)));
    }
}
