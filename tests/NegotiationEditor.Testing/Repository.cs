namespace NegotiationEditor.Testing;

/// <summary>Where things are in the repository the tests were built from, found from the test's folder upwards.</summary>
public static class Repository
{
    /// <summary>The folder holding NegotiationEditor.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The sample negotiation of the seed day, samples/cstd-2010-igf-working-group.</summary>
    public static string SampleFolder => Path.Combine(Root, "samples", "cstd-2010-igf-working-group");

    /// <summary>The server project's folder: its content root (wwwroot is there), as <c>dotnet run</c> uses it.</summary>
    public static string ServerProject => Path.Combine(Root, "server", "NegotiationEditor.Server");

    /// <summary>The web client's folder, client/web.</summary>
    public static string WebClient => Path.Combine(Root, "client", "web");

    /// <summary>A folder of tests/, e.g. <c>Tests("stock-clients")</c>.</summary>
    public static string Tests(string name) => Path.Combine(Root, "tests", name);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NegotiationEditor.sln")))
            {
                return folder.FullName;
            }
        }
        throw new DirectoryNotFoundException($"NegotiationEditor.sln was not found above {AppContext.BaseDirectory}");
    }
}
