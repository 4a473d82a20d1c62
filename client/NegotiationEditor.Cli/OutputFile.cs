namespace NegotiationEditor.Cli;

/// <summary>
/// Writes a result to the file named by <c>-o</c>: whole or not at all (a temporary file beside it,
/// then renamed), never over an input. A link is followed to the file it names; a device such as
/// <c>/dev/stdout</c> is written to directly.
/// </summary>
internal static class OutputFile
{
    /// <exception cref="InputError">The file cannot be written, or it is one of the inputs.</exception>
    public static void Write(string path, byte[] content, params string[] inputs)
    {
        string target;
        try
        {
            if (IsDevice(Path.GetFullPath(path)))
            {
                using var device = new FileStream(path, FileMode.Open, FileAccess.Write);
                device.Write(content);
                return;
            }

            target = Resolve(path);
            if (inputs.Any(input => string.Equals(Resolve(input), target, StringComparison.Ordinal)))
            {
                throw new InputError($"{path}: is an input of the command; refusing to write over it");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InputError($"{path}: cannot be written ({e.Message})");
        }

        if (Directory.Exists(target))
        {
            throw new InputError($"{path}: is a folder; name a file with -o");
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            throw new InputError($"{path}: cannot be written (the folder {folder} does not exist)");
        }

        try
        {
            var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
            try
            {
                File.WriteAllBytes(temporary, content);
                File.Move(temporary, target, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputError($"{path}: cannot be written ({e.Message})");
        }
    }

    /// <summary>The full path of the file <paramref name="path"/> names, links followed.</summary>
    private static string Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        return File.Exists(full) && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } final ? Path.GetFullPath(final.FullName) : full;
    }

    /// <summary>A device or an open descriptor (<c>/dev/stdout</c>, <c>/proc/self/fd/1</c>): written to as it is, nothing to rename.</summary>
    private static bool IsDevice(string fullPath) =>
        !OperatingSystem.IsWindows()
        && (fullPath.StartsWith("/dev/", StringComparison.Ordinal) || fullPath.StartsWith("/proc/", StringComparison.Ordinal))
        && File.Exists(fullPath);
}
