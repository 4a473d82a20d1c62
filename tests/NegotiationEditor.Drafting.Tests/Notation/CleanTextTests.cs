using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;
using NegotiationEditor.Drafting.Tests.Drafts;

namespace NegotiationEditor.Drafting.Tests.Notation;

public sealed class CleanTextTests
{
    [Test]
    public void The_clean_text_keeps_the_first_alternative_and_drops_every_bracket()
    {
        var clean = CleanText.Of(DraftParser.Parse(CompilationTests.Bracketed));

        Assert.That(clean.ToMarkdown(), Is.EqualTo(
            "---\nsymbol: E/CN.16/2010/CRP.1\nstatus: draft\n---\n\n# Composition of the Working Group\n\n" +
            "The Chair invites the following stakeholders to join and participate in the Working Group " +
            "in accordance with the established rules of procedure of the ECOSOC:\n" +
            "- 5 Business community\n" +
            "- 5 Academia\n\n" +
            "The report of this Working Group will be adopted by consensus.\n\n" +
            "Decisions will be made by the 22 member states.\n"));
    }

    [Test]
    public void Every_resolved_bracket_is_reported_with_its_paragraph_and_options()
    {
        var clean = CleanText.Of(DraftParser.Parse(CompilationTests.Bracketed));

        Assert.That(clean.IsAgreed, Is.False);
        Assert.That(clean.Report(), Is.EqualTo(
            "p-1: kept 'join and'; left out the deletion (Proposed by South Africa)\n" +
            "p-1: kept 'in accordance with' (Proposed by Philippines); left out 'bearing in mind' (Proposed by Greece; supported by Iran; opposed by UK)\n" +
            "p-1: kept 'rules of procedure'; left out the deletion (Proposed by EU; opposed by Russian Federation, India)\n" +
            "p-1, item 2: '5 Academia' is not agreed (kept without its brackets)\n" +
            "p-2: 'by consensus' (Proposed by Canada) is not agreed (kept without its brackets)\n" +
            "p-3: kept 'Decisions will be made by the 22 member states.'; left out the deletion (Proposed by UK)\n" +
            "p-4: kept the deletion (Proposed by UK), so the paragraph is left out; left out 'The work of the Working Group will be governed by the established rules of procedure.'\n"));
    }

    [Test]
    public void A_kept_deletion_leaves_no_doubled_space_or_space_before_punctuation()
    {
        var clean = CleanText.Of(DraftParser.Parse("The Chair invites the stakeholders to [(delete) / join and] participate [(delete) / as observers], in the Group.\n"));

        Assert.That(clean.Draft.Paragraphs[0].Text, Is.EqualTo("The Chair invites the stakeholders to participate, in the Group."));
        Assert.That(clean.Unresolved, Has.Count.EqualTo(2));
    }

    [Test]
    public void An_agreed_draft_is_its_own_clean_text_with_an_empty_report()
    {
        var draft = DraftParser.Parse("# Final\n\nThe Chair invites the following stakeholders:\n- 5 Business community\n");
        var clean = CleanText.Of(draft);

        Assert.That(clean.Draft, Is.EqualTo(draft));
        Assert.That(clean.IsAgreed, Is.True);
        Assert.That(clean.Report(), Is.Empty);
    }

    [Test]
    public void A_clean_line_that_would_read_as_a_number_is_escaped()
    {
        var clean = CleanText.Of(DraftParser.Parse("[1. A numbered start / (delete)] of an unnumbered paragraph.\n"));

        Assert.That(clean.ToMarkdown(), Is.EqualTo("1\\. A numbered start of an unnumbered paragraph.\n"));
        Assert.That(DraftParser.Parse(clean.ToMarkdown()).Paragraphs[0].Kind, Is.EqualTo(ParagraphKind.Unnumbered));
    }

    [FsCheckProperty(Arbitrary = [typeof(DraftGenerators.Arbitraries)], MaxTest = 200)]
    public void The_clean_text_holds_no_bracket_and_reports_every_bracket_of_the_source(CanonicalSource source)
    {
        var notated = NotatedDraft.Parse(source.Text);
        var clean = notated.Clean();

        Assert.That(NotatedDraft.Parse(clean.ToMarkdown()).IsAgreed, Is.True, clean.ToMarkdown());
        Assert.That(DraftParser.Parse(clean.ToMarkdown()), Is.EqualTo(clean.Draft));
        Assert.That(clean.Unresolved.Select(u => u.Bracket), Is.EqualTo(notated.Brackets.Select(b => b.Bracket)));
    }
}
