using System.IO.Compression;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace NegotiationEditor.Cli.Tests;

/// <summary><c>negotiate compare</c>: the sample's printed version 2 against the final text, in every format.</summary>
[TestFixture]
public sealed class CompareCommandTests
{
    private static readonly string Old = CliHarness.Sample("printed-version-2.md");
    private static readonly string New = CliHarness.Sample("final-text.md");

    private static void AssertSuccess(CliResult result)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Error, Is.Empty);
        });
    }

    [Test]
    public void The_text_redline_goes_to_standard_output_in_word_diff_style()
    {
        var result = CliHarness.Run("compare", Old, New);

        AssertSuccess(result);
        Assert.That(result.Out, Does.Contain("[-procedures of CSTD-]{+procedure of the ECOSOC+}"));
    }

    [Test]
    public void The_html_redline_is_a_page_with_insertions_and_deletions()
    {
        var result = CliHarness.Run("compare", Old, New, "--format", "html");

        AssertSuccess(result);
        var page = new HtmlParser().ParseDocument(result.Out);
        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelectorAll("del").Select(d => d.TextContent), Does.Contain("procedures of CSTD"));
            Assert.That(page.QuerySelectorAll("ins").Select(i => i.TextContent), Does.Contain("procedure of the ECOSOC"));
            Assert.That(page.QuerySelectorAll("script"), Is.Empty);
        });
    }

    [Test]
    public void The_side_by_side_html_redline_has_a_column_per_draft()
    {
        var result = CliHarness.Run("compare", Old, New, "--format", "html", "--side-by-side");

        AssertSuccess(result);
        Assert.That(new HtmlParser().ParseDocument(result.Out).QuerySelectorAll("table tr"), Is.Not.Empty);
    }

    [Test]
    public void The_json_redline_is_one_json_document()
    {
        var result = CliHarness.Run("compare", Old, New, "--format", "json");

        AssertSuccess(result);
        using var json = JsonDocument.Parse(result.Out);
        Assert.That(json.RootElement.ValueKind, Is.EqualTo(JsonValueKind.Object));
    }

    [Test]
    public void The_docx_redline_is_written_to_the_output_file_with_tracked_changes()
    {
        using var files = new CliHarness();
        var output = files.PathOf("redline.docx");

        var result = CliHarness.Run("compare", Old, New, "--format", "docx", "-o", output);

        AssertSuccess(result);
        using var zip = ZipFile.OpenRead(output);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var document = reader.ReadToEnd();
        Assert.Multiple(() =>
        {
            Assert.That(result.Out, Is.Empty);
            Assert.That(document, Does.Contain("<w:ins ").And.Contain("<w:del "));
        });
    }

    [Test]
    public void A_text_redline_given_an_output_file_is_written_there_and_not_to_standard_output()
    {
        using var files = new CliHarness();
        var output = files.PathOf("redline.txt");

        var result = CliHarness.Run("compare", Old, New, "-o", output);

        AssertSuccess(result);
        Assert.Multiple(() =>
        {
            Assert.That(result.Out, Is.Empty);
            Assert.That(File.ReadAllText(output), Is.EqualTo(CliHarness.Run("compare", Old, New).Out));
        });
    }
}
