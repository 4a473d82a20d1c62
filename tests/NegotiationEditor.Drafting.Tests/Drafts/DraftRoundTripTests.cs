using FsCheckProperty = FsCheck.NUnit.PropertyAttribute;
using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Notation;

namespace NegotiationEditor.Drafting.Tests.Drafts;

public sealed class DraftRoundTripTests
{
    private static readonly string[] HandWritten =
    [
        "",
        "Only one unnumbered paragraph.\n",
        "---\nsymbol: E/CN.16/2011/CRP.1/Rev.1\ndate: 2010-12-08T19:30\nstatus: draft\ncommittee: CSTD\n---\n\n# Composition\n\nPP1. _Recalling_ its resolution 2010/2,\n\n1. The Chair establishes a Working Group: {#establish}\n- 5 Business community\n· 5 Civil society\n\n* 5 Technical community\ncontinued on a second line\n\n2 bis. Inserted.\n\n2 (new).\n\nText over\ntwo lines.\n",
        "# Title only\n",
        "---\r\nsymbol: A/RES/1\r\n---\r\n\r\n1. Windows line endings.\r\n- item\r\n",
        "1.  Two spaces keep their place.\n\nPP3 ter. {#kept}\n",
        "Ends with an id {#end}\n\n{#x} is not an id here because text follows.\n",
    ];

    [TestCaseSource(nameof(HandWritten))]
    public void Writing_a_parsed_draft_gives_back_the_same_bytes(string source)
    {
        Assert.That(DraftWriter.Write(DraftParser.Parse(source)), Is.EqualTo(source));
    }

    [Test]
    public void Non_canonical_spacing_is_written_in_canonical_form_with_the_same_model()
    {
        var loose = "\n\n# Title\n\n\n1. One.\n   \n2. Two.";
        var draft = DraftParser.Parse(loose);
        var written = DraftWriter.Write(draft);

        Assert.That(written, Is.EqualTo("# Title\n\n1. One.\n\n2. Two.\n"));
        Assert.That(DraftParser.Parse(written), Is.EqualTo(draft));
    }

    [Test]
    public void An_empty_draft_with_windows_line_endings_reads_back_equal()
    {
        var draft = new Draft(DraftMetadata.Empty, null, [], "\r\n");

        Assert.That(DraftParser.Parse(DraftWriter.Write(draft)), Is.EqualTo(draft));
    }

    [FsCheckProperty(Arbitrary = [typeof(DraftGenerators.Arbitraries)], MaxTest = 300)]
    public void Parsing_a_written_draft_gives_back_the_same_model(Draft draft)
    {
        Assert.That(DraftParser.Parse(DraftWriter.Write(draft)), Is.EqualTo(draft));
    }

    [FsCheckProperty(Arbitrary = [typeof(DraftGenerators.Arbitraries)], MaxTest = 300)]
    public void Writing_a_parsed_canonical_source_gives_back_the_same_bytes(CanonicalSource source)
    {
        Assert.That(DraftWriter.Write(DraftParser.Parse(source.Text)), Is.EqualTo(source.Text));
    }

    [TestCaseSource(nameof(SampleDrafts))]
    public void Every_sample_draft_is_written_back_byte_for_byte(string path)
    {
        var source = File.ReadAllText(path);

        Assert.That(DraftWriter.Write(DraftParser.Parse(source)), Is.EqualTo(source));
    }

    [TestCaseSource(nameof(SampleDrafts))]
    public void Every_sample_draft_holds_valid_notation_whose_brackets_are_all_reported_in_its_clean_text(string path)
    {
        var notated = NotatedDraft.Parse(File.ReadAllText(path));
        var clean = notated.Clean();

        Assert.That(clean.Unresolved.Select(u => u.Bracket), Is.EqualTo(notated.Brackets.Select(b => b.Bracket)));
        Assert.That(clean.Draft.Paragraphs.Select(p => p.Text + string.Concat(p.Items.Select(i => i.Text))), Has.None.Contains("{"));
    }

    [Test]
    public void The_sample_folder_holds_drafts_to_test()
    {
        Assert.That(SampleDrafts(), Is.Not.Empty, $"no draft found in {SampleFolder()}");
    }

    /// <summary>Every .md draft of the sample negotiation (its README excepted), found at test time from the repository root.</summary>
    public static IEnumerable<string> SampleDrafts()
    {
        var folder = SampleFolder();
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
            .Where(path => !Path.GetFileName(path).Equals("README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    private static string SampleFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NegotiationEditor.sln")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? "samples/cstd-2010-igf-working-group (no NegotiationEditor.sln above the test folder)"
            : Path.Combine(directory.FullName, "samples", "cstd-2010-igf-working-group");
    }
}
