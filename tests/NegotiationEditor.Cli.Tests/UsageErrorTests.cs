namespace NegotiationEditor.Cli.Tests;

/// <summary>A wrong command line: exit code 2 and one line on standard error naming what is wrong.</summary>
[TestFixture]
public sealed class UsageErrorTests
{
    private static readonly string Old = CliHarness.Sample("printed-version-2.md");
    private static readonly string New = CliHarness.Sample("final-text.md");

    private static void AssertUsageError(CliResult result, string expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.StartWith("negotiate: ").And.Contain(expected));
            Assert.That(result.Out, Is.Empty);
        });
    }

    [Test]
    public void No_command_is_a_usage_error()
    {
        AssertUsageError(CliHarness.Run(), "Required command was not provided");
    }

    [Test]
    public void An_unknown_command_is_a_usage_error_naming_it()
    {
        AssertUsageError(CliHarness.Run("adopt", Old), "'adopt'");
    }

    [Test]
    public void An_unknown_option_is_a_usage_error_naming_it()
    {
        AssertUsageError(CliHarness.Run("compare", Old, New, "--colour"), "'--colour'");
    }

    [TestCase("compare", "xml")]
    [TestCase("compare", "pdf")]
    [TestCase("print", "text")]
    [TestCase("print", "HTML5")]
    public void A_format_the_command_does_not_offer_is_a_usage_error(string command, string format)
    {
        var args = command == "compare" ? new[] { command, Old, New, "--format", format } : new[] { command, Old, "--format", format };

        AssertUsageError(CliHarness.Run(args), $"'{format}'");
    }

    [Test]
    public void Compare_without_the_new_draft_is_a_usage_error()
    {
        AssertUsageError(CliHarness.Run("compare", Old), "'NEW'");
    }

    [Test]
    public void Print_without_a_draft_is_a_usage_error()
    {
        AssertUsageError(CliHarness.Run("print"), "'DRAFT'");
    }

    [Test]
    public void An_option_without_its_value_is_a_usage_error()
    {
        AssertUsageError(CliHarness.Run("print", Old, "--symbol"), "--symbol");
    }

    [Test]
    public void A_docx_redline_without_an_output_file_is_a_usage_error()
    {
        AssertUsageError(CliHarness.Run("compare", Old, New, "--format", "docx"), "-o FILE");
    }

    [TestCase("docx")]
    [TestCase("pdf")]
    public void A_binary_print_without_an_output_file_is_a_usage_error(string format)
    {
        AssertUsageError(CliHarness.Run("print", Old, "-f", format), "-o FILE");
    }

    [Test]
    public void Side_by_side_for_the_text_redline_is_a_usage_error()
    {
        AssertUsageError(CliHarness.Run("compare", Old, New, "--side-by-side"), "--side-by-side");
    }

    [Test]
    public void An_empty_symbol_is_a_usage_error()
    {
        AssertUsageError(CliHarness.Run("print", Old, "--symbol", "  "), "--symbol");
    }

    [Test]
    public void Help_is_not_an_error()
    {
        var result = CliHarness.Run("compare", "--help");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.Out, Does.Contain("--side-by-side").And.Contain("OLD").And.Contain("NEW"));
            Assert.That(result.Error, Is.Empty);
        });
    }
}
