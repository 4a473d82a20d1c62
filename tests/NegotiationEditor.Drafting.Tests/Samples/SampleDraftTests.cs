using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Samples;

/// <summary>The sample's drafts: valid drafts, written back without loss, transcribed verbatim.</summary>
[TestFixture]
public sealed class SampleDraftTests
{
    private static SampleNegotiation Sample => SampleNegotiation.Instance;

    [TestCaseSource(typeof(SampleNegotiation), nameof(SampleNegotiation.VersionIds))]
    public void Every_draft_parses_with_the_sample_title(string versionId)
    {
        var draft = Sample.Draft(versionId);

        Assert.Multiple(() =>
        {
            Assert.That(draft.Title, Is.EqualTo(Sample.Title));
            Assert.That(draft.Paragraphs, Is.Not.Empty);
        });
    }

    [TestCaseSource(typeof(SampleNegotiation), nameof(SampleNegotiation.VersionIds))]
    public void Every_draft_is_written_back_byte_for_byte(string versionId)
    {
        var source = Sample.Source(Sample.Version(versionId));

        Assert.That(DraftWriter.Write(DraftParser.Parse(source)), Is.EqualTo(source));
    }

    [TestCaseSource(typeof(SampleNegotiation), nameof(SampleNegotiation.VerbatimVersionIds))]
    public void Every_paragraph_and_item_of_a_transcribed_draft_occurs_in_the_transcript_in_order_at_the_manifest_lines(string versionId)
    {
        var version = Sample.Version(versionId);
        var passage = SeedTranscript.Instance.Range(version.FromLine!.Value, version.ToLine!.Value);
        var position = 0;

        foreach (var paragraph in Sample.Draft(version).Paragraphs)
        {
            foreach (var text in new[] { paragraph.Text }.Concat(paragraph.Items.Select(item => item.Text)))
            {
                var found = passage.IndexOf(text, position, StringComparison.Ordinal);
                Assert.That(found, Is.Not.EqualTo(-1),
                    $"{version}: '{text}' does not occur in transcript lines {version.FromLine}-{version.ToLine} after the text before it");
                position = found + text.Length;
            }
        }
    }

    [TestCaseSource(typeof(SampleNegotiation), nameof(SampleNegotiation.VerbatimVersionIds))]
    public void A_transcribed_draft_has_only_unnumbered_paragraphs_with_single_line_texts(string versionId)
    {
        // The day's texts carry no paragraph numbers, and each paragraph or bullet is one line of the transcript.
        var draft = Sample.Draft(versionId);

        Assert.Multiple(() =>
        {
            Assert.That(draft.Paragraphs.Select(p => p.Kind), Is.All.EqualTo(ParagraphKind.Unnumbered));
            Assert.That(draft.Paragraphs.Select(p => p.Text), Has.None.Contains('\n'));
            Assert.That(draft.Paragraphs.SelectMany(p => p.Items).Select(i => i.Text), Has.None.Contains('\n'));
        });
    }

    [Test]
    public void The_printed_versions_and_the_final_text_have_the_four_stakeholder_bullets()
    {
        foreach (var versionId in new[] { "compiled-text-1802", "printed-version-1", "printed-version-2", "final-text" })
        {
            var items = Sample.Draft(versionId).Paragraphs.SelectMany(p => p.Items).Select(i => i.Text).ToArray();
            Assert.That(items, Has.Length.EqualTo(4).And.All.StartWith("5 "), versionId);
        }
    }
}
