using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using NegotiationEditor.Drafting.Printing;
using DraftParser = NegotiationEditor.Drafting.Drafts.DraftParser;

namespace NegotiationEditor.Drafting.Tests.Printing;

/// <summary>A draft printed as a Word document: valid Open XML, A4, Word's own line numbering, masthead.</summary>
[TestFixture]
public sealed class PrintedDocxTests
{
    private const string Masthead = "---\nsymbol: E/CN.16/2011/CRP.1/Rev.1\ndate: 2010-12-08T19:30\nstatus: draft\n---\n\n";

    private static byte[] Print(string source, PrintOptions? options = null) => new DraftPrinter(options).ToDocx(DraftParser.Parse(source));

    private static string[] Validate(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToArray();
    }

    private static T Read<T>(byte[] docx, Func<WordprocessingDocument, T> read)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return read(document);
    }

    [TestCaseSource(typeof(PrintSamples), nameof(PrintSamples.Names))]
    public void Every_sample_draft_prints_as_a_document_that_passes_the_open_xml_validator(string name)
    {
        var docx = new DraftPrinter().ToDocx(PrintSamples.Draft(name));

        Assert.That(Validate(docx), Is.Empty);
    }

    [Test]
    public void A_long_draft_with_links_code_and_raw_html_passes_the_open_xml_validator()
    {
        var source = PrintSamples.LongDraft() + "\n99. See [the report](https://unctad.org/cstd), `code`, **strong** and <script>alert(1)</script>.\n";

        Assert.That(Validate(Print(source)), Is.Empty);
    }

    [Test]
    public void The_document_numbers_its_lines_with_word_line_numbering_continuously_across_pages()
    {
        var numbering = Read(Print(Masthead + "1. Text.\n"), d => d.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<LineNumberType>());

        Assert.Multiple(() =>
        {
            Assert.That(numbering, Is.Not.Null);
            Assert.That(numbering!.CountBy!.Value, Is.EqualTo(1));
            Assert.That(numbering.Restart!.Value, Is.EqualTo(LineNumberRestartValues.Continuous));
        });
    }

    [Test]
    public void The_masthead_shows_symbol_date_and_marking_and_is_left_out_of_the_line_count()
    {
        var masthead = Read(Print(Masthead + "1. Text.\n"), d => d.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.SuppressLineNumbers is not null)
            .Select(p => p.InnerText)
            .ToArray());

        Assert.That(masthead, Is.EqualTo(new[] { "E/CN.16/2011/CRP.1/Rev.1", "8 December 2010, 19:30", "DRAFT \u2014 NOT AGREED" }));
    }

    [Test]
    public void An_agreed_text_is_marked_agreed()
    {
        var text = Read(Print("---\nstatus: agreed\n---\n\n1. Text.\n"), d => d.MainDocumentPart!.Document!.Body!.InnerText);

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("AGREED TEXT"));
            Assert.That(text, Does.Not.Contain("NOT AGREED"));
        });
    }

    [Test]
    public void The_symbol_heads_every_page()
    {
        var header = Read(Print("1. Text.\n", new PrintOptions { Symbol = "E/CN.16/2011/CRP.1/Rev.2" }),
            d => string.Concat(d.MainDocumentPart!.HeaderParts.Select(h => h.Header!.InnerText)));

        Assert.That(header, Is.EqualTo("E/CN.16/2011/CRP.1/Rev.2"));
    }

    [Test]
    public void The_page_is_a4_portrait()
    {
        var size = Read(Print("1. Text.\n"), d => d.MainDocumentPart!.Document!.Body!.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!);

        // A4 is 210 x 297 mm; a twip is 1/1440 inch.
        Assert.Multiple(() =>
        {
            Assert.That(size.Width!.Value, Is.EqualTo(11906).Within(1));
            Assert.That(size.Height!.Value, Is.EqualTo(16838).Within(1));
        });
    }

    [Test]
    public void Paragraph_numbers_and_bullets_lead_their_lines()
    {
        var paragraphs = Read(Print("PP1. Recalling.\n\n2 bis. Inserted.\n- 5 Civil society\n"), d => d.MainDocumentPart!.Document!.Body!.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.SuppressLineNumbers is null)
            .Select(p => p.InnerText)
            .ToArray());

        Assert.That(paragraphs, Is.EqualTo(new[] { "PP1.Recalling.", "2 bis.Inserted.", "\u20225 Civil society" }));
    }

    [Test]
    public void Attributions_are_word_footnotes_and_brackets_are_shaded()
    {
        var docx = Print("1. Participate [in accordance with {Philippines} / bearing in mind {Proposed by Greece; opposed by UK}] the rules.\n");

        var (notes, references, shaded) = Read(docx, d => (
            d.MainDocumentPart!.FootnotesPart!.Footnotes!.Elements<Footnote>().Where(f => f.Id!.Value > 0).Select(f => (f.Id!.Value, f.InnerText.Trim())).ToArray(),
            d.MainDocumentPart.Document!.Body!.Descendants<FootnoteReference>().Select(r => r.Id!.Value).ToArray(),
            string.Concat(d.MainDocumentPart.Document.Body.Descendants<Run>().Where(r => r.RunProperties?.Shading is not null).Select(r => r.InnerText))));

        Assert.Multiple(() =>
        {
            Assert.That(notes, Is.EqualTo(new[] { (1L, "Proposed by Philippines"), (2L, "Proposed by Greece; opposed by UK") }));
            Assert.That(references, Is.EqualTo(new[] { 1L, 2L }));
            Assert.That(shaded, Is.EqualTo("[in accordance with / bearing in mind]"));
            Assert.That(Validate(docx), Is.Empty);
        });
    }

    [Test]
    public void An_empty_draft_prints_its_masthead_only_and_validates()
    {
        var docx = new DraftPrinter(new PrintOptions { Date = new DateTime(2010, 12, 17, 20, 45, 0) }).ToDocx(NegotiationEditor.Drafting.Drafts.Draft.Empty);

        Assert.Multiple(() =>
        {
            Assert.That(Validate(docx), Is.Empty);
            Assert.That(PrintedDocx.NumberedLines(docx), Is.Empty);
            Assert.That(Read(docx, d => d.MainDocumentPart!.Document!.Body!.InnerText), Is.EqualTo("17 December 2010, 20:45DRAFT \u2014 NOT AGREED"));
        });
    }
}
