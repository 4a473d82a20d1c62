using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NegotiationEditor.Drafting.Drafts;
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

    [FsCheckProperty(MaxTest = 200)]
    public void Random_drafts_with_numbers_bullets_and_titles_are_rebuilt_from_the_runs(int seed)
    {
        var random = new RandomDrafts(seed);
        var old = RandomDraft(random);
        var paragraphs = old.Paragraphs.ToList();
        for (var k = 0; k < paragraphs.Count; k++)
        {
            paragraphs[k] = random.Next(4) switch
            {
                0 => paragraphs[k].WithText(random.EditOneWord(paragraphs[k].Text)),
                1 => paragraphs[k].WithItems(paragraphs[k].Items.Append(new ParagraphItem($"{random.Next(1, 9)} {random.Word()}"))),
                _ => paragraphs[k],
            };
        }

        if (paragraphs.Count > 0 && random.Next(3) == 0)
        {
            paragraphs.RemoveAt(random.Next(paragraphs.Count));
        }

        if (random.Next(2) == 0)
        {
            paragraphs.Insert(random.Next(paragraphs.Count + 1), Paragraph.Operative(new ParagraphNumber(random.Next(1, 40), "ter"), random.Paragraph(random.Next(3, 20), multiline: false)));
        }

        if (paragraphs.Count > 1)
        {
            var moved = paragraphs[random.Next(paragraphs.Count)];
            paragraphs.Remove(moved);
            paragraphs.Insert(random.Next(paragraphs.Count + 1), moved);
        }

        var @new = new Draft(old.Metadata, random.Next(2) == 0 ? old.Title : "Title " + random.Word(), paragraphs.DistinctBy(p => p.Id));

        var redline = Redliner.Default.Compare(old, @new);

        Assert.Multiple(() =>
        {
            Assert.That(redline.Title?.OldText, Is.EqualTo(old.Title));
            Assert.That(redline.Title?.NewText, Is.EqualTo(@new.Title));
            Assert.That(
                redline.Paragraphs.Where(p => p.OldPosition is not null).OrderBy(p => p.OldPosition).Select(p => (p.OldId, p.OldText)),
                Is.EqualTo(old.Paragraphs.Select(p => ((string?)p.Id.Value, (string?)Redliner.TextOf(p)))));
            Assert.That(
                redline.Paragraphs.Where(p => p.NewPosition is not null).OrderBy(p => p.NewPosition).Select(p => (p.NewId, p.NewText)),
                Is.EqualTo(@new.Paragraphs.Select(p => ((string?)p.Id.Value, (string?)Redliner.TextOf(p)))));
        });
    }

    private static Draft RandomDraft(RandomDrafts random)
    {
        var preambular = random.Next(0, 4);
        var operative = random.Next(0, 8);
        var paragraphs = Enumerable.Range(1, preambular)
            .Select(n => Paragraph.Preambular(new ParagraphNumber(n), random.Paragraph(random.Next(3, 30), multiline: false)))
            .Concat(Enumerable.Range(1, operative).Select(n => Paragraph.Operative(
                new ParagraphNumber(n),
                random.Paragraph(random.Next(3, 30), multiline: false),
                Enumerable.Range(0, random.Next(3) == 0 ? random.Next(1, 4) : 0).Select(_ => new ParagraphItem($"5 {random.Word()} {random.Word()}")))))
            .ToList();
        return new Draft(DraftMetadata.Empty.With(DraftMetadata.SymbolKey, "E/CN.16/2011/CRP.1"), random.Next(3) == 0 ? null : "Composition of the Working Group", paragraphs);
    }
}
