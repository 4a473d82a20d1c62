using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Drafting.Tests.Notation;

public sealed class NotatedDraftTests
{
    [Test]
    public void Bad_notation_in_a_draft_source_is_reported_at_its_line_and_column_in_the_file()
    {
        const string source = "---\nsymbol: X\n---\n\n# Title\n\n2. The Chair invites the stakeholders:\n- 5 Business community\n- [5 Civil [society]\n";

        var error = Assert.Throws<NotationFormatException>(() => NotatedDraft.Parse(source));

        Assert.That((error!.Line, error.Column), Is.EqualTo((9, 12)));
        Assert.That(error.InDraftSource, Is.True);
        Assert.That(error.Location, Is.EqualTo(new NotationLocation(new ParagraphId("op-2"), 1)));
        Assert.That(error.Message, Does.StartWith("line 9, column 12 (op-2, item 2): brackets do not nest"));
    }

    [Test]
    public void A_position_on_the_first_line_counts_after_the_paragraph_number()
    {
        var error = Assert.Throws<NotationFormatException>(() => NotatedDraft.Parse("PP1. Recalling {Greece}\n"));

        Assert.That((error!.Line, error.Column), Is.EqualTo((1, 16)));
    }

    [Test]
    public void Bad_notation_in_a_draft_model_names_the_paragraph_and_the_position_in_its_text()
    {
        var draft = new Draft(DraftMetadata.Empty, null, [Paragraph.Unnumbered("First line\nthe [established rules")]);

        var error = Assert.Throws<NotationFormatException>(() => NotatedDraft.Of(draft));

        Assert.That((error!.Line, error.Column, error.InDraftSource), Is.EqualTo((2, 5, false)));
        Assert.That(error.Message, Does.StartWith("p-1, line 2, column 5 of its text"));
    }

    [Test]
    public void Brackets_are_listed_with_where_they_stand()
    {
        var notated = NotatedDraft.Parse("# [Draft] title\n\n1. Text [a / b]\n- [item]\n");

        Assert.That(notated.Brackets.Select(b => (b.Location.ToString(), b.Bracket.Source)), Is.EqualTo(new[]
        {
            ("title", "[Draft]"),
            ("op-1", "[a / b]"),
            ("op-1, item 1", "[item]"),
        }));
    }
}
