namespace NegotiationEditor.Server.Seeding;

/// <summary>
/// Finds the seed's sample folder: the <c>samples</c> setting if given, else the copy beside the server's
/// binaries (content items of the project), else <c>samples/cstd-2010-igf-working-group</c> in the content root or
/// one of its parents (running from the repository).
/// </summary>
public static class SampleFolder
{
    /// <summary>The sample's folder name.</summary>
    public const string Name = "cstd-2010-igf-working-group";

    /// <summary>The folder holding <c>manifest.json</c>, or null when none is found.</summary>
    public static string? Find(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "manifest.json")) ? Path.GetFullPath(configured) : null;
        }

        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "samples", Name);
        if (File.Exists(Path.Combine(besideBinaries, "manifest.json")))
        {
            return besideBinaries;
        }

        for (var folder = new DirectoryInfo(contentRoot); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "samples", Name);
            if (File.Exists(Path.Combine(candidate, "manifest.json")))
            {
                return candidate;
            }
        }
        return null;
    }
}
