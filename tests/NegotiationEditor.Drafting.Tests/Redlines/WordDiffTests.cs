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
}
