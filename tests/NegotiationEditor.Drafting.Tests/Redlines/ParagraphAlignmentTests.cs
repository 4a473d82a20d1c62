using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Tests.Redlines;

[TestFixture]
public sealed class ParagraphAlignmentTests
{
    private static readonly string[] Old =
    [
        "PP1. Recalling its resolution 2010/2 on the follow-up to the World Summit on the Information Society,",
        "1. The Chair of the CSTD establishes a Working Group of 15 member states to seek, compile and review inputs.",
        "2. The Chair invites the following stakeholders to interactively participate in the Working Group:\n- 5 Business community\n- 5 Civil society",
        "3. The Working Group shall hold its meetings in Geneva and report to the Commission at its fourteenth session.",
        "4. The Working Group shall hold its meetings in Geneva and make recommendations to the Commission.",
    ];

    private static string Render(RedlineParagraph paragraph) => PlainTextRedlineRenderer.RenderRuns(paragraph.Runs);

    [Test]
    public void An_edit_in_one_paragraph_marks_no_other_paragraph()
    {
        var @new = Old.ToArray();
        @new[3] = "3. The Working Group shall hold its meetings in New York and report to the Commission at its fourteenth session.";

        var redline = Redliner.Default.Compare(Old, @new);

        Assert.Multiple(() =>
        {
            Assert.That(redline.Paragraphs.Select(p => p.Status), Is.EqualTo(new[]
            {
                ParagraphStatus.Unchanged, ParagraphStatus.Unchanged, ParagraphStatus.Unchanged, ParagraphStatus.Changed, ParagraphStatus.Unchanged,
            }));
            Assert.That(Render(redline.Paragraphs[3]), Is.EqualTo(
                "3. The Working Group shall hold its meetings in [-Geneva-]{+New York+} and report to the Commission at its fourteenth session."));
        });
    }

    [Test]
    public void A_changed_paragraph_is_paired_with_its_own_old_text_not_with_the_paragraph_at_its_position()
    {
        // OP3 deleted and OP4 edited: by position, the new OP4 would be diffed against the old OP3.
        string[] @new = [Old[0], Old[1], Old[2], "4. The Working Group shall hold its meetings in Geneva and make proposals to the Commission."];

        var redline = Redliner.Default.Compare(Old, @new);

        Assert.That(redline.Paragraphs.Select(p => (p.Status, p.OldPosition, p.NewPosition)), Is.EqualTo(new (ParagraphStatus, int?, int?)[]
        {
            (ParagraphStatus.Unchanged, 0, 0), (ParagraphStatus.Unchanged, 1, 1), (ParagraphStatus.Unchanged, 2, 2),
            (ParagraphStatus.Deleted, 3, null), (ParagraphStatus.Changed, 4, 3),
        }));
        Assert.That(Render(redline.Paragraphs[4]), Is.EqualTo(
            "4. The Working Group shall hold its meetings in Geneva and make [-recommendations-]{+proposals+} to the Commission."));
    }

    [Test]
    public void An_inserted_paragraph_is_a_clean_insertion_and_its_neighbours_are_unchanged()
    {
        const string inserted = "2 bis. The Working Group shall hold its meetings in Geneva and invite the CSTD to report.";
        string[] @new = [Old[0], Old[1], Old[2], inserted, Old[3], Old[4]];

        var redline = Redliner.Default.Compare(Old, @new);

        Assert.Multiple(() =>
        {
            Assert.That(redline.Paragraphs.Select(p => p.Status), Is.EqualTo(new[]
            {
                ParagraphStatus.Unchanged, ParagraphStatus.Unchanged, ParagraphStatus.Unchanged,
                ParagraphStatus.Inserted, ParagraphStatus.Unchanged, ParagraphStatus.Unchanged,
            }));
            Assert.That(redline.Paragraphs[3].Runs, Is.EqualTo(new[] { new RedlineRun(RunKind.Inserted, inserted) }));
            Assert.That(redline.Paragraphs[3].OldPosition, Is.Null);
        });
    }

    [Test]
    public void A_deleted_paragraph_is_a_clean_deletion_at_its_old_place()
    {
        string[] @new = [Old[0], Old[2], Old[3], Old[4]];

        var redline = Redliner.Default.Compare(Old, @new);

        Assert.Multiple(() =>
        {
            Assert.That(redline.Paragraphs.Select(p => p.Status), Is.EqualTo(new[]
            {
                ParagraphStatus.Unchanged, ParagraphStatus.Deleted, ParagraphStatus.Unchanged, ParagraphStatus.Unchanged, ParagraphStatus.Unchanged,
            }));
            Assert.That(redline.Paragraphs[1].Runs, Is.EqualTo(new[] { new RedlineRun(RunKind.Deleted, Old[1]) }));
        });
    }

    [Test]
    public void A_moved_paragraph_shows_as_a_move_from_its_old_position()
    {
        string[] @new = [Old[0], Old[3], Old[1], Old[2], Old[4]];

        var redline = Redliner.Default.Compare(Old, @new);

        var moved = redline.Paragraphs.Single(p => p.Status == ParagraphStatus.Moved);
        Assert.Multiple(() =>
        {
            Assert.That((moved.OldPosition, moved.NewPosition), Is.EqualTo(((int?)3, (int?)1)));
            Assert.That(moved.HasWordChanges, Is.False);
            Assert.That(redline.Paragraphs.Count(p => p.Status == ParagraphStatus.Unchanged), Is.EqualTo(4));
            Assert.That(redline.Paragraphs.Select(p => p.NewPosition), Is.EqualTo(new int?[] { 0, 1, 2, 3, 4 }));
        });
    }

    [Test]
    public void A_moved_and_edited_paragraph_shows_as_a_move_with_its_word_changes()
    {
        var edited = Old[3].Replace("Geneva", "Vienna", StringComparison.Ordinal);
        string[] @new = [Old[0], edited, Old[1], Old[2], Old[4]];

        var moved = Redliner.Default.Compare(Old, @new).Paragraphs.Single(p => p.Status == ParagraphStatus.Moved);

        Assert.That(Render(moved), Is.EqualTo(
            "3. The Working Group shall hold its meetings in [-Geneva-]{+Vienna+} and report to the Commission at its fourteenth session."));
    }

    [Test]
    public void Without_move_detection_a_moved_paragraph_is_an_unchanged_pair_out_of_order()
    {
        var redliner = new RedlinerBuilder().DetectMoves(false).Build();
        string[] @new = [Old[0], Old[3], Old[1], Old[2], Old[4]];

        var redline = redliner.Compare(Old, @new);

        Assert.That(redline.Paragraphs.Select(p => p.Status), Has.All.EqualTo(ParagraphStatus.Unchanged));
    }

    [Test]
    public void A_paragraph_rewritten_beyond_the_minimum_similarity_is_deleted_and_the_new_one_inserted()
    {
        string[] @new = [Old[0], Old[1], Old[2], "3. Decides to remain seized of the matter.", Old[4]];

        var redline = Redliner.Default.Compare(Old, @new);

        Assert.That(redline.Paragraphs.Select(p => p.Status), Is.EqualTo(new[]
        {
            ParagraphStatus.Unchanged, ParagraphStatus.Unchanged, ParagraphStatus.Unchanged,
            ParagraphStatus.Deleted, ParagraphStatus.Inserted, ParagraphStatus.Unchanged,
        }));
    }

    [Test]
    public void A_bullet_item_change_is_a_change_inside_its_paragraph()
    {
        var @new = Old.ToArray();
        @new[2] = Old[2].Replace("- 5 Civil society", "- 5 Civil society\n- 5 Technical community", StringComparison.Ordinal);

        var redline = Redliner.Default.Compare(Old, @new);

        Assert.Multiple(() =>
        {
            Assert.That(redline.Paragraphs.Count(p => p.Status != ParagraphStatus.Unchanged), Is.EqualTo(1));
            Assert.That(Render(redline.Paragraphs[2]), Does.EndWith("- 5 Civil society{+\n- 5 Technical community+}"));
        });
    }

    [Test]
    public void Repeated_identical_paragraphs_pair_in_order()
    {
        string[] old = ["1. Decides to remain seized of the matter.", "1. Decides to remain seized of the matter.", Old[3]];
        string[] @new = ["1. Decides to remain seized of the matter here.", "1. Decides to remain seized of the matter.", Old[3]];

        var redline = Redliner.Default.Compare(old, @new);

        Assert.That(redline.Paragraphs.Select(p => (p.Status, p.OldPosition, p.NewPosition)), Is.EqualTo(new (ParagraphStatus, int?, int?)[]
        {
            (ParagraphStatus.Changed, 0, 0), (ParagraphStatus.Unchanged, 1, 1), (ParagraphStatus.Unchanged, 2, 2),
        }));
    }
}
