using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Drafts;

public sealed class DraftParsingTests
{
    private const string Composition =
        "---\n" +
        "symbol: E/CN.16/2011/CRP.1/Rev.1\n" +
        "date: 2010-12-08T19:30\n" +
        "status: draft\n" +
        "---\n" +
        "\n" +
        "# Composition of the Working Group on improvements to the Internet Governance Forum\n" +
        "\n" +
        "PP1. _Recalling_ its resolution 2010/2 on the Internet Governance Forum,\n" +
        "\n" +
        "1. The Chair of the CSTD establishes a Working Group of 15 member states,\n" +
        "\n" +
        "2. The Chair invites the following stakeholders to interactively participate in the Working Group:\n" +
        "- 5 Business community\n" +
        "- 5 Civil society\n" +
        "\n" +
        "2 bis. A paragraph inserted between 2 and 3.\n" +
        "\n" +
        "2 (new). Another way a UN text numbers an inserted paragraph.\n" +
        "\n" +
        "An unnumbered paragraph: most of the seed's texts are unnumbered paragraphs.\n";

    [Test]
    public void Front_matter_gives_symbol_date_and_status()
    {
        var draft = DraftParser.Parse(Composition);

        Assert.That(draft.Metadata.Symbol, Is.EqualTo("E/CN.16/2011/CRP.1/Rev.1"));
        Assert.That(draft.Metadata.Date, Is.EqualTo("2010-12-08T19:30"));
        Assert.That(draft.Metadata.DateAndTime, Is.EqualTo(new DateTime(2010, 12, 8, 19, 30, 0)));
        Assert.That(draft.Metadata.Status, Is.EqualTo(DraftStatus.Draft));
    }

    [Test]
    public void The_title_line_is_not_a_paragraph()
    {
        var draft = DraftParser.Parse(Composition);

        Assert.That(draft.Title, Is.EqualTo("Composition of the Working Group on improvements to the Internet Governance Forum"));
        Assert.That(draft.Paragraphs.Select(p => p.Text), Has.None.Contains("Composition of the Working Group"));
    }

    [Test]
    public void Paragraph_numbers_decide_the_kind_of_each_paragraph()
    {
        var draft = DraftParser.Parse(Composition);

        Assert.That(draft.Paragraphs.Select(p => p.Kind), Is.EqualTo(new[]
        {
            ParagraphKind.Preambular, ParagraphKind.Operative, ParagraphKind.Operative,
            ParagraphKind.Operative, ParagraphKind.Operative, ParagraphKind.Unnumbered,
        }));
        Assert.That(draft.Paragraphs.Select(p => p.Number?.ToString()), Is.EqualTo(new[] { "1", "1", "2", "2 bis", "2 (new)", null }));
        Assert.That(draft.Paragraphs[0].Text, Is.EqualTo("_Recalling_ its resolution 2010/2 on the Internet Governance Forum,"));
    }

    [Test]
    public void Bullet_lines_belong_to_the_paragraph_before_them()
    {
        var draft = DraftParser.Parse(Composition);
        var invitation = draft.Paragraphs[2];

        Assert.That(invitation.Text, Is.EqualTo("The Chair invites the following stakeholders to interactively participate in the Working Group:"));
        Assert.That(invitation.Items.Select(i => i.Text), Is.EqualTo(new[] { "5 Business community", "5 Civil society" }));
    }

    [Test]
    public void A_block_made_only_of_bullets_joins_the_preceding_paragraph()
    {
        var draft = DraftParser.Parse("The Chair invites:\n\n· 5 Business community\n· 5 Civil society\n\nNext paragraph.\n");

        Assert.That(draft.Paragraphs, Has.Count.EqualTo(2));
        Assert.That(draft.Paragraphs[0].Items.Select(i => (i.Text, i.Marker, i.StartsNewBlock)), Is.EqualTo(new[]
        {
            ("5 Business community", BulletMarker.MiddleDot, true),
            ("5 Civil society", BulletMarker.MiddleDot, false),
        }));
    }

    [Test]
    public void A_status_other_than_draft_or_agreed_is_reported_at_its_value()
    {
        var error = Assert.Throws<DraftFormatException>(() => DraftParser.Parse("---\nsymbol: X\nstatus: final\n---\n\nText.\n"));

        Assert.That((error!.Line, error.Column), Is.EqualTo((3, 9)));
        Assert.That(error.Message, Does.Contain("final"));
    }

    [Test]
    public void Unclosed_front_matter_is_reported_at_its_opening_line()
    {
        var error = Assert.Throws<DraftFormatException>(() => DraftParser.Parse("---\nsymbol: X\n\nText.\n"));

        Assert.That((error!.Line, error.Column), Is.EqualTo((1, 1)));
    }

    [Test]
    public void A_front_matter_line_without_a_colon_is_reported()
    {
        var error = Assert.Throws<DraftFormatException>(() => DraftParser.Parse("---\nsymbol E/CN.16\n---\n"));

        Assert.That((error!.Line, error.Column), Is.EqualTo((2, 1)));
    }

    [Test]
    public void A_bullet_list_before_any_paragraph_is_reported()
    {
        var error = Assert.Throws<DraftFormatException>(() => DraftParser.Parse("# Title\n\n- 5 Business community\n"));

        Assert.That((error!.Line, error.Column), Is.EqualTo((3, 1)));
    }

    [TestCase("---\nsymbol: A\nsymbol: B\n---\n", 3, 1, "appears twice")]
    [TestCase("---\n2010 symbol: A\n---\n", 2, 1, "is not a front matter key")]
    [TestCase("1. The Chair invites {#not-valid!}\n", 1, 22, "not-valid!' is not a paragraph id")]
    [TestCase("# Title\nThe Chair invites\n", 2, 1, "the title is a single line")]
    [TestCase("First line\rsecond\n", 1, 11, "carriage return")]
    [TestCase("{#lonely}\n", 1, 1, "an unnumbered paragraph needs text")]
    public void Malformed_sources_are_reported_with_line_and_column(string source, int line, int column, string reason)
    {
        var error = Assert.Throws<DraftFormatException>(() => DraftParser.Parse(source));

        Assert.That((error!.Line, error.Column), Is.EqualTo((line, column)), error.Message);
        Assert.That(error.Message, Does.Contain(reason));
    }

    [Test]
    public void A_paragraph_number_with_an_unknown_addition_is_an_unnumbered_paragraph()
    {
        var draft = DraftParser.Parse("2 alpha. Not a number.\n\n2 quater. A number.\n");

        Assert.That(draft.Paragraphs.Select(p => (p.Kind, p.Label)), Is.EqualTo(new[]
        {
            (ParagraphKind.Unnumbered, (string?)null),
            (ParagraphKind.Operative, "2 quater"),
        }));
    }

    [Test]
    public void Text_the_format_could_not_write_back_is_refused_by_the_model()
    {
        Assert.Throws<ArgumentException>(() => Paragraph.Unnumbered("1. looks numbered"));
        Assert.Throws<ArgumentException>(() => Paragraph.Unnumbered("two\n\nblocks"));
        Assert.Throws<ArgumentException>(() => Paragraph.Unnumbered("text\n- a bullet"));
        Assert.Throws<ArgumentException>(() => Paragraph.Operative(new ParagraphNumber(1), "ends like an id {#x}"));
        Assert.Throws<ArgumentException>(() => new Draft(DraftMetadata.Empty, null, [Paragraph.Unnumbered("# read as a title")]));
        Assert.Throws<ArgumentException>(() => new DraftMetadata([new("status", "final")]));
    }
}
