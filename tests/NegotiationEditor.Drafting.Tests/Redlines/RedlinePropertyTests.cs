using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Tests.Redlines;

[TestFixture]
public sealed class RedlinePropertyTests
{
    [FsCheckProperty(MaxTest = 300)]
    public void Unchanged_and_deleted_runs_rebuild_the_old_draft_and_unchanged_and_inserted_runs_the_new(int seed)
    {
        var random = new RandomDrafts(seed);
        var old = Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Paragraph(random.Next(1, 30))).ToList();
        var @new = random.Edit(old);

        var redline = Redliner.Default.Compare(old, @new);

        var rebuiltOld = redline.Paragraphs.Where(p => p.OldPosition is not null).OrderBy(p => p.OldPosition).ToList();
        var rebuiltNew = redline.Paragraphs.Where(p => p.NewPosition is not null).OrderBy(p => p.NewPosition).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rebuiltOld.Select(p => p.OldPosition), Is.EqualTo(Enumerable.Range(0, old.Count).Select(i => (int?)i)));
            Assert.That(rebuiltNew.Select(p => p.NewPosition), Is.EqualTo(Enumerable.Range(0, @new.Count).Select(i => (int?)i)));
            Assert.That(rebuiltOld.Select(p => p.OldText), Is.EqualTo(old));
            Assert.That(rebuiltNew.Select(p => p.NewText), Is.EqualTo(@new));
            Assert.That(redline.Paragraphs.SelectMany(p => p.Runs).Any(run => run.Text.Length == 0), Is.False, "no empty run");
        });
    }

    [FsCheckProperty(MaxTest = 500)]
    public void Any_text_at_all_is_rebuilt_exactly_from_the_runs(FsCheck.NonNull<string>[] oldParagraphs, FsCheck.NonNull<string>[] newParagraphs)
    {
        var old = (oldParagraphs ?? []).Select(p => p.Get).ToList();
        var @new = (newParagraphs ?? []).Select(p => p.Get).ToList();

        var redline = Redliner.Default.Compare(old, @new);

        Assert.Multiple(() =>
        {
            Assert.That(redline.Paragraphs.Where(p => p.OldPosition is not null).OrderBy(p => p.OldPosition).Select(p => p.OldText), Is.EqualTo(old));
            Assert.That(redline.Paragraphs.Where(p => p.NewPosition is not null).OrderBy(p => p.NewPosition).Select(p => p.NewText), Is.EqualTo(@new));
        });
    }

    [FsCheckProperty(MaxTest = 300)]
    public void A_word_edit_inside_one_paragraph_marks_no_other_paragraph_changed(int seed)
    {
        var random = new RandomDrafts(seed);
        var old = Enumerable.Range(1, random.Next(2, 12)).Select(n => $"{n}. " + random.Paragraph(random.Next(8, 40))).ToList();
        var edited = random.Next(old.Count);
        var @new = old.ToList();
        @new[edited] = random.EditOneWord(old[edited], keepPrefix: old[edited].IndexOf(' ') + 1);

        var redline = Redliner.Default.Compare(old, @new);

        Assert.That(redline.Paragraphs.Select(p => (p.Status, p.OldPosition, p.NewPosition)), Is.EqualTo(
            Enumerable.Range(0, old.Count).Select(i => (
                i == edited && old[i] != @new[i] ? ParagraphStatus.Changed : ParagraphStatus.Unchanged, (int?)i, (int?)i))));
    }

    [FsCheckProperty(MaxTest = 200)]
    public void A_moved_paragraph_is_the_only_one_shown_as_moved(int seed)
    {
        var random = new RandomDrafts(seed);
        var old = Enumerable.Range(1, random.Next(3, 12)).Select(n => $"PP{n}. " + random.Paragraph(random.Next(3, 30))).ToList();
        var from = random.Next(old.Count);
        int to;
        do
        {
            to = random.Next(old.Count);
        }
        while (to == from);
        var @new = old.ToList();
        @new.RemoveAt(from);
        @new.Insert(to, old[from]);

        var redline = Redliner.Default.Compare(old, @new);

        var moved = redline.Paragraphs.Where(p => p.Status == ParagraphStatus.Moved).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(moved, Has.Count.EqualTo(1));
            Assert.That(redline.Paragraphs.Count(p => p.Status == ParagraphStatus.Unchanged), Is.EqualTo(old.Count - 1));
            Assert.That(moved.Single().HasWordChanges, Is.False);
            if (Math.Abs(from - to) > 1)
            {
                Assert.That(moved.Single().OldPosition, Is.EqualTo(from), "the paragraph that was moved is the one shown as moved");
            }
        });
    }
}
