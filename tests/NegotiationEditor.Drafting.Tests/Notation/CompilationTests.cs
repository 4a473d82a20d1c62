using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;
using NegotiationEditor.Drafting.Tests.Drafts;

namespace NegotiationEditor.Drafting.Tests.Notation;

public sealed class CompilationTests
{
    internal const string Bracketed =
        "---\n" +
        "symbol: E/CN.16/2010/CRP.1\n" +
        "status: draft\n" +
        "---\n" +
        "\n" +
        "# Composition of the Working Group\n" +
        "\n" +
        "The Chair invites the following stakeholders to [join and / (delete) {South Africa}] participate in the Working Group " +
        "[in accordance with {Philippines} / bearing in mind {Proposed by Greece; supported by Iran; opposed by UK}] " +
        "the established [rules of procedure / (delete) {Proposed by EU; opposed by Russian Federation, India}] of the ECOSOC:\n" +
        "- 5 Business community\n" +
        "- [5 Academia]\n" +
        "\n" +
        "The report of this Working Group will be adopted [by consensus {Canada}].\n" +
        "\n" +
        "[Decisions will be made by the 22 member states. / (delete) {UK}]\n" +
        "\n" +
        "[(delete) {UK} / The work of the Working Group will be governed by the established rules of procedure.]\n";

    [Test]
    public void Attributions_become_numbered_footnotes_and_the_brackets_stay()
    {
        var compilation = Compilation.Of(DraftParser.Parse(Bracketed));

        Assert.That(compilation.Draft.Paragraphs[0].Text, Is.EqualTo(
            "The Chair invites the following stakeholders to [join and / (delete)¹] participate in the Working Group " +
            "[in accordance with² / bearing in mind³] the established [rules of procedure / (delete)⁴] of the ECOSOC:"));
        Assert.That(compilation.Footnotes.Select(f => f.ToString()), Is.EqualTo(new[]
        {
            "¹ Proposed by South Africa",
            "² Proposed by Philippines",
            "³ Proposed by Greece; supported by Iran; opposed by UK",
            "⁴ Proposed by EU; opposed by Russian Federation, India",
            "⁵ Proposed by Canada",
            "⁶ Proposed by UK",
            "⁷ Proposed by UK",
        }));
        Assert.That(compilation.Footnotes[2].Location, Is.EqualTo(new NotationLocation(new ParagraphId("p-1"))));
    }

    [Test]
    public void The_compilation_markdown_lists_the_footnotes_after_the_draft()
    {
        var markdown = Compilation.Of(DraftParser.Parse(Bracketed)).ToMarkdown();

        Assert.That(markdown, Does.StartWith("---\nsymbol: E/CN.16/2010/CRP.1\nstatus: draft\n---\n\n# Composition of the Working Group\n\n"));
        Assert.That(markdown, Does.Contain("\n- [5 Academia]\n"));
        Assert.That(markdown, Does.EndWith(
            "[(delete)⁷ / The work of the Working Group will be governed by the established rules of procedure.]\n" +
            "\n---\n\n¹ Proposed by South Africa\n\n² Proposed by Philippines\n\n³ Proposed by Greece; supported by Iran; opposed by UK\n" +
            "\n⁴ Proposed by EU; opposed by Russian Federation, India\n\n⁵ Proposed by Canada\n\n⁶ Proposed by UK\n\n⁷ Proposed by UK\n"));
    }

    [Test]
    public void The_compilation_draft_is_itself_valid_notation_without_attributions()
    {
        var compilation = Compilation.Of(DraftParser.Parse(Bracketed));
        var again = Compilation.Of(compilation.Draft);

        Assert.That(again.Footnotes, Is.Empty);
        Assert.That(again.Draft, Is.EqualTo(compilation.Draft));
    }

    [Test]
    public void An_agreed_draft_compiles_to_itself_without_footnotes()
    {
        var draft = DraftParser.Parse("# Final\n\nThe report of this Working Group will be adopted by consensus.\n");
        var compilation = Compilation.Of(draft);

        Assert.That(compilation.Draft, Is.EqualTo(draft));
        Assert.That(compilation.ToMarkdown(), Is.EqualTo("# Final\n\nThe report of this Working Group will be adopted by consensus.\n"));
    }

    [FsCheckProperty(Arbitrary = [typeof(DraftGenerators.Arbitraries)], MaxTest = 200)]
    public void Every_attribution_becomes_one_footnote_and_every_bracket_stays(CanonicalSource source)
    {
        var notated = NotatedDraft.Parse(source.Text);
        var compilation = notated.Compile();
        var recompiled = NotatedDraft.Of(compilation.Draft);

        var attributions = notated.Brackets.SelectMany(b => b.Bracket.Alternatives).Where(a => a.Attribution is not null).ToArray();
        Assert.That(compilation.Footnotes.Select(f => f.Alternative), Is.EqualTo(attributions));
        Assert.That(compilation.Footnotes.Select(f => f.Number), Is.EqualTo(Enumerable.Range(1, attributions.Length)));
        Assert.That(recompiled.Brackets.Select(b => b.Bracket.Alternatives.Count), Is.EqualTo(notated.Brackets.Select(b => b.Bracket.Alternatives.Count)));
        Assert.That(recompiled.Brackets.SelectMany(b => b.Bracket.Alternatives).Any(a => a.Attribution is not null), Is.False);
    }
}
