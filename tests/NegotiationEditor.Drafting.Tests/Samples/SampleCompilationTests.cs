using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Drafting.Tests.Samples;

/// <summary>
/// The constructed compilation-1930: the first printed version in bracket notation with the amendments
/// then on the table, attributed exactly as the manifest records them.
/// </summary>
[TestFixture]
public sealed class SampleCompilationTests
{
    private static SampleNegotiation Sample => SampleNegotiation.Instance;

    private static Draft CompilationDraft => Sample.Draft("compilation-1930");

    private static SampleAmendment[] InCompilation => Sample.Amendments.Where(a => a.InCompilation).ToArray();

    /// <summary>The option an amendment puts in a bracket: its proposed text, or "(delete)" for a deletion.</summary>
    private static string OptionOf(SampleAmendment amendment) => amendment.Proposed ?? Alternative.DeleteOption;

    [Test]
    public void Every_verbatim_draft_is_agreed_notation_without_brackets()
    {
        // The transcribed texts hold no bracket, so nothing of them can be misread as an amendment.
        foreach (var version in Sample.Versions.Where(v => v.Verbatim))
        {
            Assert.That(NotatedDraft.Of(Sample.Draft(version)).IsAgreed, Is.True, version.Id);
        }
    }

    [Test]
    public void The_compilation_text_prints_each_attribution_of_the_manifest_as_a_numbered_footnote()
    {
        var footnotes = Compilation.Of(CompilationDraft).Footnotes;

        Assert.Multiple(() =>
        {
            Assert.That(footnotes.Select(f => f.Number), Is.EqualTo(Enumerable.Range(1, footnotes.Count)));
            Assert.That(footnotes.Select(f => f.Text), Is.EquivalentTo(InCompilation.Select(a => a.Attribution)));
            foreach (var amendment in InCompilation)
            {
                Assert.That(footnotes.Count(f => f.Text == amendment.Attribution && f.Alternative.Text == OptionOf(amendment)), Is.EqualTo(1),
                    $"{amendment}: one footnote '{amendment.Attribution}' on the option '{OptionOf(amendment)}'");
            }
        });
    }

    [Test]
    public void The_compilation_markdown_ends_with_the_footnotes_and_keeps_the_brackets()
    {
        var compilation = Compilation.Of(CompilationDraft);
        var markdown = compilation.ToMarkdown();
        var greece = Sample.Amendments.Single(a => a.Id == "greece-bearing-in-mind");
        var greeceFootnote = compilation.Footnotes.Single(f => f.Text == greece.Attribution);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain(greece.Proposed + greeceFootnote.Marker));
            Assert.That(markdown, Does.Contain("\n" + greeceFootnote.Marker + " Proposed by Greece; supported by Iran, Chair; reservation by India\n"));
            Assert.That(markdown, Does.Not.Contain("{Proposed by"));
            Assert.That(markdown, Does.Contain("[" + Alternative.DeleteOption));
        });
    }

    [Test]
    public void The_clean_text_is_the_first_printed_version_plus_the_bracketed_new_paragraph()
    {
        var clean = CleanText.Of(CompilationDraft).Draft;
        var printed = Sample.Draft("printed-version-1");
        var iran = Sample.Amendments.Single(a => a.Id == "iran-governed-by");

        Assert.Multiple(() =>
        {
            Assert.That(clean.Paragraphs.Select(p => p.Text), Is.EqualTo(printed.Paragraphs.Select(p => p.Text).Append(iran.Proposed)));
            Assert.That(clean.Paragraphs.Select(p => p.Items), Is.EqualTo(printed.Paragraphs.Select(p => p.Items).Append([])));
            Assert.That(clean.Title, Is.EqualTo(printed.Title));
        });
    }

    [Test]
    public void The_clean_text_reports_every_alternative_left_open_with_its_paragraph()
    {
        var clean = CleanText.Of(CompilationDraft);
        var amendmentsByOption = InCompilation.ToDictionary(a => (a.Attribution, OptionOf(a)));

        Assert.Multiple(() =>
        {
            Assert.That(clean.IsAgreed, Is.False);
            Assert.That(clean.Unresolved.Select(u => u.Location.ToString()), Is.EqualTo(new[] { "p-2", "p-3", "p-4", "p-5" }));

            // Every attributed option of the compilation is reported, and is one of the manifest's amendments.
            var reported = clean.Unresolved.SelectMany(u => u.Options).Where(o => o.Attribution is not null).ToArray();
            Assert.That(reported.Select(o => (o.Attribution!.FootnoteText, o.Text)), Is.EquivalentTo(amendmentsByOption.Keys));

            // The printed text is kept: the first option of each bracket is unattributed or the deletion of the rules of procedure.
            Assert.That(clean.Unresolved[0].Kept.IsDeletion, Is.True);
            Assert.That(clean.Unresolved[0].LeftOut.Select(o => o.Text), Is.EqualTo(new[]
            {
                Sample.Amendments.Single(a => a.Id == "greece-bearing-in-mind").Proposed,
                Sample.Amendments.Single(a => a.Id == "philippines-in-accordance-with").Proposed,
            }));
            Assert.That(clean.Unresolved[1].Kept.Attribution, Is.Null);
            Assert.That(clean.Unresolved[2].Kept.Attribution, Is.Null);
            Assert.That(clean.Report(), Does.Contain("p-2").And.Contain("Proposed by Greece"));
        });
    }
}
