using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;
using NegotiationEditor.Drafting.Printing;

namespace NegotiationEditor.Drafting.Tests.Printing;

/// <summary>A draft printed as an HTML page: escaped, with masthead, numbering and A4 print CSS.</summary>
[TestFixture]
public sealed class PrintedHtmlTests
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";

    private static IDocument Print(string source, PrintOptions? options = null) =>
        new HtmlParser().ParseDocument(new DraftPrinter(options).ToHtml(DraftParser.Parse(source)));

    [Test]
    public void Raw_html_in_a_draft_is_printed_as_visible_text_and_never_as_markup()
    {
        var source = $"""
            ---
            symbol: A/{Script}
            date: 2010-12-08T19:30
            ---

            # Title {Script}

            1. Recalling {Script} and {Image} as text.
            - item {Image}

            An unnumbered paragraph <b onclick="alert(2)">bold?</b> <!-- comment --> <iframe src="https://example.org"></iframe>
            """;

        var page = Print(source, new PrintOptions { Symbol = "E/1\"</style><script>alert(3)</script>" });

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("script, img, iframe, b, object, embed"), Is.Empty, "no element from the draft's text");
            Assert.That(page.All.SelectMany(element => element.Attributes).Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)),
                Is.Empty, "no event handler attribute");
            Assert.That(page.Body!.TextContent, Does.Contain($"Recalling {Script} and {Image} as text."));
            Assert.That(page.Body!.TextContent, Does.Contain("<b onclick=\"alert(2)\">bold?</b>"));
            Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain($"Title {Script}"));
            Assert.That(page.QuerySelector(".symbol")!.TextContent, Is.EqualTo("E/1\"</style><script>alert(3)</script>"));
            Assert.That(page.QuerySelectorAll("style").Single().TextContent, Does.Not.Contain("</style>").And.Not.Contain("<script"));
        });
    }

    [Test]
    public void The_page_forbids_scripts_and_outside_resources_by_its_content_security_policy()
    {
        var page = Print("1. Text.\n");

        var policy = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");

        Assert.That(policy, Does.StartWith("default-src 'none'"));
    }

    [Test]
    public void A_link_keeps_its_address_only_when_it_is_http_https_or_mailto()
    {
        var page = Print("1. See [the report](https://unctad.org/cstd), [this](javascript:alert(1)) and [that](data:text/html,x).\n");

        var links = page.QuerySelectorAll("a[href]").Where(a => !a.GetAttribute("href")!.StartsWith('#')).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(links.Select(a => a.GetAttribute("href")), Is.EqualTo(new[] { "https://unctad.org/cstd" }));
            Assert.That(page.QuerySelector(".text")!.TextContent, Does.Contain("See the report, this and that."));
        });
    }

    [Test]
    public void The_masthead_prints_the_symbol_the_date_and_time_and_the_draft_marking()
    {
        var page = Print("---\nsymbol: E/CN.16/2011/CRP.1/Rev.1\ndate: 2010-12-08T19:30\nstatus: draft\n---\n\n1. Text.\n");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector(".symbol")!.TextContent, Is.EqualTo("E/CN.16/2011/CRP.1/Rev.1"));
            Assert.That(page.QuerySelector(".date")!.TextContent, Is.EqualTo("8 December 2010, 19:30"));
            Assert.That(page.QuerySelector(".marking")!.TextContent, Is.EqualTo("Draft \u2014 not agreed"));
        });
    }

    [Test]
    public void The_symbol_given_as_an_option_replaces_the_front_matter_symbol()
    {
        var page = Print("---\nsymbol: E/CN.16/2011/CRP.1/Rev.1\n---\n\n1. Text.\n", new PrintOptions { Symbol = "E/CN.16/2011/CRP.1/Rev.2" });

        Assert.That(page.QuerySelector(".symbol")!.TextContent, Is.EqualTo("E/CN.16/2011/CRP.1/Rev.2"));
    }

    [Test]
    public void An_agreed_text_is_marked_agreed_and_not_as_a_draft()
    {
        var page = Print("---\nstatus: agreed\n---\n\n1. Text.\n");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector(".marking")!.TextContent, Is.EqualTo("Agreed text"));
            Assert.That(page.Body!.TextContent, Does.Not.Contain("not agreed"));
        });
    }

    [Test]
    public void A_draft_without_date_prints_the_time_of_printing_from_the_clock()
    {
        var clock = new FixedClock(new DateTimeOffset(2010, 12, 17, 20, 45, 0, TimeSpan.Zero));

        var page = Print("1. Text.\n", new PrintOptions { Clock = clock });

        Assert.That(page.QuerySelector(".date")!.TextContent, Is.EqualTo("Printed 17 December 2010, 20:45"));
    }

    [Test]
    public void Paragraphs_are_printed_with_their_numbers_and_bullet_items_under_their_paragraph()
    {
        var page = Print("""
            PP1. _Recalling_ its resolution 2010/2,

            1. The Chair establishes a Working Group.

            2. The Chair invites the following stakeholders:
            - 5 Business community
            - 5 Civil society

            2 bis. A paragraph inserted between 2 and 3.

            2 (new). Another inserted paragraph.

            An unnumbered paragraph.
            """);

        var blocks = page.QuerySelectorAll(".block").ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(blocks.Select(b => b.QuerySelector(".label")?.TextContent),
                Is.EqualTo(new[] { "PP1.", "1.", "2.", "\u2022", "\u2022", "2 bis.", "2 (new).", null }));
            Assert.That(blocks.Select(b => b.Id), Is.EqualTo(new[] { "pp-1", "op-1", "op-2", "", "", "op-2-bis", "op-2-new", "p-1" }));
            Assert.That(blocks[3].ClassList, Does.Contain("item"));
            Assert.That(blocks[3].QuerySelector(".line")!.TextContent, Does.EndWith("5 Business community"));
            Assert.That(blocks[0].QuerySelector("em")!.TextContent, Is.EqualTo("Recalling"));
        });
    }

    [Test]
    public void The_print_css_lays_the_page_out_on_a4()
    {
        var css = Print("1. Text.\n").QuerySelector("style")!.TextContent;

        Assert.That(css, Does.Contain("@page").And.Contain("size: A4"));
    }

    [Test]
    public void A_line_number_is_printed_in_the_margin_of_every_line()
    {
        var page = Print("# Title\n\n1. One.\n\n2. Two.\n- item\n");

        var lines = page.QuerySelectorAll(".line").ToArray();

        Assert.That(lines.Select(line => line.QuerySelector(".ln")!.TextContent), Is.EqualTo(new[] { "1", "2", "3", "4" }));
    }

    [Test]
    public void Brackets_are_kept_and_highlighted_and_attributions_become_numbered_footnotes()
    {
        var page = Print("""
            1. The Chair invites the stakeholders [in accordance with {Philippines} / bearing in mind {Proposed by Greece; supported by Iran; opposed by UK}] the established rules.

            2. [Decisions will be made by the member states. / (delete) {UK}]
            """);

        var marks = page.QuerySelectorAll("mark.bracket").Select(m => m.TextContent).ToArray();
        var footnotes = page.QuerySelectorAll(".footnote").Select(f => f.TextContent).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(string.Concat(marks), Is.EqualTo(
                "[in accordance with1 / bearing in mind2][Decisions will be made by the member states. / (delete)3]"));
            Assert.That(footnotes, Is.EqualTo(new[]
            {
                "1 Proposed by Philippines",
                "2 Proposed by Greece; supported by Iran; opposed by UK",
                "3 Proposed by UK",
            }));
            Assert.That(page.QuerySelectorAll("sup.fnref a").Select(a => a.GetAttribute("href")), Is.EqualTo(new[] { "#fn-1", "#fn-2", "#fn-3" }));
            Assert.That(TextOf(page.QuerySelector("#op-1")!), Does.Contain("stakeholders [in accordance with").And.EndWith("] the established rules."));
        });
    }

    [Test]
    public void The_footnotes_are_those_of_the_compilation_text()
    {
        var draft = PrintSamples.Draft("compilation-1930.md");

        var page = new HtmlParser().ParseDocument(new DraftPrinter().ToHtml(draft));

        Assert.That(
            page.QuerySelectorAll(".footnote").Select(f => f.TextContent),
            Is.EqualTo(Compilation.Of(draft).Footnotes.Select(f => $"{f.Number} {f.Text}")));
    }

    [Test]
    public void Escaped_brackets_and_markdown_links_are_not_highlighted_as_brackets()
    {
        var page = Print("1. Resolution \\[2010/2\\] and [the report](https://unctad.org) stay agreed text.\n");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("mark"), Is.Empty);
            Assert.That(TextOf(page.QuerySelector("#op-1")!), Is.EqualTo("Resolution [2010/2] and the report stay agreed text."));
        });
    }

    [Test]
    public void A_nested_bracket_is_refused_with_its_paragraph_line_and_column()
    {
        var draft = DraftParser.Parse("1. Text [with [nested] brackets].\n");

        var error = Assert.Throws<NotationFormatException>(() => new DraftPrinter().ToHtml(draft));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Location!.ToString(), Is.EqualTo("op-1"));
            Assert.That((error.Line, error.Column), Is.EqualTo((1, 12)), "the second '[' of the paragraph's text");
        });
    }

    [Test]
    public void An_image_in_a_draft_prints_its_description_and_loads_nothing()
    {
        var page = Print("1. See ![the map](https://example.org/map.png) and &lt;script&gt; as an entity.\n");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("img, script"), Is.Empty);
            Assert.That(TextOf(page.QuerySelector("#op-1")!), Is.EqualTo("See the map and <script> as an entity."));
        });
    }

    [Test]
    public void The_date_given_as_an_option_replaces_the_front_matter_date()
    {
        var page = Print("---\ndate: 2010-12-08T19:30\n---\n\n1. Text.\n", new PrintOptions { Date = new DateTime(2010, 12, 17, 20, 45, 0) });

        Assert.That(page.QuerySelector(".date")!.TextContent, Is.EqualTo("17 December 2010, 20:45"));
    }

    [Test]
    public void A_date_without_time_is_printed_without_time()
    {
        var page = Print("---\ndate: 2010-12-17\n---\n\n1. Text.\n");

        Assert.That(page.QuerySelector(".date")!.TextContent, Is.EqualTo("17 December 2010"));
    }

    [Test]
    public void Line_numbers_sit_inside_the_printable_area_of_the_page()
    {
        // A browser does not print into the @page margin: a line number left of the printable area is lost in the PDF.
        var css = Print("# Title\n\n1. Text.\n- item\n").QuerySelector("style")!.TextContent;

        var body = Millimetres(Match(css, @"@media print \{[^@]*?body \{[^}]*padding: 0 0 0 ([^;]+);"));
        var block = Millimetres(Match(css, @"\.block \{[^}]*padding-left: ([^;]+);"));
        var item = Millimetres(Match(css, @"\.block\.item \{[^}]*padding-left: ([^;]+);"));

        Assert.Multiple(() =>
        {
            Assert.That(body + block + Millimetres(Match(css, @"\.paragraph \.ln \{ left: ([^;]+);")), Is.GreaterThanOrEqualTo(0), "paragraph lines");
            Assert.That(body + item + Millimetres(Match(css, @"\.item \.ln \{ left: ([^;]+);")), Is.GreaterThanOrEqualTo(0), "bullet items");
            Assert.That(body + Millimetres(Match(css, @"\.title \.ln \{ left: ([^;]+);")), Is.GreaterThanOrEqualTo(0), "title");
        });
    }

    private static string Match(string css, string pattern)
    {
        var match = System.Text.RegularExpressions.Regex.Match(css, pattern, System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.That(match.Success, Is.True, $"the print CSS has {pattern}");
        return match.Groups[1].Value;
    }

    /// <summary>A length in mm, or a calc() of mm lengths added and subtracted.</summary>
    private static double Millimetres(string length) =>
        System.Text.RegularExpressions.Regex.Matches(length.Replace("calc(", "", StringComparison.Ordinal), @"([+-]?)\s*(\d+(?:\.\d+)?)mm")
            .Sum(m => (m.Groups[1].Value == "-" ? -1 : 1) * double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A block's printed lines without their line numbers, joined by spaces.</summary>
    private static string TextOf(IElement block) =>
        string.Join(" ", block.QuerySelectorAll(".line").Select(line => line.TextContent[line.QuerySelector(".ln")!.TextContent.Length..]));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
