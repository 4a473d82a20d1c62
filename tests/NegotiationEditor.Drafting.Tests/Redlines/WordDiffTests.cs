using NegotiationEditor.Drafting.Redlines;

namespace NegotiationEditor.Drafting.Tests.Redlines;

[TestFixture]
public sealed class WordDiffTests
{
    private static string Diff(string older, string newer) =>
        PlainTextRedlineRenderer.RenderRuns(Redliner.Default.Compare([older], [newer]).Paragraphs.Single().Runs);

    [Test]
    public void The_seed_chapeau_change_marks_exactly_the_changed_words()
    {
        var redline = Diff(
            "in accordance with the established rules of procedures of the ECOSOC and the CSTD",
            "bearing in mind the established rules of procedure of the ECOSOC");

        Assert.That(redline, Is.EqualTo(
            "[-in accordance with-]{+bearing in mind+} the established rules of [-procedures-]{+procedure+} of the ECOSOC[- and the CSTD-]"));
    }

    [Test]
    public void A_changed_punctuation_mark_is_marked_alone()
    {
        Assert.That(
            Diff("Recalling its resolution 2010/2, and noting the report;", "Recalling its resolution 2010/2, and noting the report:"),
            Is.EqualTo("Recalling its resolution 2010/2, and noting the report[-;-]{+:+}"));
    }

    [Test]
    public void A_word_inserted_between_unchanged_words_is_an_insertion_only()
    {
        Assert.That(
            Diff("The Chair invites the stakeholders", "The Chair cordially invites the stakeholders"),
            Is.EqualTo("The Chair {+cordially +}invites the stakeholders"));
    }

    [Test]
    public void A_word_is_not_split_even_when_only_its_ending_changes()
    {
        Assert.That(Diff("member states", "member statements"), Is.EqualTo("member [-states-]{+statements+}"));
    }

    [Test]
    public void Words_with_accents_and_apostrophes_stay_whole()
    {
        Assert.That(Diff("Côte d'Ivoire and Türkiye", "Côte d’Ivoire and Türkiye"), Is.EqualTo("Côte [-d'Ivoire-]{+d’Ivoire+} and Türkiye"));
    }

    [Test]
    public void The_tokenizer_splits_words_punctuation_and_whitespace_and_gives_the_text_back()
    {
        const string text = "5 Business  community,\n- Côte d'Ivoire (2010/2)";

        var tokens = RedlineTokenizer.Tokenize(text);

        Assert.Multiple(() =>
        {
            Assert.That(tokens, Is.EqualTo(new[]
            {
                "5", " ", "Business", "  ", "community", ",", "\n", "-", " ", "Côte", " ", "d'Ivoire", " ", "(", "2010", "/", "2", ")",
            }));
            Assert.That(string.Concat(tokens), Is.EqualTo(text));
            Assert.That(tokens.Select(RedlineTokenizer.KindOf).Distinct(), Is.EquivalentTo(Enum.GetValues<TokenKind>()));
        });
    }

    [Test]
    public void A_character_outside_the_basic_plane_is_never_split()
    {
        Assert.That(RedlineTokenizer.Tokenize("a\U0001F600b𝔸c"), Is.EqualTo(new[] { "a", "\U0001F600", "b𝔸c" }));
    }

    [Test]
    public void The_chunker_gives_DiffPlex_word_punctuation_and_whitespace_pieces()
    {
        var result = new DiffPlex.Differ().CreateDiffs("rules of procedures;", "rules of procedure;", false, false, RedlineChunker.Instance);

        Assert.Multiple(() =>
        {
            Assert.That(result.PiecesOld, Is.EqualTo(new[] { "rules", " ", "of", " ", "procedures", ";" }));
            Assert.That(result.DiffBlocks.Select(b => (b.DeleteStartA, b.DeleteCountA, b.InsertStartB, b.InsertCountB)), Is.EqualTo(new[] { (4, 1, 4, 1) }));
        });
    }
}
