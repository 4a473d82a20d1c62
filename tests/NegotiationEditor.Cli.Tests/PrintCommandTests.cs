using AngleSharp.Html.Parser;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace NegotiationEditor.Cli.Tests;

/// <summary><c>negotiate print</c>: a sample draft as HTML, DOCX and PDF.</summary>
[TestFixture]
public sealed class PrintCommandTests
{
    private static readonly string Draft = CliHarness.Sample("printed-version-2.md");
    private CliHarness _files = null!;

    [SetUp]
    public void CreateFolder() => _files = new CliHarness();

    [TearDown]
    public void RemoveFolder() => _files.Dispose();

    [Test]
    public void The_html_print_goes_to_standard_output_with_numbered_lines()
    {
        var result = CliHarness.Run("print", Draft);

        var page = new HtmlParser().ParseDocument(result.Out);
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(page.QuerySelector(".symbol")!.TextContent, Is.EqualTo("E/CN.16/2010/CRP.1/Rev.1"));
            Assert.That(page.QuerySelectorAll(".line .ln").Select(ln => ln.TextContent).First(), Is.EqualTo("1"));
        });
    }

    [Test]
    public void The_symbol_option_is_printed_instead_of_the_front_matter_symbol()
    {
        var result = CliHarness.Run("print", Draft, "--symbol", "E/CN.16/2011/CRP.1/Rev.2");

        Assert.That(new HtmlParser().ParseDocument(result.Out).QuerySelector(".symbol")!.TextContent, Is.EqualTo("E/CN.16/2011/CRP.1/Rev.2"));
    }

    [Test]
    public void The_docx_print_is_written_to_the_output_file_and_validates()
    {
        var output = _files.PathOf("draft.docx");

        var result = CliHarness.Run("print", Draft, "--format", "docx", "-o", output);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        using var document = WordprocessingDocument.Open(output, false);
        Assert.Multiple(() =>
        {
            Assert.That(new OpenXmlValidator().Validate(document), Is.Empty);
            Assert.That(document.MainDocumentPart!.Document!.Body!.InnerText, Does.Contain("E/CN.16/2010/CRP.1/Rev.1"));
        });
    }

    [Test]
    public void The_pdf_print_is_written_to_the_output_file_where_chromium_is_installed()
    {
        if (new Drafting.Printing.DraftPrinter().ChromiumExecutable is null)
        {
            Assert.Ignore("Chromium is not installed (looked for /usr/bin/chromium, chromium, chromium-browser, google-chrome); CI installs it");
        }

        var output = _files.PathOf("draft.pdf");

        var result = CliHarness.Run("print", Draft, "--format", "pdf", "-o", output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(File.ReadAllBytes(output)[..5], Is.EqualTo("%PDF-"u8.ToArray()));
        });
    }

    [Test]
    public void An_html_print_given_an_output_file_replaces_that_file()
    {
        var output = _files.File("draft.html", "an older print");

        var result = CliHarness.Run("print", Draft, "-o", output);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Out, Is.Empty);
            Assert.That(File.ReadAllText(output), Does.StartWith("<!DOCTYPE html>"));
        });
    }

    [Test]
    public void An_empty_file_prints_as_an_empty_draft()
    {
        var empty = _files.File("empty.md", string.Empty);

        var result = CliHarness.Run("print", empty);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(new HtmlParser().ParseDocument(result.Out).QuerySelectorAll(".line"), Is.Empty);
        });
    }

    [Test]
    public void An_output_link_is_followed_to_its_file_and_kept()
    {
        var target = _files.File("target.html", "an older print");
        var link = _files.PathOf("link.html");
        File.CreateSymbolicLink(link, target);

        var result = CliHarness.Run("print", Draft, "-o", link);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
            Assert.That(File.ReadAllText(target), Does.StartWith("<!DOCTYPE html>"));
        });
    }

    [Test]
    public void A_device_is_written_to_as_it_is()
    {
        if (!File.Exists("/dev/null"))
        {
            Assert.Ignore("no /dev/null on this system");
        }

        var result = CliHarness.Run("print", Draft, "-f", "docx", "-o", "/dev/null");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(new FileInfo("/dev/null").Length, Is.Zero, "/dev/null is still the device, not a file put in its place");
            Assert.That(Directory.GetFiles("/dev", ".null.*"), Is.Empty, "no temporary file beside it");
        });
    }
}
