using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Samples;

/// <summary>The amendments the manifest records: quoted from the transcript, anchored in their target texts.</summary>
[TestFixture]
public sealed class SampleAmendmentTests
{
    private static SampleNegotiation Sample => SampleNegotiation.Instance;

    [TestCaseSource(typeof(SampleNegotiation), nameof(SampleNegotiation.AmendmentIds))]
    public void The_original_text_of_a_replacement_or_deletion_occurs_in_its_target_version(string amendmentId)
    {
        var amendment = Sample.Amendments.Single(a => a.Id == amendmentId);
        if (amendment.ChangeKind is not ("replace" or "delete" or "delete-paragraph") || amendment.Target is null)
        {
            Assert.That(amendment.ChangeKind is not ("replace" or "delete" or "delete-paragraph") || amendment.Note is not null, Is.True,
                $"{amendment}: a deletion without a target explains why in a note");
            return;
        }

        var texts = Texts(Sample.Draft(amendment.Target)).ToArray();

        if (amendment.ChangeKind == "delete-paragraph")
        {
            Assert.That(Sample.Draft(amendment.Target).Paragraphs.Select(p => p.Text), Does.Contain(amendment.Original),
                $"{amendment}: the deleted paragraph is a whole paragraph of {amendment.Target}");
        }
        else
        {
            Assert.That(texts.Count(text => text.Contains(amendment.Original!, StringComparison.Ordinal)), Is.EqualTo(1),
                $"{amendment}: '{amendment.Original}' occurs in exactly one paragraph or item of {amendment.Target}");
        }
    }

    [TestCaseSource(typeof(SampleNegotiation), nameof(SampleNegotiation.AmendmentIds))]
    public void Every_quoted_wording_occurs_in_the_transcript_on_the_lines_the_amendment_cites(string amendmentId)
    {
        var amendment = Sample.Amendments.Single(a => a.Id == amendmentId);
        var cited = amendment.Lines.Select(SeedTranscript.Instance.Line).ToArray();
        var quotations = new List<string>();
        if (amendment.Proposed is not null)
        {
            quotations.AddRange(amendment.Proposed.Split("\n\n"));
        }

        if (amendment.ChangeKind == "alternatives" || (amendment.Target is null && amendment.Original is not null))
        {
            // Not checked against a target version: the original words must then be quoted from the transcript.
            quotations.Add(amendment.Original!);
        }

        Assert.Multiple(() =>
        {
            foreach (var quotation in quotations)
            {
                Assert.That(cited.Any(line => line.Contains(quotation, StringComparison.Ordinal)), Is.True,
                    $"{amendment}: '{quotation}' is on none of the lines {string.Join(", ", amendment.Lines)}");
            }
        });
    }

    [Test]
    public void Every_amendment_targets_a_text_tabled_before_it()
    {
        // An amendment targets a text tabled before the last line it cites: no amendment to a text not yet on the table.
        foreach (var amendment in Sample.Amendments.Where(a => a.Target is not null))
        {
            var target = Sample.Version(amendment.Target!);
            Assert.That(target.FromLine, Is.LessThan(amendment.Lines[^1]), $"{amendment}: target {target} comes after the amendment");
        }
    }

    [Test]
    public void The_amendments_taken_into_the_compilation_target_the_texts_then_on_the_table()
    {
        var compilation = Sample.Version("compilation-1930");
        var inCompilation = Sample.Amendments.Where(a => a.InCompilation).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(inCompilation, Is.Not.Empty);
            foreach (var amendment in inCompilation)
            {
                Assert.That(amendment.Proposer, Is.Not.Empty, $"{amendment}: an attributed amendment has a proposer");
                Assert.That(amendment.Target, Is.EqualTo(compilation.BasedOn).Or.EqualTo("compiled-text-1802"),
                    $"{amendment}: on the table at 19:30 means aimed at the first printed version or the 18:02 text it replaced");
            }
        });
    }

    private static IEnumerable<string> Texts(Draft draft) =>
        draft.Paragraphs.SelectMany(p => new[] { p.Text }.Concat(p.Items.Select(i => i.Text)));
}
