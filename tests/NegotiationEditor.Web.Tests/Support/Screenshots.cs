using Microsoft.Playwright;

namespace NegotiationEditor.Web.Tests.Support;

/// <summary>
/// Screenshots of each step, attached to the test's results. With NEGOTIATION_EDITOR_UPDATE_SCREENSHOTS=1 the main
/// views are also copied to docs/screenshots/ (so an ordinary test run never changes the repository).
/// </summary>
public static class Screenshots
{
    private static readonly string Folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");

    /// <summary>Takes a screenshot of the page, attaches it, and copies it to docs when asked and <paramref name="forDocs"/>.</summary>
    public static async Task TakeAsync(IPage page, string name, string description, bool forDocs = false)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, description);
        if (forDocs && Environment.GetEnvironmentVariable("NEGOTIATION_EDITOR_UPDATE_SCREENSHOTS") == "1")
        {
            var docs = Path.Combine(Repository.Root, "docs", "screenshots");
            Directory.CreateDirectory(docs);
            File.Copy(path, Path.Combine(docs, name + ".png"), overwrite: true);
        }
    }
}
