using System.Globalization;
using System.Text.Json;
using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Samples;

/// <summary>The sample's manifest.json: complete, consistent with its files, in the day's order.</summary>
[TestFixture]
public sealed class SampleManifestTests
{
    private static readonly string[] VersionKinds = ["spoken", "read", "printed", "agreed", "constructed"];
    private static readonly string[] TimeSources = ["recorded", "estimated"];
    private static readonly string[] ChangeKinds = ["insert", "delete", "replace", "alternatives", "new-paragraph", "delete-paragraph"];
    private static readonly string[] Outcomes = ["accepted", "rejected", "superseded", "withdrawn", "not taken up"];

    private static SampleNegotiation Sample => SampleNegotiation.Instance;

    private static JsonElement Manifest => JsonDocument.Parse(Sample.ManifestText).RootElement;

    [Test]
    public void The_source_block_names_the_transcript_and_says_the_symbols_are_illustrative()
    {
        var source = Manifest.GetProperty("source");

        Assert.Multiple(() =>
        {
            Assert.That(source.GetProperty("transcript").GetString(), Is.EqualTo(SampleNegotiation.TranscriptFromRoot));
            Assert.That(source.GetProperty("symbols").GetString(), Does.Contain("illustrative"));
            Assert.That(source.GetProperty("meetingDate").GetString(), Does.Match(@"^\d{4}-\d{2}-\d{2}$"));
        });
    }

    [Test]
    public void Every_version_has_the_required_fields()
    {
        foreach (var version in Manifest.GetProperty("versions").EnumerateArray())
        {
            var id = version.TryGetProperty("id", out var idValue) ? idValue.GetString() : "(no id)";
            Assert.Multiple(() =>
            {
                foreach (var name in new[] { "id", "label", "time", "timeSource", "kind", "file" })
                {
                    Assert.That(version.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Length > 0,
                        Is.True, $"{id}: '{name}' must be a non-empty string");
                }

                Assert.That(version.TryGetProperty("tabledBy", out var tabledBy) && tabledBy.ValueKind == JsonValueKind.Array, Is.True, $"{id}: 'tabledBy' must be a list");
                Assert.That(version.TryGetProperty("verbatim", out var verbatim) && verbatim.ValueKind is JsonValueKind.True or JsonValueKind.False, Is.True, $"{id}: 'verbatim' must be true or false");
                Assert.That(version.TryGetProperty("constructed", out var constructed) && constructed.ValueKind is JsonValueKind.True or JsonValueKind.False, Is.True, $"{id}: 'constructed' must be true or false");
            });
        }

        foreach (var version in Sample.Versions)
        {
            Assert.Multiple(() =>
            {
                Assert.That(version.File, Is.EqualTo(version.Id + ".md"), $"{version}: the id is the file name without .md");
                Assert.That(version.Kind, Is.AnyOf(VersionKinds), $"{version}: kind");
                Assert.That(version.TimeSource, Is.AnyOf(TimeSources), $"{version}: timeSource");
                Assert.That(version.Time, Does.Match(@"^([01]\d|2[0-3]):[0-5]\d$"), $"{version}: time as HH:mm");
                if (version.TabledBy.Count == 0)
                {
                    Assert.That(version.Note, Is.Not.Null, $"{version}: a version tabled by nobody recorded must say so in a note");
                }

                if (version.Constructed)
                {
                    Assert.That(version.Kind, Is.EqualTo("constructed"), $"{version}: a constructed version has the kind 'constructed'");
                    Assert.That(version.Verbatim, Is.False, $"{version}: a constructed version is not verbatim");
                    Assert.That(Sample.Versions.Select(v => v.Id), Does.Contain(version.BasedOn), $"{version}: basedOn names a version");
                    Assert.That(version.Note, Is.Not.Null, $"{version}: a constructed version says what it was built from");
                }
                else
                {
                    Assert.That(version.Kind, Is.Not.EqualTo("constructed"), $"{version}: only a constructed version has the kind 'constructed'");
                    Assert.That(version.Verbatim, Is.True, $"{version}: every version taken from the transcript is verbatim");
                    Assert.That(version.FromLine, Is.InRange(1, SeedTranscript.Instance.LineCount), $"{version}: lines.from");
                    Assert.That(version.ToLine, Is.InRange(version.FromLine ?? 1, SeedTranscript.Instance.LineCount), $"{version}: lines.to");
                }
            });
        }
    }

    [Test]
    public void Version_and_amendment_ids_are_unique()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Sample.Versions.Select(v => v.Id), Is.Unique);
            Assert.That(Sample.Amendments.Select(a => a.Id), Is.Unique);
            Assert.That(Sample.Amendments.Select(a => a.Id).Intersect(Sample.Versions.Select(v => v.Id)), Is.Empty);
        });
    }

    [Test]
    public void Every_listed_file_exists_and_every_draft_in_the_folder_is_listed()
    {
        var listed = Sample.Versions.Select(v => v.File).ToArray();
        var present = Directory.GetFiles(Sample.Folder, "*.md")
            .Select(Path.GetFileName)
            .Where(name => name != "README.md")
            .ToArray();

        Assert.That(present, Is.EquivalentTo(listed));
    }

    [Test]
    public void Versions_are_in_the_day_s_order()
    {
        var times = Sample.Versions.Select(v => TimeOnly.ParseExact(v.Time, "HH:mm", CultureInfo.InvariantCulture)).ToArray();

        Assert.That(times, Is.Ordered);
    }

    [Test]
    public void Amendments_are_in_the_day_s_order_of_the_first_line_they_cite()
    {
        Assert.That(Sample.Amendments.Select(a => a.Lines[0]), Is.Ordered);
    }

    [Test]
    public void The_three_fixed_files_are_there_and_only_the_final_text_is_agreed()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Sample.Version("printed-version-1").Kind, Is.EqualTo("printed"));
            Assert.That(Sample.Version("printed-version-2").Kind, Is.EqualTo("printed"));
            Assert.That(Sample.Versions.Where(v => v.Kind == "agreed").Select(v => v.Id), Is.EqualTo(new[] { "final-text" }));
            Assert.That(Sample.Versions[^1].Id, Is.EqualTo("final-text"));
            Assert.That(Sample.Versions.Count(v => v.Constructed), Is.EqualTo(1));
            Assert.That(Sample.Version("compilation-1930").BasedOn, Is.EqualTo("printed-version-1"));
        });
    }

    [Test]
    public void Every_draft_s_front_matter_agrees_with_the_manifest()
    {
        var day = Manifest.GetProperty("source").GetProperty("meetingDate").GetString();
        foreach (var version in Sample.Versions)
        {
            var metadata = Sample.Draft(version).Metadata;
            Assert.Multiple(() =>
            {
                Assert.That(metadata.Date, Is.EqualTo($"{day}T{version.Time}"), $"{version}: date");
                Assert.That(metadata.Status, Is.EqualTo(version.Kind == "agreed" ? DraftStatus.Agreed : DraftStatus.Draft), $"{version}: status");
                Assert.That(metadata.Symbol, Is.EqualTo(version.Symbol), $"{version}: symbol");
                Assert.That(version.Symbol is not null, Is.EqualTo(version.Kind == "printed"), $"{version}: a symbol only where the text was printed");
            });
        }
    }

    [Test]
    public void Every_amendment_has_the_required_fields()
    {
        foreach (var amendment in Manifest.GetProperty("amendments").EnumerateArray())
        {
            var id = amendment.TryGetProperty("id", out var idValue) ? idValue.GetString() : "(no id)";
            Assert.Multiple(() =>
            {
                foreach (var name in new[] { "proposer", "supporters", "opponents", "reservations", "lines" })
                {
                    Assert.That(amendment.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array, Is.True, $"{id}: '{name}' must be a list");
                }

                Assert.That(amendment.TryGetProperty("target", out var target) && target.ValueKind is JsonValueKind.String or JsonValueKind.Null, Is.True, $"{id}: 'target' must be a version id or null");
                Assert.That(amendment.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String, Is.True, $"{id}: 'outcome'");
                Assert.That(amendment.TryGetProperty("change", out var change) && change.ValueKind == JsonValueKind.Object, Is.True, $"{id}: 'change'");
                Assert.That(change.ValueKind == JsonValueKind.Object && change.TryGetProperty("original", out _) && change.TryGetProperty("proposed", out _), Is.True, $"{id}: change.original and change.proposed, null when there is none");
            });
        }

        var versionIds = Sample.Versions.Select(v => v.Id).ToArray();
        foreach (var amendment in Sample.Amendments)
        {
            Assert.Multiple(() =>
            {
                Assert.That(amendment.ChangeKind, Is.AnyOf(ChangeKinds), $"{amendment}: change.kind");
                Assert.That(amendment.Outcome, Is.AnyOf(Outcomes), $"{amendment}: outcome");
                Assert.That(amendment.Lines, Is.Not.Empty.And.Ordered.And.All.InRange(1, SeedTranscript.Instance.LineCount), $"{amendment}: lines");
                if (amendment.Target is null)
                {
                    Assert.That(amendment.Note, Is.Not.Null, $"{amendment}: an amendment without a target says why in a note");
                }
                else
                {
                    Assert.That(versionIds, Does.Contain(amendment.Target), $"{amendment}: target names a version");
                    Assert.That(Sample.Version(amendment.Target).Constructed, Is.False, $"{amendment}: target is a text of the day");
                }

                if (amendment.Proposer.Count == 0)
                {
                    Assert.That(amendment.Note, Is.Not.Null, $"{amendment}: an amendment without a recorded proposer says so in a note");
                }

                var named = amendment.Proposer.Concat(amendment.Supporters).Concat(amendment.Opponents).ToArray();
                Assert.That(named, Is.Unique, $"{amendment}: nobody is both proposer, supporter or opponent");
                Assert.That(amendment.Reservations.Intersect(amendment.Opponents), Is.Empty, $"{amendment}: a reservation is not an opposition");
            });
        }
    }

    [Test]
    public void Every_change_carries_the_texts_its_kind_needs()
    {
        foreach (var amendment in Sample.Amendments)
        {
            Assert.Multiple(() =>
            {
                switch (amendment.ChangeKind)
                {
                    case "insert" or "new-paragraph":
                        Assert.That(amendment.Original, Is.Null, $"{amendment}: an insertion has no original text");
                        Assert.That(amendment.Proposed, Is.Not.Null.And.Not.Empty, $"{amendment}: an insertion has a proposed text");
                        break;
                    case "delete" or "delete-paragraph":
                        Assert.That(amendment.Original, Is.Not.Null.And.Not.Empty, $"{amendment}: a deletion has an original text");
                        Assert.That(amendment.Proposed, Is.Null, $"{amendment}: a deletion has no proposed text");
                        break;
                    case "replace":
                        Assert.That(amendment.Original, Is.Not.Null.And.Not.Empty, $"{amendment}: a replacement has an original text");
                        if (amendment.Proposed is null)
                        {
                            Assert.That(amendment.Note, Is.Not.Null, $"{amendment}: a replacement whose wording is not recorded says so in a note");
                        }

                        break;
                    default:
                        Assert.That(amendment.Original, Is.Not.Null.And.Not.Empty, $"{amendment}: alternatives name the text they are an alternative to");
                        Assert.That(amendment.Proposed, Is.Not.Null.And.Not.Empty, $"{amendment}: alternatives have a proposed text");
                        break;
                }
            });
        }
    }
}
