namespace NegotiationEditor.Crdt.Interop.Tests.Support;

/// <summary>
/// Finds the workplace's shared/ folder (design notes, golden vectors, traces), which lies beside
/// the repository (../shared) or higher up for a worktree; NEGOTIATIONEDITOR_SHARED overrides it.
/// </summary>
internal static class SharedFolder
{
    private const string Marker = "design/yjs-golden-vectors.json";

    public static string Path { get; } = Locate();

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Locate()
    {
        var overridden = Environment.GetEnvironmentVariable("NEGOTIATIONEDITOR_SHARED");
        if (!string.IsNullOrEmpty(overridden))
        {
            return overridden;
        }
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (System.IO.File.Exists(System.IO.Path.Combine(candidate, Marker)))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException(
            $"The shared/ folder with {Marker} was not found above {TestContext.CurrentContext.TestDirectory}; set NEGOTIATIONEDITOR_SHARED.");
    }
}
