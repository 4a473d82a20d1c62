using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Tests.Redlines;

[TestFixture]
public sealed class RedlinerTests
{
    [TestCase(0.0)]
    [TestCase(-0.5)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void A_minimum_similarity_outside_zero_to_one_is_refused(double similarity) =>
        Assert.That(() => new RedlinerBuilder().WithMinimumSimilarity(similarity), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public void The_builder_freezes_its_settings_into_the_redliner()
    {
        var builder = new RedlinerBuilder().WithMinimumSimilarity(0.8).DetectMoves(false);
        var redliner = builder.Build();
        builder.WithMinimumSimilarity(0.3).DetectMoves(true);

        Assert.Multiple(() =>
        {
            Assert.That(redliner.MinimumSimilarity, Is.EqualTo(0.8));
            Assert.That(redliner.DetectsMoves, Is.False);
            Assert.That(Redliner.Default.MinimumSimilarity, Is.EqualTo(RedlinerBuilder.DefaultMinimumSimilarity));
        });
    }

    [Test]
    public void A_higher_minimum_similarity_shows_a_reworded_paragraph_as_deleted_and_inserted()
    {
        string[] old = ["1. The Working Group shall hold its meetings in Geneva and report to the Commission."];
        string[] @new = ["1. The Working Group shall meet in New York and report to the Council."];

        Assert.Multiple(() =>
        {
            Assert.That(Redliner.Default.Compare(old, @new).Paragraphs.Select(p => p.Status), Is.EqualTo(new[] { ParagraphStatus.Changed }));
            Assert.That(
                new RedlinerBuilder().WithMinimumSimilarity(0.95).Build().Compare(old, @new).Paragraphs.Select(p => p.Status),
                Is.EqualTo(new[] { ParagraphStatus.Deleted, ParagraphStatus.Inserted }));
        });
    }

    [Test]
    public void An_invalid_source_is_refused_with_the_draft_and_line_named()
    {
        const string valid = "1. The Chair decides.";
        const string duplicateKey = "---\nsymbol: E/CN.16/2011/CRP.1\nsymbol: twice\n---\n\n1. The Chair decides.";

        Assert.Multiple(() =>
        {
            Assert.That(() => Redliner.Default.Compare(duplicateKey, valid),
                Throws.InstanceOf<DraftFormatException>().With.Message.Contains("old draft").And.Property(nameof(DraftFormatException.Line)).EqualTo(3));
            Assert.That(() => Redliner.Default.Compare(valid, duplicateKey),
                Throws.InstanceOf<DraftFormatException>().With.Message.Contains("new draft"));
        });
    }

    [Test]
    public void The_paragraph_number_and_bullet_items_are_compared_as_part_of_the_paragraph()
    {
        var paragraph = Paragraph.Operative(
            new ParagraphNumber(2), "The Chair invites the following stakeholders:", [new ParagraphItem("5 Business community"), new ParagraphItem("5 Civil society")]);
        var renumbered = paragraph.WithNumber(ParagraphKind.Operative, new ParagraphNumber(2, "bis"))
            .WithItems([new ParagraphItem("5 Business community"), new ParagraphItem("6 Civil society", BulletMarker.MiddleDot)]);

        var redline = Redliner.Default.Compare(
            new Draft(DraftMetadata.Empty, null, [paragraph]), new Draft(DraftMetadata.Empty, null, [renumbered]));

        Assert.Multiple(() =>
        {
            Assert.That(Redliner.TextOf(paragraph), Is.EqualTo("2. The Chair invites the following stakeholders:\n- 5 Business community\n- 5 Civil society"));
            Assert.That(PlainTextRedlineRenderer.RenderRuns(redline.Paragraphs.Single().Runs), Is.EqualTo(
                "2{+ bis+}. The Chair invites the following stakeholders:\n- 5 Business community\n[-- 5-]{+· 6+} Civil society"));
            Assert.That((redline.Paragraphs.Single().OldId, redline.Paragraphs.Single().NewId), Is.EqualTo(("op-2", "op-2-bis")));
        });
    }

    [Test]
    public void Identical_drafts_give_an_empty_redline()
    {
        const string source = "# Title\n\nPP1. Recalling its resolution 2010/2,\n\n1. Decides to act.";

        var redline = Redliner.Default.Compare(source, source);

        Assert.Multiple(() =>
        {
            Assert.That(redline.IsEmpty, Is.True);
            Assert.That(redline.Paragraphs.Select(p => p.Status), Has.All.EqualTo(ParagraphStatus.Unchanged));
        });
    }

    [Test]
    public void One_redliner_compares_from_many_threads_at_once_with_the_same_results()
    {
        var random = new RandomDrafts(7);
        var pairs = Enumerable.Range(0, 16).Select(_ =>
        {
            var old = Enumerable.Range(0, 12).Select(_ => random.Paragraph(random.Next(5, 40))).ToList();
            return (Old: old, New: random.Edit(old));
        }).ToList();
        var sequential = pairs.Select(p => PlainTextRedlineRenderer.Render(Redliner.Default.Compare(p.Old, p.New))).ToList();

        var parallel = new string[pairs.Count];
        Parallel.For(0, pairs.Count * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var index = k % pairs.Count;
            parallel[index] = PlainTextRedlineRenderer.Render(Redliner.Default.Compare(pairs[index].Old, pairs[index].New));
        });

        Assert.That(parallel, Is.EqualTo(sequential));
    }

    [Test]
    public void The_side_by_side_model_has_one_row_per_paragraph_with_the_old_and_new_sides()
    {
        var redline = Redliner.Default.Compare(
            ["1. Decides to act now.", "2. Requests a report."],
            ["1. Decides to act today.", "1 bis. Invites the Chair.", "2. Requests a report."]);

        var rows = redline.ToSideBySide().Rows;

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Status), Is.EqualTo(new[] { ParagraphStatus.Changed, ParagraphStatus.Inserted, ParagraphStatus.Unchanged }));
            Assert.That(rows[0].Old!.Runs, Is.EqualTo(new[] { new RedlineRun(RunKind.Unchanged, "1. Decides to act "), new RedlineRun(RunKind.Deleted, "now"), new RedlineRun(RunKind.Unchanged, ".") }));
            Assert.That(rows[0].New!.Runs, Is.EqualTo(new[] { new RedlineRun(RunKind.Unchanged, "1. Decides to act "), new RedlineRun(RunKind.Inserted, "today"), new RedlineRun(RunKind.Unchanged, ".") }));
            Assert.That((rows[1].Old, rows[1].New!.Position), Is.EqualTo(((SideBySideCell?)null, 1)));
            Assert.That((rows[2].Old!.Position, rows[2].New!.Position), Is.EqualTo((1, 2)));
        });
    }
}
