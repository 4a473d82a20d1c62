namespace NegotiationEditor.Cli;

/// <summary>Writes a result to the file named by <c>-o</c>: whole or not at all, never over an input.</summary>
internal static class OutputFile
{
    /// <exception cref="InputError">The file cannot be written, or it is one of the inputs.</exception>
    public static void Write(string path, byte[] content, params string[] inputs)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputError($"{path}: cannot be written ({e.Message})");
        }

        if (inputs.Any(input => string.Equals(Path.GetFullPath(input), fullPath, StringComparison.Ordinal)))
        {
            throw new InputError($"{path}: is an input of the command; refusing to write over it");
        }

        if (Directory.Exists(fullPath))
        {
            throw new InputError($"{path}: is a folder; name a file with -o");
        }

        var folder = Path.GetDirectoryName(fullPath)!;
        if (!Directory.Exists(folder))
        {
            throw new InputError($"{path}: cannot be written (the folder {folder} does not exist)");
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, content);
            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new InputError($"{path}: cannot be written ({e.Message})");
        }
    }
}
