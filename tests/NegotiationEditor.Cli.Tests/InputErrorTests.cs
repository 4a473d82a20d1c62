namespace NegotiationEditor.Cli.Tests;

/// <summary>A file the command cannot use: exit code 1, one clear line on standard error, never a stack trace, nothing written.</summary>
[TestFixture]
public sealed class InputErrorTests
{
    private static readonly string Good = CliHarness.Sample("printed-version-2.md");
    private CliHarness _files = null!;

    [SetUp]
    public void CreateFolder() => _files = new CliHarness();

    [TearDown]
    public void RemoveFolder() => _files.Dispose();

    private static void AssertInputError(CliResult result, params string[] expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.StartWith("negotiate: ").And.Not.Contain("   at "));
            foreach (var part in expected)
            {
                Assert.That(result.Error, Does.Contain(part));
            }

            Assert.That(result.Out, Is.Empty);
        });
    }

    [Test]
    public void A_missing_file_is_named()
    {
        var missing = _files.PathOf("missing.md");

        AssertInputError(CliHarness.Run("compare", Good, missing), missing, "no such file");
    }

    [Test]
    public void A_folder_is_not_a_draft()
    {
        AssertInputError(CliHarness.Run("print", _files.Folder), "is a folder");
    }

    [Test]
    public void A_file_that_is_not_utf8_is_refused_with_the_line_and_column_of_the_first_bad_byte()
    {
        // "Décision" in Latin-1 on the third line: 0xE9 is not UTF-8.
        var latin1 = _files.File("latin1.md", [.. "# Title\n\n1. D"u8.ToArray(), 0xE9, .. "cision.\n"u8.ToArray()]);

        AssertInputError(CliHarness.Run("print", latin1), $"{latin1}:3:5:", "not UTF-8", "0xE9");
    }

    [TestCase(new byte[] { 0xC0, 0xAF }, TestName = "An overlong encoding is not UTF-8")]
    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, TestName = "An encoded surrogate is not UTF-8")]
    [TestCase(new byte[] { 0xE2, 0x82 }, TestName = "A truncated sequence is not UTF-8")]
    [TestCase(new byte[] { 0xF4, 0x90, 0x80, 0x80 }, TestName = "A code point above U+10FFFF is not UTF-8")]
    public void Malformed_utf8_is_refused_at_the_start_of_the_bad_sequence(byte[] bad)
    {
        var file = _files.File("bad.md", [.. "1. \u00c9t\u00e9 "u8.ToArray(), .. bad, .. " end.\n"u8.ToArray()]);

        AssertInputError(CliHarness.Run("print", file), $"{file}:1:8:", "not UTF-8", $"0x{bad[0]:X2}");
    }

    [Test]
    public void A_utf8_file_with_a_byte_order_mark_is_read()
    {
        var file = _files.File("bom.md", [0xEF, 0xBB, 0xBF, .. "1. \u00c9t\u00e9.\n"u8.ToArray()]);

        var result = CliHarness.Run("print", file);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(result.Out).QuerySelector("#op-1")!.TextContent, Does.Contain("\u00c9t\u00e9."));
        });
    }

    [Test]
    public void A_utf16_file_is_refused_as_not_utf8()
    {
        var utf16 = _files.File("utf16.md", System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes("1. Text.\n")).ToArray());

        AssertInputError(CliHarness.Run("compare", utf16, Good), "UTF-16", "UTF-8");
    }

    [Test]
    public void A_binary_file_is_refused()
    {
        var binary = _files.File("image.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        AssertInputError(CliHarness.Run("print", binary), binary, "binary file");
    }

    [Test]
    public void A_control_character_in_a_text_file_is_refused_with_its_position()
    {
        var bell = _files.File("bell.md", "1. Text\u0007 here.\n");

        AssertInputError(CliHarness.Run("print", bell), $"{bell}:1:8:", "U+0007");
    }

    [Test]
    public void A_file_larger_than_five_megabytes_is_refused()
    {
        var line = "1. " + new string('a', 1019) + "\n\n";
        var big = _files.File("big.md", string.Concat(Enumerable.Repeat(line, 5 * 1024 + 1)));

        AssertInputError(CliHarness.Run("compare", big, Good), big, "larger than 5 MB");
    }

    [Test]
    public void An_endless_device_is_refused_as_larger_than_five_megabytes_without_reading_it_all()
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Ignore("no /dev/zero on this system");
        }

        AssertInputError(CliHarness.Run("print", "/dev/zero"), "/dev/zero", "larger than 5 MB");
    }

    [Test]
    public void A_file_of_exactly_five_megabytes_is_accepted()
    {
        var line = "1. " + new string('a', 1019) + "\n\n";
        var text = string.Concat(Enumerable.Repeat(line, 5 * 1024));
        var exact = _files.File("exact.md", text);

        var result = CliHarness.Run("compare", exact, exact);

        Assert.Multiple(() =>
        {
            Assert.That(new FileInfo(exact).Length, Is.EqualTo(5 * 1024 * 1024));
            Assert.That(result.ExitCode, Is.EqualTo(0), result.Error);
        });
    }

    [Test]
    public void A_draft_that_does_not_parse_is_refused_with_line_and_column()
    {
        var twoLineTitle = _files.File("title.md", "# Title\ncontinued\n\n1. Text.\n");

        AssertInputError(CliHarness.Run("compare", twoLineTitle, Good), $"{twoLineTitle}:2:1:", "title");
    }

    [Test]
    public void A_nested_bracket_is_refused_with_its_line_and_column_in_the_file()
    {
        var nested = _files.File("nested.md", "# Title\n\n1. Text [with [nested] brackets].\n");

        AssertInputError(CliHarness.Run("print", nested), $"{nested}:3:15:", "op-1");
    }

    [Test]
    public void An_output_file_in_a_missing_folder_is_refused()
    {
        var output = Path.Combine(_files.Folder, "no-such-folder", "out.html");

        AssertInputError(CliHarness.Run("print", Good, "-o", output), "does not exist");
    }

    [Test]
    public void The_output_file_may_not_be_an_input_and_the_input_is_left_untouched()
    {
        var draft = _files.File("draft.md", "1. Text.\n");

        AssertInputError(CliHarness.Run("print", draft, "-o", draft), "refusing to write over it");
        Assert.That(File.ReadAllText(draft), Is.EqualTo("1. Text.\n"));
    }

    [Test]
    public void A_failed_print_leaves_an_existing_output_file_untouched()
    {
        var nested = _files.File("nested.md", "1. Text [with [nested] brackets].\n");
        var output = _files.File("out.docx", "earlier output");

        AssertInputError(CliHarness.Run("print", nested, "-f", "docx", "-o", output), "nest");
        Assert.Multiple(() =>
        {
            Assert.That(File.ReadAllText(output), Is.EqualTo("earlier output"));
            Assert.That(Directory.GetFiles(_files.Folder), Has.Length.EqualTo(2), "no temporary file left behind");
        });
    }
}
