using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NegotiationEditor.Drafting.Notation;
using NegotiationEditor.Drafting.Tests.Drafts;

namespace NegotiationEditor.Drafting.Tests.Notation;

public sealed class BracketParserTests
{
    private const string Greece =
        "The Chair invites the following stakeholders to interactively participate in the Working Group " +
        "[in accordance with {Philippines} / bearing in mind {Proposed by Greece; supported by Iran; opposed by UK}] " +
        "the established rules of procedure of the ECOSOC";

    [Test]
    public void Text_outside_brackets_is_one_plain_run_and_each_bracket_one_segment()
    {
        var text = BracketParser.Parse(Greece);

        Assert.That(text.Segments.Select(s => s.GetType().Name), Is.EqualTo(new[] { "PlainText", "Bracket", "PlainText" }));
        Assert.That(text.Segments[2].Source, Is.EqualTo(" the established rules of procedure of the ECOSOC"));
    }

    [Test]
    public void Alternatives_are_separated_by_a_slash_between_spaces_and_carry_their_attribution()
    {
        var bracket = BracketParser.Parse(Greece).Brackets.Single();

        Assert.That(bracket.Alternatives.Select(a => a.Text), Is.EqualTo(new[] { "in accordance with", "bearing in mind" }));
        Assert.That(bracket.Alternatives[0].Attribution!.ProposedBy, Is.EqualTo(new[] { "Philippines" }));
        var greece = bracket.Alternatives[1].Attribution!;
        Assert.That((greece.ProposedBy, greece.SupportedBy, greece.OpposedBy), Is.EqualTo((new[] { "Greece" }, new[] { "Iran" }, new[] { "UK" })));
    }

    [Test]
    public void A_slash_without_spaces_is_ordinary_text()
    {
        var text = BracketParser.Parse("Pursuant to the ECOSOC decision 2010/226, [2010/227 and 2010/228]");

        Assert.That(text.Brackets.Single().Alternatives.Single().Text, Is.EqualTo("2010/227 and 2010/228"));
        Assert.That(text.Segments[0].Source, Is.EqualTo("Pursuant to the ECOSOC decision 2010/226, "));
    }

    [Test]
    public void The_option_to_delete_is_recognised()
    {
        var bracket = BracketParser.Parse("in accordance with the established [rules of procedure / (delete) {South Africa}]").Brackets.Single();

        Assert.That(bracket.OffersDeletion, Is.True);
        Assert.That(bracket.Alternatives.Select(a => a.IsDeletion), Is.EqualTo(new[] { false, true }));
        Assert.That(bracket.Alternatives[1].Attribution!.ProposedBy, Is.EqualTo(new[] { "South Africa" }));
    }

    [Test]
    public void Escaped_brackets_and_braces_are_plain_text()
    {
        var text = BracketParser.Parse(@"a literal \[bracket\] and \{brace\}");

        Assert.That(text.IsAgreed, Is.True);
        Assert.That(text.Source, Is.EqualTo(@"a literal \[bracket\] and \{brace\}"));
    }

    [Test]
    public void A_markdown_link_is_not_a_bracket_even_inside_one()
    {
        var outside = BracketParser.Parse("see [the report](https://unctad.org/cstd) of the Forum");
        var inside = BracketParser.Parse("[see [the report](https://unctad.org/cstd) / (delete)]");

        Assert.That(outside.IsAgreed, Is.True);
        Assert.That(inside.Brackets.Single().Alternatives[0].Text, Is.EqualTo("see [the report](https://unctad.org/cstd)"));
    }

    [TestCase("The Chair [invites [all] stakeholders]", 1, 20, "do not nest")]
    [TestCase("first line\nthe [established rules", 2, 5, "not closed")]
    [TestCase("rules of procedure]", 1, 19, "without an opening")]
    [TestCase("bearing in mind {Greece}", 1, 17, "inside a bracket")]
    [TestCase("[bearing in mind {Proposed by Greece; endorsed by Iran}]", 1, 39, "unknown attribution clause 'endorsed by'")]
    [TestCase("[bearing in mind {Greece; Iran}]", 1, 27, "unknown attribution clause 'Iran'")]
    [TestCase("[bearing in mind {Greece} more text]", 1, 26, "ends its alternative")]
    [TestCase("[bearing in mind {Greece]", 1, 18, "not closed by '}'")]
    [TestCase("[in accordance with / ]", 1, 23, "empty alternative")]
    [TestCase("[]", 1, 2, "empty alternative")]
    [TestCase("[bearing in mind {}]", 1, 19, "empty attribution")]
    [TestCase("[bearing in mind {Proposed by Greece, supported by Iran}]", 1, 39, "separate clauses with ';'")]
    public void Bad_notation_is_reported_with_line_and_column(string text, int line, int column, string reason)
    {
        var error = Assert.Throws<NotationFormatException>(() => BracketParser.Parse(text));

        Assert.That((error!.Line, error.Column), Is.EqualTo((line, column)), error.Message);
        Assert.That(error.Message, Does.Contain(reason));
    }

    [TestCase("")]
    [TestCase("No bracket at all.")]
    [TestCase(Greece)]
    [TestCase("[Decisions of this Working Group will be made by the 22 member states. / (delete) {Proposed by UK}]")]
    [TestCase("to  [join and  /  (delete)]  participate [ spaced ] {x}")]
    [TestCase("[text  {Greece}]")]
    [TestCase("[a / / b] and [x\ny / z]")]
    [TestCase(@"\\[not escaped]")]
    public void Writing_parsed_notation_gives_back_the_same_text(string text)
    {
        string Roundtrip() => BracketParser.Parse(text).Source;

        if (text.EndsWith("{x}", StringComparison.Ordinal))
        {
            Assert.Throws<NotationFormatException>(() => Roundtrip());
            return;
        }

        Assert.That(Roundtrip(), Is.EqualTo(text));
    }

    [Test]
    public void Segments_that_would_read_back_differently_are_refused()
    {
        Assert.Throws<ArgumentException>(() => _ = new BracketedText([new PlainText("an [unescaped bracket")]));
        Assert.Throws<ArgumentException>(() => _ = new Bracket(new Alternative("one / two")));
        Assert.Throws<ArgumentException>(() => _ = new Bracket(new Alternative(" ")));
    }

    [Test]
    public void Built_segments_write_canonical_notation()
    {
        var text = new BracketedText(
        [
            new PlainText("The Chair invites the stakeholders to "),
            new Bracket(new Alternative("join and"), Alternative.Deletion(Attribution.Of(["South Africa"]))),
            new PlainText(" participate"),
        ]);

        Assert.That(text.Source, Is.EqualTo("The Chair invites the stakeholders to [join and / (delete) {South Africa}] participate"));
        Assert.That(BracketParser.Parse(text.Source), Is.EqualTo(text));
    }

    [FsCheckProperty(Arbitrary = [typeof(DraftGenerators.Arbitraries)], MaxTest = 500)]
    public void Writing_parsed_generated_notation_gives_back_the_same_text(NotationSource source)
    {
        Assert.That(BracketParser.Parse(source.Text).Source, Is.EqualTo(source.Text));
    }

    [FsCheckProperty(Arbitrary = [typeof(DraftGenerators.Arbitraries)], MaxTest = 500)]
    public void Reading_the_written_segments_gives_back_the_same_segments(NotationSource source)
    {
        var text = BracketParser.Parse(source.Text);
        var rebuilt = new BracketedText(text.Segments.Select(Rebuild));

        Assert.That(BracketParser.Parse(rebuilt.Source), Is.EqualTo(rebuilt));
        Assert.That(rebuilt, Is.EqualTo(text));
    }

    /// <summary>The same segment built through the public constructors rather than by the parser.</summary>
    private static Segment Rebuild(Segment segment) => segment switch
    {
        Bracket bracket => new Bracket(bracket.Alternatives.Select(a => new Alternative(
            a.Text, a.Attribution is null ? null : Attribution.Parse(a.Attribution.Source), a.AttributionSeparator.Length == 0 ? " " : a.AttributionSeparator))),
        _ => new PlainText(segment.Source),
    };
}
