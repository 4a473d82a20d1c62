namespace NegotiationEditor.Web.Tests.Support;

/// <summary>
/// What every browser fixture shares: one real server process and one Chromium for the fixture, the participants'
/// pages opened through <see cref="OpenAsync"/>, and, when a test fails, a screenshot of each of those pages and the
/// server's output.
/// </summary>
public abstract class BrowserFixture
{
    private readonly List<Participant> _opened = [];

    /// <summary>The server process the fixture's pages talk to.</summary>
    protected ServerProcess Server { get; private set; } = null!;

    /// <summary>The browser the fixture's pages run in.</summary>
    protected Chromium Chromium { get; private set; } = null!;

    /// <summary>The start of the failure screenshots' file names, e.g. "failure-timeline-".</summary>
    protected abstract string FailureScreenshotPrefix { get; }

    [OneTimeSetUp]
    public async Task StartServerAndBrowser()
    {
        Chromium = await Chromium.LaunchAsync();
        Server = await ServerProcess.StartAsync();
    }

    [TearDown]
    public async Task KeepThePagesOfAFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            foreach (var participant in _opened)
            {
                await Screenshots.TakeAsync(participant.Page, FailureScreenshotPrefix + participant.Name.Replace(' ', '-'), $"{participant.Name}'s page when the test failed");
            }
            TestContext.Out.WriteLine(Server.Output);
        }
    }

    [OneTimeTearDown]
    public async Task StopServerAndBrowser()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    /// <summary>Opens a participant's page with its invite; the page is kept for the failure screenshots.</summary>
    protected async Task<Participant> OpenAsync(string name, Invite invite, int width = 1280, int height = 800, bool testSwitch = true)
    {
        var participant = await Participant.OpenAsync(Chromium, name, invite, width, height, testSwitch);
        _opened.Add(participant);
        return participant;
    }
}
