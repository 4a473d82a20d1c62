using NegotiationEditor.Drafting.Drafts;
using NegotiationEditor.Drafting.Printing;

namespace NegotiationEditor.Drafting.Tests.Printing;

/// <summary>A draft printed as PDF by headless Chromium, and the error where there is no Chromium.</summary>
[TestFixture]
public sealed class PrintedPdfTests
{
    [Test]
    public void A_draft_prints_as_a_pdf_where_chromium_is_installed()
    {
        var printer = new DraftPrinter();
        if (printer.ChromiumExecutable is null)
        {
            Assert.Ignore("Chromium is not installed (looked for /usr/bin/chromium, chromium, chromium-browser, google-chrome); CI installs it");
        }

        var pdf = printer.ToPdf(PrintSamples.Draft("printed-version-2.md"));

        Assert.Multiple(() =>
        {
            Assert.That(System.Text.Encoding.ASCII.GetString(pdf, 0, 5), Is.EqualTo("%PDF-"));
            Assert.That(System.Text.Encoding.ASCII.GetString(pdf), Does.Match(@"/MediaBox \[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]"), "an A4 page is 595 x 842 points");
        });
    }

    [Test]
    public void Printing_a_pdf_without_chromium_fails_with_an_error_naming_what_is_missing()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-chromium-" + Guid.NewGuid().ToString("N"));
        var printer = new DraftPrinter(new PrintOptions { ChromiumPath = missing });

        var error = Assert.Throws<PrintingException>(() => printer.ToPdf(DraftParser.Parse("1. Text.\n")));

        Assert.That(error!.Message, Does.Contain("Chromium").And.Contain(missing));
    }

    [Test]
    public void A_chromium_that_writes_no_pdf_is_reported_with_its_exit_code()
    {
        // /bin/false stands for a broken browser: it starts, exits with 1 and writes nothing.
        if (!File.Exists("/bin/false"))
        {
            Assert.Ignore("/bin/false is not available on this system");
        }

        var printer = new DraftPrinter(new PrintOptions { ChromiumPath = "/bin/false" });

        var error = Assert.Throws<PrintingException>(() => printer.ToPdf(DraftParser.Parse("1. Text.\n")));

        Assert.That(error!.Message, Does.Contain("exited with code 1"));
    }
}
