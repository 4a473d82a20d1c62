namespace NegotiationEditor.Replay.Tests.Support;

/// <summary>The sample folder, its scenario and the seed transcript.</summary>
internal static class SampleFiles
{
    public static string Folder => Repository.SampleFolder;

    public static string Scenario => Path.Combine(Folder, "scenario.json");

    public static string Transcript
    {
        get
        {
            var inRepository = Path.Combine(Repository.Root, "..", "shared", "seed", "cstd-igf-working-group-transcript.txt");
            return File.Exists(inRepository) ? inRepository : Path.Combine("/work", "shared", "seed", "cstd-igf-working-group-transcript.txt");
        }
    }
}
