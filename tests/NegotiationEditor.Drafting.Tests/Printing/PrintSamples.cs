using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Printing;

/// <summary>The sample negotiation's drafts as print inputs.</summary>
internal static class PrintSamples
{
    private static readonly Lazy<string> Folder = new(() => Find(TestContext.CurrentContext.TestDirectory) ?? Find(SourceFolder())
        ?? throw new DirectoryNotFoundException("samples/cstd-2010-igf-working-group not found above the test folder"));

    private static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "cstd-2010-igf-working-group");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    /// <summary>The file names of the sample drafts.</summary>
    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder.Value, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static Draft Draft(string name) => DraftParser.Parse(File.ReadAllText(Path.Combine(Folder.Value, name)));

    /// <summary>A long UN-style draft, the same every run: enough text for many wrapped lines.</summary>
    public static string LongDraft()
    {
        var random = new Random(2010);
        string[] words =
        [
            "Recalling", "the", "established", "rules", "of", "procedure", "Economic", "and", "Social", "Council",
            "multi-stakeholder", "Internet", "Governance", "Forum", "developing", "countries", "in", "accordance", "with",
            "inclusive", "transparent", "consultations", "intergovernmental", "organizations", "Working", "Group", "2010/226,",
            "Supercalifragilisticexpialidocious-internationalisation-of-the-governance-of-critical-Internet-resources-and-beyond",
        ];
        var text = new System.Text.StringBuilder("---\nsymbol: E/CN.16/2011/CRP.1/Rev.2\ndate: 2010-12-17T20:45\n---\n\n# A long title that will certainly need more than a single printed line to fit on an A4 page\n");
        for (var p = 1; p <= 12; p++)
        {
            text.Append('\n').Append(p <= 3 ? $"PP{p}. " : p % 4 == 0 ? "" : $"{p}. ");
            var count = random.Next(5, 120);
            for (var w = 0; w < count; w++)
            {
                text.Append(w == 0 ? "" : " ").Append(words[random.Next(words.Length - (p == 7 ? 0 : 1))]);
            }

            text.Append(".\n");
            if (p % 5 == 0)
            {
                text.Append("- 5 Business community and a rather longer item text that wraps onto a second printed line of the page\n- 5 Civil society\n");
            }
        }

        return text.ToString();
    }
}
