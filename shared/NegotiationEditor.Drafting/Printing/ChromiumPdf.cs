using System.Diagnostics;

namespace NegotiationEditor.Drafting.Printing;

/// <summary>
/// Prints an HTML page to PDF with headless Chromium: the page is written to a fresh temporary
/// folder, Chromium runs with a fresh profile and no network services, and the folder is removed
/// afterwards.
/// </summary>
internal sealed class ChromiumPdf
{
    /// <summary>Where Chromium is looked for, in order, when no path is configured.</summary>
    public static readonly IReadOnlyList<string> KnownNames = ["chromium", "chromium-browser", "google-chrome"];

    private const string DefaultPath = "/usr/bin/chromium";

    private readonly string? _configuredPath;
    private readonly TimeSpan _timeout;

    public ChromiumPdf(string? configuredPath, TimeSpan timeout)
    {
        _configuredPath = configuredPath;
        _timeout = timeout;
    }

    /// <summary>The Chromium executable to run, or null when none is installed.</summary>
    public string? Locate()
    {
        if (_configuredPath is not null)
        {
            return File.Exists(_configuredPath) ? Path.GetFullPath(_configuredPath) : null;
        }

        if (File.Exists(DefaultPath))
        {
            return DefaultPath;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var name in KnownNames)
        {
            foreach (var folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The PDF of <paramref name="html"/>.</summary>
    /// <exception cref="PrintingException">No Chromium is installed, or it did not produce a PDF.</exception>
    public byte[] Print(string html)
    {
        var executable = Locate() ?? throw new PrintingException(_configuredPath is not null
            ? $"cannot print a PDF: Chromium was not found at {_configuredPath}"
            : $"cannot print a PDF: Chromium is not installed (looked for {DefaultPath} and for {string.Join(", ", KnownNames)} on PATH); install it, e.g. apt-get install chromium");

        var folder = Directory.CreateTempSubdirectory("negotiate-print-");
        try
        {
            var page = Path.Combine(folder.FullName, "draft.html");
            var pdf = Path.Combine(folder.FullName, "draft.pdf");
            File.WriteAllText(page, html, new System.Text.UTF8Encoding(false));

            var start = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(folder.FullName, "profile"),
                "--print-to-pdf=" + pdf, "--no-pdf-header-footer", new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new PrintingException($"cannot print a PDF: {executable} did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(_timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new PrintingException($"cannot print a PDF: Chromium did not finish within {_timeout.TotalSeconds:0} s");
            }

            Task.WaitAll(output, errors);
            if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            {
                var reason = LastLine(errors.Result);
                throw new PrintingException(
                    $"cannot print a PDF: Chromium exited with code {process.ExitCode} without writing it" + (reason is null ? string.Empty : $" ({reason})"));
            }

            return File.ReadAllBytes(pdf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            throw new PrintingException($"cannot print a PDF: {e.Message}", e);
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold a profile file for a moment; the temporary folder is left to the system.
            }
        }
    }

    private static string? LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .LastOrDefault(line => !line.Contains("dbus", StringComparison.OrdinalIgnoreCase) && !line.Contains("unexpected operator", StringComparison.Ordinal));
}
