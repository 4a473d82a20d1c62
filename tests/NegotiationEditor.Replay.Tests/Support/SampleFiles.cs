namespace NegotiationEditor.Replay.Tests.Support;

/// <summary>The sample folder, its scenario and the seed transcript, found from the test's folder upwards.</summary>
internal static class SampleFiles
{
    public static string Repository { get; } = FindRepository();

    public static string Folder => Path.Combine(Repository, "samples", "cstd-2010-igf-working-group");

    public static string Scenario => Path.Combine(Folder, "scenario.json");

    public static string Transcript
    {
        get
        {
            var inRepository = Path.Combine(Repository, "..", "shared", "seed", "cstd-igf-working-group-transcript.txt");
            return File.Exists(inRepository) ? inRepository : Path.Combine("/work", "shared", "seed", "cstd-igf-working-group-transcript.txt");
        }
    }

    private static string FindRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NegotiationEditor.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException("the repository (NegotiationEditor.sln) is not above " + AppContext.BaseDirectory);
    }
}
