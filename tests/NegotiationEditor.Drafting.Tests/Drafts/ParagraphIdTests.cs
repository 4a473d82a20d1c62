using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Drafts;

public sealed class ParagraphIdTests
{
    [Test]
    public void Ids_are_derived_from_numbers_and_from_the_order_of_unnumbered_paragraphs()
    {
        var draft = DraftParser.Parse("PP1. Recalling.\n\nFirst.\n\n2. Invites.\n\n2 bis. Inserted.\n\n2 (new). New.\n\nSecond.\n");

        Assert.That(draft.Paragraphs.Select(p => p.Id.Value), Is.EqualTo(new[] { "pp-1", "p-1", "op-2", "op-2-bis", "op-2-new", "p-2" }));
        Assert.That(draft.Paragraphs.Select(p => p.HasExplicitId), Has.All.False);
    }

    [Test]
    public void An_explicit_id_is_read_from_the_end_of_the_first_line_and_kept_out_of_the_text()
    {
        var draft = DraftParser.Parse("2. The Chair invites: {#invitation}\n- 5 Business community\n");

        Assert.That(draft.Paragraphs[0].Id, Is.EqualTo(new ParagraphId("invitation")));
        Assert.That(draft.Paragraphs[0].HasExplicitId, Is.True);
        Assert.That(draft.Paragraphs[0].Text, Is.EqualTo("The Chair invites:"));
    }

    [Test]
    public void Inserting_an_unnumbered_paragraph_keeps_the_explicit_ids_of_the_others()
    {
        var before = DraftParser.Parse("First. {#composition}\n\nSecond. {#report}\n");
        var after = DraftParser.Parse("Inserted.\n\nFirst. {#composition}\n\nSecond. {#report}\n");

        Assert.That(after.FindParagraph(new ParagraphId("report"))!.Text, Is.EqualTo(before.FindParagraph(new ParagraphId("report"))!.Text));
        Assert.That(after.Paragraphs[0].Id.Value, Is.EqualTo("p-1"));
    }

    [Test]
    public void A_repeated_explicit_id_is_an_error_naming_both_lines()
    {
        var error = Assert.Throws<DraftFormatException>(() => DraftParser.Parse("First. {#same}\n\nSecond. {#same}\n"));

        Assert.That((error!.Line, error.Column), Is.EqualTo((3, 9)));
        Assert.That(error.Message, Does.Contain("line 1"));
    }

    [Test]
    public void A_derived_id_taken_by_an_explicit_one_gets_a_suffix_so_ids_stay_unique()
    {
        var draft = DraftParser.Parse("1. First.\n\n1. Repeated number.\n\nMoved. {#op-1-2}\n");

        Assert.That(draft.Paragraphs.Select(p => p.Id.Value), Is.EqualTo(new[] { "op-1", "op-1-3", "op-1-2" }));
    }

    [Test]
    public void Creating_a_draft_with_a_repeated_explicit_id_is_refused()
    {
        var paragraphs = new[] { Paragraph.Unnumbered("One.", id: new ParagraphId("x")), Paragraph.Unnumbered("Two.", id: new ParagraphId("x")) };

        Assert.Throws<ArgumentException>(() => _ = new Draft(DraftMetadata.Empty, null, paragraphs));
    }
}
