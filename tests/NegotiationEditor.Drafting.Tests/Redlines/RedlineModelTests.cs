using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Tests.Redlines;

[TestFixture]
public sealed class RedlineModelTests
{
    private static readonly RedlineRun[] Runs = [new(RunKind.Unchanged, "1. The Chair "), new(RunKind.Deleted, "decides"), new(RunKind.Inserted, "agrees"), new(RunKind.Unchanged, ".")];

    [Test]
    public void A_paragraph_gives_its_old_text_from_unchanged_and_deleted_runs_and_its_new_text_from_unchanged_and_inserted_runs()
    {
        var paragraph = new RedlineParagraph(ParagraphStatus.Changed, 0, 0, "op-1", "op-1", Runs);

        Assert.Multiple(() =>
        {
            Assert.That(paragraph.OldText, Is.EqualTo("1. The Chair decides."));
            Assert.That(paragraph.NewText, Is.EqualTo("1. The Chair agrees."));
            Assert.That(paragraph.HasWordChanges, Is.True);
        });
    }

    [TestCase(ParagraphStatus.Inserted, 0, 0)]
    [TestCase(ParagraphStatus.Deleted, 0, 0)]
    [TestCase(ParagraphStatus.Changed, null, 0)]
    [TestCase(ParagraphStatus.Moved, 0, null)]
    [TestCase(ParagraphStatus.Unchanged, null, null)]
    public void A_status_that_does_not_fit_the_positions_is_refused(ParagraphStatus status, int? oldPosition, int? newPosition) =>
        Assert.That(() => new RedlineParagraph(status, oldPosition, newPosition, null, null, Runs), Throws.ArgumentException);

    [Test]
    public void An_inserted_paragraph_has_no_old_text_and_a_deleted_one_no_new_text()
    {
        var inserted = new RedlineParagraph(ParagraphStatus.Inserted, null, 2, null, "op-2-bis", [new RedlineRun(RunKind.Inserted, "2 bis. New.")]);
        var deleted = new RedlineParagraph(ParagraphStatus.Deleted, 3, null, "op-3", null, [new RedlineRun(RunKind.Deleted, "3. Old.")]);

        Assert.Multiple(() =>
        {
            Assert.That((inserted.OldText, inserted.NewText), Is.EqualTo(((string?)null, "2 bis. New.")));
            Assert.That((deleted.OldText, deleted.NewText), Is.EqualTo(("3. Old.", (string?)null)));
        });
    }
}
