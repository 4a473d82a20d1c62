namespace NegotiationEditor.Cli.Tests;

/// <summary>What one run of <c>negotiate</c> did.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout: {Out}\nstderr: {Error}";
}

/// <summary>Runs the command in-process with captured output, in a temporary folder of its own.</summary>
internal sealed class CliHarness : IDisposable
{
    public CliHarness()
    {
        Folder = Directory.CreateTempSubdirectory("negotiate-cli-tests-").FullName;
    }

    public string Folder { get; }

    public static string Samples { get; } = FindSamples();

    public static string Sample(string name) => Path.Combine(Samples, name);

    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = Negotiate.Run(args, new CliConsole(output, error));
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A file in the temporary folder with <paramref name="bytes"/>.</summary>
    public string File(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    public string File(string name, string text) => File(name, new System.Text.UTF8Encoding(false).GetBytes(text));

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static string FindSamples([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source)! })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "samples", "cstd-2010-igf-working-group");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException("samples/cstd-2010-igf-working-group not found above the tests");
    }
}
