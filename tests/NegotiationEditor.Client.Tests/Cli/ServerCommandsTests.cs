using NegotiationEditor.Client.Tests.Support;
using NegotiationEditor.Client.Workflow;

namespace NegotiationEditor.Client.Tests.Cli;

/// <summary>
/// <c>negotiate propose / position / withdraw / amendments / documents / revisions</c>, each a real process, against
/// the real server process. Exit codes: 0 done, 1 refused or bad input (one line on standard error), 2 usage.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ServerCommandsTests
{
    private const string Original = "fully engaged";

    private ServerProcess _server = null!;
    private InviteBook _invites = null!;
    private string _document = null!;
    private string _text = null!;

    [OneTimeSetUp]
    public async Task StartServer()
    {
        _server = await ServerProcess.StartAsync(new ServerOptions { RequestsPerWindow = 100_000 });
        _invites = InviteBook.Of(_server);
        using var api = new NegotiationApi(_invites.Chair);
        _document = (await api.ListDocumentsAsync())[0].Id;
        _text = (await api.GetDocumentAsync(_document)).Text!;
    }

    [OneTimeTearDown]
    public void StopServer() => _server.Dispose();

    [Test]
    public async Task Documents_lists_the_seeded_document_with_its_id()
    {
        var result = await Processes.NegotiateAsync("documents", "--invite", _invites.LinkOf("observer"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
            Assert.That(result.OutLines, Has.Length.EqualTo(1));
            Assert.That(result.OutLines[0], Does.StartWith(_document + "\t"));
        });
    }

    [Test]
    public async Task Greece_proposes_with_the_original_read_from_the_live_text_and_the_UK_objects()
    {
        var start = _text.IndexOf(Original, StringComparison.Ordinal);

        var proposed = await Processes.NegotiateAsync("propose", "replace", "--paragraph", "p-2", "--range", $"{start}:{start + Original.Length}",
            "--text", "closely involved", "--invite", _invites.LinkOf("member-state delegate", "Greece"));
        Assert.That(proposed.ExitCode, Is.EqualTo(0), proposed.ToString());
        var amendment = proposed.Out.Split('\t')[0];
        var position = await Processes.NegotiateAsync("position", amendment, "objects", "--note", "too loose",
            "--server", _server.Address.ToString(), "--token", _invites.Delegate("UK").Token);
        var listed = await Processes.NegotiateAsync("amendments", "--status", "proposed", "--invite", _invites.LinkOf("chair"));
        using var api = new NegotiationApi(_invites.Chair);
        var stored = await api.GetAmendmentAsync(_document, amendment);

        Assert.Multiple(() =>
        {
            Assert.That(proposed.ExitCode, Is.EqualTo(0), proposed.ToString());
            Assert.That(position.ExitCode, Is.EqualTo(0), position.ToString());
            Assert.That(position.Out, Does.Contain("Proposed by Greece; opposed by UK"));
            Assert.That(listed.OutLines, Has.Some.StartsWith(amendment + "\tproposed\treplace\tp-2\t"));
            Assert.That(stored.OriginalText, Is.EqualTo(Original));
            Assert.That(stored.ProposedTexts, Is.EqualTo(new[] { "closely involved" }));
            Assert.That(stored.Positions.Single().Note, Is.EqualTo("too loose"));
        });

        var withdrawn = await Processes.NegotiateAsync("withdraw", amendment, "--invite", _invites.LinkOf("member-state delegate", "Greece"));
        Assert.Multiple(async () =>
        {
            Assert.That(withdrawn.ExitCode, Is.EqualTo(0), withdrawn.ToString());
            Assert.That((await api.GetAmendmentAsync(_document, amendment)).Status, Is.EqualTo("withdrawn"));
        });
    }

    [Test]
    public async Task The_chair_proposes_as_the_chair_and_a_delegate_cannot()
    {
        const string words = "seek, compile, and review";
        var start = _text.IndexOf(words, StringComparison.Ordinal);
        var range = $"{start}:{start + words.Length}";

        var chair = await Processes.NegotiateAsync("propose", "replace", "--paragraph", "p-1", "--range", range,
            "--text", "seek and review", "--as-chair", "--invite", _invites.LinkOf("chair"));
        var india = await Processes.NegotiateAsync("propose", "replace", "--paragraph", "p-1", "--range", range,
            "--text", "review", "--as-chair", "--invite", _invites.LinkOf("member-state delegate", "India"));

        Assert.Multiple(async () =>
        {
            Assert.That(chair.ExitCode, Is.EqualTo(0), chair.ToString());
            Assert.That(chair.Out, Does.Contain("Proposed by the Chair"));
            using var api = new NegotiationApi(_invites.Chair);
            Assert.That((await api.GetAmendmentAsync(_document, chair.Out.Split('\t')[0])).IsChairsProposal, Is.True);
            Assert.That(india.ExitCode, Is.EqualTo(1), india.ToString());
            Assert.That(india.Error, Does.Contain("may not table or withdraw the chair's proposals"));
        });
    }

    [Test]
    public async Task The_secretariat_lists_participants_and_revokes_an_invite_which_is_refused_at_once_and_a_delegate_may_not()
    {
        var secretariat = _invites.LinkOf("secretariat");
        var listed = await Processes.NegotiateAsync("participants", "--invite", secretariat);
        var finland = listed.OutLines.Single(line => line.Split('\t')[2] == "Finland").Split('\t')[0];

        var byDelegate = await Processes.NegotiateAsync("participants", "revoke", finland, "--invite", _invites.LinkOf("member-state delegate", "Greece"));
        var revoked = await Processes.NegotiateAsync("participants", "revoke", finland, "--invite", secretariat);
        var afterwards = await Processes.NegotiateAsync("documents", "--invite", _invites.LinkOf("member-state delegate", "Finland"));

        Assert.Multiple(() =>
        {
            Assert.That(listed.ExitCode, Is.EqualTo(0), listed.ToString());
            Assert.That(listed.OutLines, Has.Some.Contains("\tchair\t-\t"));
            Assert.That(byDelegate.ExitCode, Is.EqualTo(1), byDelegate.ToString());
            Assert.That(byDelegate.Error, Does.Contain("may not manage participants"));
            Assert.That(revoked.ExitCode, Is.EqualTo(0), revoked.ToString());
            Assert.That(revoked.Out, Does.StartWith(finland + "\tmemberStateDelegate\tFinland\t").And.Contains("1 invite(s) revoked"));
            Assert.That(afterwards.ExitCode, Is.EqualTo(1), afterwards.ToString());
            Assert.That(afterwards.Error, Does.Contain("revoked"));
        });
    }

    [Test]
    public async Task A_refused_proposal_exits_with_one_and_one_line_from_the_servers_problem()
    {
        using var api = new NegotiationApi(_invites.Chair);
        var before = (await api.ListAmendmentsAsync(_document)).Count;

        var result = await Processes.NegotiateAsync("propose", "replace", "--paragraph", "p-1", "--range", "0:3", "--text", "x",
            "--invite", _invites.LinkOf("observer"));

        Assert.Multiple(async () =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(result.ErrorLines[0], Does.StartWith("negotiate: ").And.Contain("403"));
            Assert.That(result.Out, Is.Empty);
            Assert.That((await api.ListAmendmentsAsync(_document)).Count, Is.EqualTo(before));
        });
    }

    [Test]
    public async Task A_range_past_the_end_of_the_text_is_bad_input()
    {
        var result = await Processes.NegotiateAsync("propose", "delete", "--paragraph", "p-1", "--range", $"0:{_text.Length + 1000}",
            "--invite", _invites.LinkOf("member-state delegate", "Greece"));

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(result.ErrorLines[0], Does.Contain("past the end"));
        });
    }

    [TestCase("revisions")]
    [TestCase("documents", "--invite", "http://localhost:5080/no-token-here")]
    [TestCase("position", "some-amendment", "adores", "--invite", "http://localhost:5080/#invite=abc")]
    [TestCase("documents", "--server", "http://localhost:5080")]
    public async Task A_command_line_without_a_usable_invite_or_with_a_bad_value_exits_with_two(params string[] args)
    {
        var result = await Processes.NegotiateAsync(args);

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(result.ErrorLines[0], Does.StartWith("negotiate: "));
        });
    }

    [Test]
    public async Task A_server_that_cannot_be_reached_exits_with_one()
    {
        var result = await Processes.NegotiateAsync("documents", "--invite", "http://127.0.0.1:1/#invite=abc");

        Assert.Multiple(() =>
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
            Assert.That(result.ErrorLines[0], Does.Contain("cannot be reached"));
        });
    }

    [Test]
    public async Task Revisions_lists_compares_with_the_live_text_and_prints()
    {
        using var chair = new NegotiationApi(_invites.Chair);
        var revision = await chair.CirculateRevisionAsync(_document);
        var output = Path.Combine(Path.GetTempPath(), $"negotiate-print-{Guid.NewGuid():N}.docx");

        var listed = await Processes.NegotiateAsync("revisions", "--invite", _invites.LinkOf("observer"));
        var compared = await Processes.NegotiateAsync("revisions", "compare", revision.Label, "live", "--format", "json", "--invite", _invites.LinkOf("observer"));
        var printed = await Processes.NegotiateAsync("revisions", "print", revision.Label, "--format", "docx", "-o", output, "--invite", _invites.LinkOf("observer"));
        var binaryToScreen = await Processes.NegotiateAsync("revisions", "print", revision.Label, "--format", "pdf", "--invite", _invites.LinkOf("observer"));

        try
        {
            Assert.Multiple(() =>
            {
                Assert.That(listed.ExitCode, Is.EqualTo(0), listed.ToString());
                Assert.That(listed.OutLines, Has.Some.StartsWith($"{revision.Label}\t{revision.Symbol}\t"));
                Assert.That(compared.ExitCode, Is.EqualTo(0), compared.ToString());
                Assert.That(compared.Out, Does.Contain("negotiation-editor/redline"));
                Assert.That(printed.ExitCode, Is.EqualTo(0), printed.ToString());
                Assert.That(File.ReadAllBytes(output).Take(2), Is.EqualTo("PK"u8.ToArray()), "a DOCX is a zip");
                Assert.That(binaryToScreen.ExitCode, Is.EqualTo(2), binaryToScreen.ToString());
            });
        }
        finally
        {
            File.Delete(output);
        }
    }
}
