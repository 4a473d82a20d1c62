using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Redlines;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace NegotiationEditor.Drafting.Tests.Redlines;

[TestFixture]
public sealed class RedlineRendererTests
{
    private const string OldSource = """
        ---
        symbol: E/CN.16/2011/CRP.1
        date: 2010-12-08T15:00
        ---

        # Composition of the Working Group

        PP1. Recalling its resolution 2010/2,

        1. The Chair establishes a Working Group of 15 member states, in accordance with the established rules of procedures of the ECOSOC and the CSTD.

        2. The Chair invites the following stakeholders to participate in the Working Group:
        - 5 Business community
        - 5 Civil society

        3. The Working Group shall hold its meetings in Geneva and report to the Commission at its fourteenth session.

        4. The Working Group shall seek, compile and review inputs from all Member States.
        """;

    private const string NewSource = """
        ---
        symbol: E/CN.16/2011/CRP.1/Rev.1
        date: 2010-12-08T19:30
        ---

        # Composition of the Working Group on the IGF

        PP1. Recalling its resolution 2010/2,

        1. The Working Group shall seek, compile and review inputs from all Member States.

        2. The Chair establishes a Working Group of 15 member states, bearing in mind the established rules of procedure of the ECOSOC.

        3. The Chair invites the following stakeholders to interactively participate in the Working Group:
        - 5 Business community
        - 5 Civil society

        4. Decides to remain seized of the matter.
        """;

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private static readonly DocxRedlineOptions Revision = new("Secretariat", new DateTimeOffset(2010, 12, 8, 19, 30, 0, TimeSpan.Zero));

    private static Redline Sample() => Redliner.Default.Compare(OldSource, NewSource);

    [Test]
    public void The_sample_redline_has_every_kind_of_paragraph_change()
    {
        var redline = Sample();

        Assert.That(
            redline.Paragraphs.Select(p => (p.Status, p.OldId, p.NewId)),
            Is.EqualTo(new (ParagraphStatus, string?, string?)[]
            {
                (ParagraphStatus.Unchanged, "pp-1", "pp-1"),
                (ParagraphStatus.Moved, "op-4", "op-1"),
                (ParagraphStatus.Changed, "op-1", "op-2"),
                (ParagraphStatus.Changed, "op-2", "op-3"),
                (ParagraphStatus.Deleted, "op-3", null),
                (ParagraphStatus.Inserted, null, "op-4"),
            }));
    }

    [Test]
    public void Plain_text_is_in_word_diff_style_with_numbers_as_part_of_the_paragraph()
    {
        var text = PlainTextRedlineRenderer.Render(Sample());

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.StartWith("--- E/CN.16/2011/CRP.1 (2010-12-08T15:00)\n+++ E/CN.16/2011/CRP.1/Rev.1 (2010-12-08T19:30)\n\n"));
            Assert.That(text, Does.Contain("# Composition of the Working Group{+ on the IGF+}\n"));
            Assert.That(text, Does.Contain("@@ moved: paragraph 5 of the old draft @@\n[-4-]{+1+}. The Working Group shall seek"));

            Assert.That(text, Does.Contain(
                "[-1-]{+2+}. The Chair establishes a Working Group of 15 member states, [-in accordance with-]{+bearing in mind+} the established rules of [-procedures-]{+procedure+} of the ECOSOC[- and the CSTD-]."));
            Assert.That(text, Does.EndWith(
                "[-3. The Working Group shall hold its meetings in Geneva and report to the Commission at its fourteenth session.-]\n\n" +
                "@@ paragraph 5 of the old draft moved to paragraph 2 of the new draft @@\n\n" +
                "{+4. Decides to remain seized of the matter.+}\n"));
        });
    }

    [Test]
    public void Json_has_the_documented_shape()
    {
        using var json = JsonDocument.Parse(JsonRedlineRenderer.Render(Sample(), sideBySide: true));
        var root = json.RootElement;

        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("format").GetString(), Is.EqualTo("negotiation-editor/redline"));
            Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("old").GetProperty("symbol").GetString(), Is.EqualTo("E/CN.16/2011/CRP.1"));
            Assert.That(root.GetProperty("new").GetProperty("date").GetString(), Is.EqualTo("2010-12-08T19:30"));
            var summary = root.GetProperty("summary");
            Assert.That(
                new[] { "unchanged", "changed", "inserted", "deleted", "moved" }.Select(s => summary.GetProperty(s).GetInt32()),
                Is.EqualTo(new[] { 1, 2, 1, 1, 1 }));
            Assert.That(root.GetProperty("title").GetProperty("status").GetString(), Is.EqualTo("changed"));

            var paragraphs = root.GetProperty("paragraphs").EnumerateArray().ToList();
            Assert.That(paragraphs.Select(p => p.GetProperty("status").GetString()),
                Is.EqualTo(new[] { "unchanged", "moved", "changed", "changed", "deleted", "inserted" }));
            var inserted = paragraphs[5];
            Assert.That(inserted.GetProperty("oldPosition").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(inserted.GetProperty("newPosition").GetInt32(), Is.EqualTo(4));
            Assert.That(inserted.GetProperty("newId").GetString(), Is.EqualTo("op-4"));
            Assert.That(inserted.GetProperty("runs").EnumerateArray().Select(r => (r.GetProperty("kind").GetString(), r.GetProperty("text").GetString())),
                Is.EqualTo(new[] { ("inserted", "4. Decides to remain seized of the matter.") }));

            var rows = root.GetProperty("rows").EnumerateArray().ToList();
            Assert.That(rows, Has.Count.EqualTo(paragraphs.Count));
            Assert.That(rows[4].GetProperty("new").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(rows[4].GetProperty("old").GetProperty("id").GetString(), Is.EqualTo("op-3"));
            Assert.That(rows[2].GetProperty("new").GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("kind").GetString()),
                Has.None.EqualTo("deleted"));
        });
    }

    [Test]
    public void Json_without_side_by_side_has_no_rows() =>
        Assert.That(JsonDocument.Parse(JsonRedlineRenderer.Render(Sample())).RootElement.TryGetProperty("rows", out _), Is.False);

    [TestCase(false)]
    [TestCase(true)]
    public void Html_of_a_draft_containing_markup_contains_no_live_markup(bool sideBySide)
    {
        var old = "1. The Chair <script>alert('x')</script> decides.\n\n2. Nothing & nobody.";
        var @new = "1. The Chair <img src=x onerror=alert(1)> decides \"now\".\n\n2. Nothing & nobody.\n\n3. <b onclick=alert(2)>bold</b>";

        var html = HtmlRedlineRenderer.Render(Redliner.Default.Compare(old, @new), new HtmlRedlineOptions(sideBySide, "Redline <i>x</i>"));

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        var tags = page.All.Select(e => e.LocalName).Distinct().ToList();
        var attributes = page.All.SelectMany(e => e.Attributes).Select(a => a.Name).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(tags, Is.SubsetOf(new[]
            {
                "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "span", "main", "ins", "del", "br",
                "table", "thead", "tbody", "tr", "th", "td", "strong",
            }));
            Assert.That(attributes, Is.SubsetOf(new[] { "lang", "charset", "http-equiv", "content", "name", "class", "style", "data-old-id", "data-new-id", "data-id" }));
            Assert.That(TextWithout(page.Body!, "ins"), Does.Contain("1. The Chair <script>alert('x')</script> decides."));
            Assert.That(TextWithout(page.Body!, "del"), Does.Contain("1. The Chair <img src=x onerror=alert(1)> decides \"now\"."));
            Assert.That(TextWithout(page.Body!, "del"), Does.Contain("3. <b onclick=alert(2)>bold</b>"));
            Assert.That(page.Title, Is.EqualTo("Redline <i>x</i>"));
        });
    }

    [Test]
    public void Html_is_self_contained_with_inline_css_and_both_layouts()
    {
        var inline = HtmlRedlineRenderer.Render(Sample());
        var sideBySide = HtmlRedlineRenderer.Render(Sample(), new HtmlRedlineOptions(SideBySide: true));

        Assert.Multiple(() =>
        {
            foreach (var html in new[] { inline, sideBySide })
            {
                Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
                Assert.That(html, Does.Contain("<style>"));
                Assert.That(html, Does.Not.Contain("<link").And.Not.Contain("src=").And.Not.Contain("href=").And.Not.Contain("<script"));
                Assert.That(html, Does.Contain("<del>procedures</del>").And.Contain("<ins>procedure</ins>"));
            }

            Assert.That(inline, Does.Contain("<del>procedures</del><ins>procedure</ins>"));

            Assert.That(inline, Does.Contain("<main class=\"inline\">").And.Not.Contain("<table"));
            Assert.That(sideBySide, Does.Contain("<table class=\"side-by-side\">"));
            Assert.That(inline, Does.Contain("Moved from paragraph 5 of the old draft"));
            Assert.That(inline, Does.Contain("Paragraph 5 of the old draft moved to paragraph 2 of the new draft"));
        });
    }

    [Test]
    public void Docx_passes_the_open_xml_validator()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxRedlineRenderer.Render(Sample(), Revision)), false);

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.That(errors, Is.Empty);
    }

    [Test]
    public void Docx_marks_insertions_and_deletions_as_tracked_changes_with_author_and_date()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxRedlineRenderer.Render(Sample(), Revision)), false);
        var body = document.MainDocumentPart!.Document!.Body!;

        var insertions = body.Descendants<W.InsertedRun>().ToList();
        var deletions = body.Descendants<W.DeletedRun>().ToList();
        var revisions = body.Descendants<W.InsertedRun>().Cast<DocumentFormat.OpenXml.OpenXmlElement>()
            .Concat(deletions).Concat(body.Descendants<W.MoveToRun>()).Concat(body.Descendants<W.MoveFromRun>())
            .Concat(body.Descendants<W.Inserted>()).Concat(body.Descendants<W.Deleted>())
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(insertions.Select(i => i.InnerText), Does.Contain("bearing in mind").And.Contain("procedure").And.Contain("4. Decides to remain seized of the matter."));
            Assert.That(deletions.SelectMany(d => d.Descendants<W.DeletedText>()).Select(t => t.Text),
                Does.Contain("in accordance with").And.Contain("procedures").And.Contain(" and the CSTD"));
            Assert.That(deletions.SelectMany(d => d.Descendants<W.Text>()), Is.Empty, "deleted text is w:delText");
            Assert.That(body.Descendants<W.MoveToRun>().SelectMany(m => m.Elements<W.DeletedRun>()).Select(d => d.InnerText), Is.EqualTo(new[] { "4" }),
                "the moved paragraph's old number is deleted inside the move");
            Assert.That(revisions.Select(r => r.GetAttribute("author", WordNamespace).Value), Has.All.EqualTo("Secretariat"));
            Assert.That(revisions.Select(r => r.GetAttribute("date", WordNamespace).Value), Has.All.StartWith("2010-12-08T19:30:00"));
            var ids = body.Descendants().Where(e => e is W.InsertedRun or W.DeletedRun or W.MoveToRun or W.MoveFromRun or W.Inserted or W.Deleted or W.MoveTo or W.MoveFrom)
                .Select(e => e.GetAttribute("id", WordNamespace).Value).ToList();
            Assert.That(ids, Is.Unique);
            Assert.That(body.Descendants<W.MoveFromRangeStart>().Count(), Is.EqualTo(1));
            Assert.That(body.Descendants<W.MoveToRangeStart>().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void Accepting_every_docx_revision_gives_the_new_draft_and_rejecting_every_one_gives_the_old()
    {
        var redline = Sample();
        using var document = WordprocessingDocument.Open(new MemoryStream(DocxRedlineRenderer.Render(redline, Revision)), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<W.Paragraph>().Skip(2).ToList();

        var accepted = paragraphs.Where(p => !HasMark<W.Deleted>(p) && !HasMark<W.MoveFrom>(p)).Select(p => TextOf(p, accept: true));
        var rejected = paragraphs.Where(p => !HasMark<W.Inserted>(p) && !HasMark<W.MoveTo>(p)).Select(p => TextOf(p, accept: false));

        var oldDraft = DraftParser.Parse(OldSource);
        var newDraft = DraftParser.Parse(NewSource);
        Assert.Multiple(() =>
        {
            Assert.That(accepted, Is.EqualTo(newDraft.Paragraphs.Select(Redliner.TextOf)));
            Assert.That(rejected, Is.EqualTo(oldDraft.Paragraphs.Select(Redliner.TextOf)));
        });
    }

    [Test]
    public void Docx_options_need_an_author() =>
        Assert.That(() => new DocxRedlineOptions(" ", DateTimeOffset.UnixEpoch), Throws.ArgumentException);

    private static string TextWithout(AngleSharp.Dom.INode node, string skippedTag) => node switch
    {
        AngleSharp.Dom.IElement element when element.LocalName == skippedTag => string.Empty,
        AngleSharp.Dom.IElement or AngleSharp.Dom.IDocument => string.Concat(node.ChildNodes.Select(child => TextWithout(child, skippedTag))),
        _ => node.TextContent,
    };

    private static bool HasMark<T>(W.Paragraph paragraph)
        where T : DocumentFormat.OpenXml.OpenXmlElement =>
        paragraph.ParagraphProperties?.ParagraphMarkRunProperties?.GetFirstChild<T>() is not null;

    /// <summary>
    /// A paragraph's text once every revision is accepted (inserted and moved-to text stays, deleted text
    /// goes) or rejected (inserted and moved-to text goes, deleted text stays), nested revisions included.
    /// </summary>
    private static string TextOf(W.Paragraph paragraph, bool accept)
    {
        var text = new System.Text.StringBuilder();
        foreach (var run in paragraph.Descendants<W.Run>())
        {
            var revisions = run.Ancestors().TakeWhile(a => a is not W.Paragraph).ToList();
            var removed = accept
                ? revisions.Any(r => r is W.DeletedRun or W.MoveFromRun)
                : revisions.Any(r => r is W.InsertedRun or W.MoveToRun);
            if (removed)
            {
                continue;
            }

            foreach (var piece in run.ChildElements)
            {
                text.Append(piece switch
                {
                    W.Text t => t.Text,
                    W.DeletedText d => d.Text,
                    W.Break => "\n",
                    _ => string.Empty,
                });
            }
        }

        return text.ToString();
    }
}
