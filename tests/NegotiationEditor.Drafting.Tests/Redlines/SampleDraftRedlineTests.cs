using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using NegotiationEditor.Drafting.Redlines;
using NegotiationEditor.Drafting.Tests.Samples;

namespace NegotiationEditor.Drafting.Tests.Redlines;

/// <summary>Every pair of consecutive sample drafts (in the manifest's order) as redline input: specs as data.</summary>
[TestFixture]
public sealed class SampleDraftRedlineTests
{
    private static IEnumerable<TestCaseData> ConsecutiveVersions()
    {
        var ids = SampleNegotiation.VersionIds().ToList();
        return ids.Zip(ids.Skip(1)).Select(pair => new TestCaseData(pair.First, pair.Second).SetArgDisplayNames(pair.First, pair.Second));
    }

    [TestCaseSource(nameof(ConsecutiveVersions))]
    public void The_redline_of_two_sample_drafts_rebuilds_both_and_its_docx_is_valid(string oldId, string newId)
    {
        var sample = SampleNegotiation.Instance;
        var oldDraft = sample.Draft(oldId);
        var newDraft = sample.Draft(newId);

        var redline = Redliner.Default.Compare(oldDraft, newDraft);
        using var docx = WordprocessingDocument.Open(
            new MemoryStream(DocxRedlineRenderer.Render(redline, new DocxRedlineOptions("Secretariat", DateTimeOffset.UnixEpoch))), false);

        Assert.Multiple(() =>
        {
            Assert.That(
                redline.Paragraphs.Where(p => p.OldPosition is not null).OrderBy(p => p.OldPosition).Select(p => p.OldText),
                Is.EqualTo(oldDraft.Paragraphs.Select(Redliner.TextOf)));
            Assert.That(
                redline.Paragraphs.Where(p => p.NewPosition is not null).OrderBy(p => p.NewPosition).Select(p => p.NewText),
                Is.EqualTo(newDraft.Paragraphs.Select(Redliner.TextOf)));
            Assert.That(redline.Paragraphs.Select(p => p.OldId ?? p.NewId), Is.All.Not.Null);
            Assert.That(new OpenXmlValidator().Validate(docx).Select(e => e.Description), Is.Empty);
        });
    }
}
