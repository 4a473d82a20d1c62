using System.Text.Json;
using NegotiationEditor.Drafting.Drafts;

namespace NegotiationEditor.Drafting.Tests.Samples;

/// <summary>
/// The sample negotiation of samples/cstd-2010-igf-working-group: its manifest (read as JSON, so that
/// the manifest tests can check the raw fields), its drafts, and the seed transcript it was taken from.
/// </summary>
internal sealed class SampleNegotiation
{
    public const string FolderName = "samples/cstd-2010-igf-working-group";
    public const string TranscriptFromRoot = "../shared/seed/cstd-igf-working-group-transcript.txt";

    private static readonly Lazy<SampleNegotiation> Loaded = new(() => new SampleNegotiation(FindRepositoryRoot()));

    private SampleNegotiation(string root)
    {
        Root = root;
        Folder = Path.Combine(root, FolderName);
        ManifestText = File.ReadAllText(Path.Combine(Folder, "manifest.json"));
        using var document = JsonDocument.Parse(ManifestText);
        var manifest = document.RootElement;
        Title = manifest.GetProperty("title").GetString()!;
        Versions = manifest.GetProperty("versions").EnumerateArray().Select(SampleVersion.From).ToArray();
        Amendments = manifest.GetProperty("amendments").EnumerateArray().Select(SampleAmendment.From).ToArray();
    }

    public static SampleNegotiation Instance => Loaded.Value;

    public string Root { get; }

    public string Folder { get; }

    public string ManifestText { get; }

    public string Title { get; }

    public IReadOnlyList<SampleVersion> Versions { get; }

    public IReadOnlyList<SampleAmendment> Amendments { get; }

    public SampleVersion Version(string id) =>
        Versions.SingleOrDefault(v => v.Id == id) ?? throw new AssertionException($"the manifest has no version '{id}'");

    public string Source(SampleVersion version) => File.ReadAllText(Path.Combine(Folder, version.File));

    public Draft Draft(SampleVersion version) => DraftParser.Parse(Source(version));

    public Draft Draft(string versionId) => Draft(Version(versionId));

    /// <summary>The versions' ids, for test case sources.</summary>
    public static IEnumerable<string> VersionIds() => Instance.Versions.Select(v => v.Id);

    public static IEnumerable<string> VerbatimVersionIds() => Instance.Versions.Where(v => v.Verbatim).Select(v => v.Id);

    public static IEnumerable<string> AmendmentIds() => Instance.Amendments.Select(a => a.Id);

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NegotiationEditor.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (the folder holding NegotiationEditor.sln) was not found above the test directory");
    }
}

/// <summary>One entry of the manifest's "versions".</summary>
internal sealed record SampleVersion(
    string Id,
    string Label,
    string Time,
    string TimeSource,
    IReadOnlyList<string> TabledBy,
    string Kind,
    string File,
    bool Verbatim,
    bool Constructed,
    int? FromLine,
    int? ToLine,
    string? Symbol,
    string? BasedOn,
    string? Note)
{
    public static SampleVersion From(JsonElement json)
    {
        var lines = json.TryGetProperty("lines", out var range) ? range : (JsonElement?)null;
        return new SampleVersion(
            ManifestFields.String(json, "id"),
            ManifestFields.String(json, "label"),
            ManifestFields.String(json, "time"),
            ManifestFields.String(json, "timeSource"),
            ManifestFields.Strings(json, "tabledBy"),
            ManifestFields.String(json, "kind"),
            ManifestFields.String(json, "file"),
            json.GetProperty("verbatim").GetBoolean(),
            json.GetProperty("constructed").GetBoolean(),
            lines?.GetProperty("from").GetInt32(),
            lines?.GetProperty("to").GetInt32(),
            ManifestFields.OptionalString(json, "symbol"),
            ManifestFields.OptionalString(json, "basedOn"),
            ManifestFields.OptionalString(json, "note"));
    }

    public override string ToString() => Id;
}

/// <summary>One entry of the manifest's "amendments".</summary>
internal sealed record SampleAmendment(
    string Id,
    IReadOnlyList<string> Proposer,
    IReadOnlyList<string> Supporters,
    IReadOnlyList<string> Opponents,
    IReadOnlyList<string> Reservations,
    string? Target,
    string ChangeKind,
    string? Original,
    string? Proposed,
    string Outcome,
    IReadOnlyList<int> Lines,
    bool InCompilation,
    string? Note)
{
    /// <summary>The attribution as the compilation text prints it: "Proposed by Greece; supported by Iran, Chair; reservation by India".</summary>
    public string Attribution
    {
        get
        {
            var clauses = new List<string> { "Proposed by " + string.Join(", ", Proposer) };
            if (Supporters.Count > 0)
            {
                clauses.Add("supported by " + string.Join(", ", Supporters));
            }

            if (Opponents.Count > 0)
            {
                clauses.Add("opposed by " + string.Join(", ", Opponents));
            }

            if (Reservations.Count > 0)
            {
                clauses.Add("reservation by " + string.Join(", ", Reservations));
            }

            return string.Join("; ", clauses);
        }
    }

    public static SampleAmendment From(JsonElement json)
    {
        var change = json.GetProperty("change");
        return new SampleAmendment(
            ManifestFields.String(json, "id"),
            ManifestFields.Strings(json, "proposer"),
            ManifestFields.Strings(json, "supporters"),
            ManifestFields.Strings(json, "opponents"),
            ManifestFields.Strings(json, "reservations"),
            ManifestFields.OptionalString(json, "target"),
            ManifestFields.String(change, "kind"),
            ManifestFields.OptionalString(change, "original"),
            ManifestFields.OptionalString(change, "proposed"),
            ManifestFields.String(json, "outcome"),
            json.GetProperty("lines").EnumerateArray().Select(line => line.GetInt32()).ToArray(),
            json.GetProperty("inCompilation").GetBoolean(),
            ManifestFields.OptionalString(json, "note"));
    }

    public override string ToString() => Id;
}

internal static class ManifestFields
{
    public static string String(JsonElement json, string name) => json.GetProperty(name).GetString()!;

    public static string? OptionalString(JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IReadOnlyList<string> Strings(JsonElement json, string name) =>
        json.GetProperty(name).EnumerateArray().Select(item => item.GetString()!).ToArray();
}
