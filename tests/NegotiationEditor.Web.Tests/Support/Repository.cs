namespace NegotiationEditor.Web.Tests.Support;

/// <summary>Where things are in the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The folder holding NegotiationEditor.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The web client's folder, client/web.</summary>
    public static string WebClient => Path.Combine(Root, "client", "web");

    /// <summary>The server project's folder (its content root: wwwroot is there).</summary>
    public static string ServerProject => Path.Combine(Root, "server", "NegotiationEditor.Server");

    /// <summary>The server's build output for the configuration these tests were built in.</summary>
    public static string ServerAssembly
    {
        get
        {
            // .../tests/NegotiationEditor.Web.Tests/bin/<Configuration>/net10.0/
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            return Path.Combine(ServerProject, "bin", configuration, framework.Name, "NegotiationEditor.Server.dll");
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NegotiationEditor.sln")))
            {
                return folder.FullName;
            }
        }
        throw new InvalidOperationException($"NegotiationEditor.sln was not found above {AppContext.BaseDirectory}");
    }
}
