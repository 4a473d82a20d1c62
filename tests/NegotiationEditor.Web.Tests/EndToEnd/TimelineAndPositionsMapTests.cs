using Microsoft.Playwright;
using NegotiationEditor.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NegotiationEditor.Web.Tests.EndToEnd;

/// <summary>
/// The timeline slider and the positions map in real Chromium against the real server process. A scripted session
/// (the chair types in the browser; Greece, Iran, the UK and the ICC act over REST) proposes, takes positions,
/// circulates Rev.1 and goes on; then the chair's page goes back to a moment before Rev.1 and sees the text as it was
/// recorded then, read only, while the positions map follows the slider.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TimelineAndPositionsMapTests : BrowserFixture
{
    protected override string FailureScreenshotPrefix => "failure-timeline-";

    private const string FirstAddition = "The Working Group reports to the Commission.";
    private const string LaterAddition = "A later addition after the first revision.";
    private const string Replaced = "representatives of the five countries";

    [Test]
    public async Task The_chair_goes_back_to_a_moment_before_Rev1_and_the_positions_map_follows()
    {
        // A tall window: CodeMirror draws only the lines near the window, and the screenshots show the whole page.
        var chair = await OpenAsync("chair", Server.Invite("chair"), height: 1500);
        using var chairRest = new RestParticipant(Server, Server.Invite("chair"));
        using var greece = new RestParticipant(Server, Server.Invite("member-state delegate", "Greece"));
        using var iran = new RestParticipant(Server, Server.Invite("member-state delegate", "Iran"));
        using var uk = new RestParticipant(Server, Server.Invite("member-state delegate", "UK"));
        using var icc = new RestParticipant(Server, Server.Invite("stakeholder", "ICC"));
        var document = await chairRest.FirstDocumentAsync();

        // The front matter is a header above the text, not lines to edit; the shared text still holds it.
        await Expect(chair.Page.Locator("#editor .cm-front-matter")).ToContainTextAsync("E/CN.16/2010/CRP.1");
        await Expect(chair.Editor).Not.ToContainTextAsync("symbol:");
        Assert.That(await chair.TextAsync(), Does.StartWith("---\nsymbol: E/CN.16/2010/CRP.1\n"));

        // The session: an edit, a proposal and positions, Rev.1, then the text moves on.
        await chair.TypeAtEndAsync("\n\n" + FirstAddition);
        await WaitForServerTextAsync(chairRest, document, FirstAddition);
        var first = await greece.ProposeReplacementAsync(document, Replaced, "representatives of the host countries");
        await iran.TakePositionAsync(document, first, await iran.DelegationAsync("Iran"), "supports");
        await uk.TakePositionAsync(document, first, await uk.DelegationAsync("UK"), "objects");
        await icc.TakePositionAsync(document, first, await icc.DelegationAsync("ICC"), "supports");
        var beforeRevision = await chairRest.LiveTextAsync(document);
        await chairRest.CirculateAsync(document);
        await chairRest.AcceptAsync(document, first);
        await chair.WaitForTextAsync("representatives of the host countries");
        await chair.TypeAtEndAsync("\n\n" + LaterAddition);
        await WaitForServerTextAsync(chairRest, document, LaterAddition);
        var second = await uk.ProposeReplacementAsync(document, "open and inclusive", "open, inclusive and transparent");
        await iran.TakePositionAsync(document, second, await iran.DelegationAsync("Iran"), "objects");
        var live = await chairRest.LiveTextAsync(document);
        Assert.That(live, Is.Not.EqualTo(beforeRevision));

        // The status line sits in the masthead (it covers no control) and can be dismissed.
        await Expect(chair.Page.Locator("#status")).Not.ToBeEmptyAsync();
        Assert.That(await chair.Page.EvaluateAsync<bool>("() => document.querySelector('header.masthead').contains(document.getElementById('status'))"), Is.True);
        await chair.Page.ClickAsync("#dismiss-status");
        await Expect(chair.Page.Locator("#status")).ToBeEmptyAsync();

        // The positions map, live: stances in the right cells, member states and stakeholders apart, the tally.
        await chair.Page.ClickAsync("#show-positions-map");
        await Expect(chair.Page.Locator("#map-moment")).ToHaveTextAsync("Live");
        await Expect(MapCell(chair, "memberStates", "Greece", "A1")).ToHaveAttributeAsync("data-stance", "proposer");
        await Expect(MapCell(chair, "memberStates", "Iran", "A1")).ToHaveAttributeAsync("data-stance", "supports");
        await Expect(MapCell(chair, "memberStates", "Iran", "A1")).ToContainTextAsync("supports");
        await Expect(MapCell(chair, "memberStates", "UK", "A1")).ToHaveAttributeAsync("data-stance", "objects");
        await Expect(MapCell(chair, "memberStates", "UK", "A1")).ToContainTextAsync("objects");
        await Expect(MapCell(chair, "memberStates", "UK", "A2")).ToHaveAttributeAsync("data-stance", "proposer");
        await Expect(MapCell(chair, "memberStates", "Iran", "A2")).ToHaveAttributeAsync("data-stance", "objects");
        await Expect(MapCell(chair, "others", "ICC", "A1")).ToHaveAttributeAsync("data-stance", "supports");
        await Expect(chair.Page.Locator("#positions-table tbody[data-group=memberStates] tr[data-delegation=ICC]")).ToHaveCountAsync(0);
        await Expect(MapCell(chair, "memberStates", "Egypt", "A1")).ToHaveAttributeAsync("data-stance", "none");
        var memberStates = await chair.Page.Locator("#positions-table tbody[data-group=memberStates] tr[data-delegation]").CountAsync();
        await Expect(chair.Page.Locator($"#positions-table tfoot td[data-amendment='{first}']"))
            .ToHaveAttributeAsync("title", $"2 support, 1 object, 0 reserve, 0 can live with, {memberStates - 3} silent: no consensus");
        await Screenshots.TakeAsync(chair.Page, "18-positions-map-live", "The positions map, live: delegations by amendments, member states apart from stakeholders", forDocs: true);

        // The timeline: the moment just before Rev.1 shows the text recorded then, read only.
        await chair.Page.ClickAsync("#show-timeline");
        await Expect(chair.Page.Locator("#moment-list li[data-kind=revision-circulated]")).ToHaveCountAsync(1);
        await Expect(chair.Page.Locator("#moment-list li[data-kind=amendment-accepted]")).ToHaveCountAsync(1);
        var kinds = await chair.Page.Locator("#moment-list li.moment").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.kind)");
        var revision = Array.IndexOf(kinds, "revision-circulated");
        Assert.That(revision, Is.GreaterThan(0), $"moments: {string.Join(", ", kinds)}");
        await MomentButton(chair, revision - 1).ClickAsync();
        await Expect(chair.Page.Locator("#past-text")).ToBeVisibleAsync();
        await Expect(chair.Page.Locator("#live-text")).ToBeHiddenAsync();
        await Expect(chair.Page.Locator("#past-as-at")).ToContainTextAsync("As at ");
        await chair.Page.WaitForFunctionAsync("text => window.negotiationEditor.pastText() === text", beforeRevision, new() { Timeout = 15_000 });
        await Expect(chair.Page.Locator("#past-editor .cm-content")).ToContainTextAsync(Replaced);
        await Expect(chair.Page.Locator("#past-editor .cm-content")).Not.ToContainTextAsync(LaterAddition);
        await Expect(chair.Page.Locator("#past-editor .cm-amendment")).ToHaveTextAsync(Replaced);
        await Expect(MomentButton(chair, revision - 1)).ToHaveAttributeAsync("aria-current", "step");

        Assert.That(await chair.UnnamedControlsAsync(), Is.Empty, "the timeline and the map have controls without a name");

        // Typing there changes nothing: neither the past view nor the live text.
        await chair.Page.Locator("#past-editor .cm-content").ClickAsync();
        await chair.Page.Keyboard.TypeAsync("zzz");
        await chair.Page.Keyboard.PressAsync("Backspace");
        await Task.Delay(300);
        Assert.That(await chair.PastTextAsync(), Is.EqualTo(beforeRevision));
        Assert.That(await chair.TextAsync(), Is.EqualTo(live));
        Assert.That(await chairRest.LiveTextAsync(document), Is.EqualTo(live));

        // The map follows the slider: A2 was not tabled then, A1 was still open with every position.
        await Expect(chair.Page.Locator("#map-moment")).ToContainTextAsync("As at ");
        await Expect(chair.Page.Locator("#positions-table thead th[data-amendment]")).ToHaveCountAsync(1);
        await Expect(MapCell(chair, "memberStates", "UK", "A1")).ToHaveAttributeAsync("data-stance", "objects");
        await Screenshots.TakeAsync(chair.Page, "17-timeline-before-rev1", "The timeline on a moment before Rev.1: the text then, read only, and the map then", forDocs: true);

        // Further back, by keyboard: the first position (Iran) stands, the UK had not spoken yet.
        var firstPosition = Array.IndexOf(kinds, "position");
        await chair.Page.Locator("#timeline-slider").FocusAsync();
        await chair.Page.Keyboard.PressAsync("Home");
        await Expect(MomentButton(chair, 0)).ToHaveAttributeAsync("aria-current", "step");
        for (var i = 0; i < firstPosition; i++)
        {
            await chair.Page.Keyboard.PressAsync("ArrowRight");
        }
        await Expect(MomentButton(chair, firstPosition)).ToHaveAttributeAsync("aria-current", "step");
        await Expect(MapCell(chair, "memberStates", "Iran", "A1")).ToHaveAttributeAsync("data-stance", "supports");
        await Expect(MapCell(chair, "memberStates", "UK", "A1")).ToHaveAttributeAsync("data-stance", "none");
        await Expect(MapCell(chair, "others", "ICC", "A1")).ToHaveAttributeAsync("data-stance", "none");
        await Screenshots.TakeAsync(chair.Page, "19-positions-map-at-first-position", "The positions map at the first position taken: only Iran had spoken", forDocs: true);

        // With the mouse: the slider's far left is the tabling, before anything was typed.
        var slider = await chair.Page.Locator("#timeline-slider").BoundingBoxAsync();
        await chair.Page.Mouse.ClickAsync(slider!.X + 1, slider.Y + (slider.Height / 2));
        await Expect(MomentButton(chair, 0)).ToHaveAttributeAsync("aria-current", "step");
        await Expect(chair.Page.Locator("#past-editor .cm-content")).Not.ToContainTextAsync(FirstAddition);
        await Expect(chair.Page.Locator("#positions-table")).ToHaveCountAsync(0);

        // Play steps through the moments from the start; pressed again, it pauses.
        await chair.Page.ClickAsync("#timeline-live");
        await chair.Page.ClickAsync("#timeline-play");
        await Expect(chair.Page.Locator("#timeline-play")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(MomentButton(chair, 1)).ToHaveAttributeAsync("aria-current", "step");
        await chair.Page.ClickAsync("#timeline-play");
        await Expect(chair.Page.Locator("#timeline-play")).ToHaveAttributeAsync("aria-pressed", "false");

        // Back to live: the live editor with the live text, the map live again.
        await chair.Page.ClickAsync("#timeline-live");
        await Expect(chair.Page.Locator("#live-text")).ToBeVisibleAsync();
        await Expect(chair.Page.Locator("#past-text")).ToBeHiddenAsync();
        await Expect(chair.Editor).ToContainTextAsync(LaterAddition);
        Assert.That(await chair.TextAsync(), Is.EqualTo(live));
        await Expect(chair.Page.Locator("#map-moment")).ToHaveTextAsync("Live");
        await Expect(chair.Page.Locator("#positions-table thead th[data-amendment]")).ToHaveCountAsync(2);

        // Live updates: a new position reaches the open map.
        await greece.TakePositionAsync(document, second, await greece.DelegationAsync("Greece"), "canLiveWith");
        await Expect(MapCell(chair, "memberStates", "Greece", "A2")).ToHaveAttributeAsync("data-stance", "canLiveWith");
        await Expect(MapCell(chair, "memberStates", "Greece", "A2")).ToContainTextAsync("can live with");
    }

    [Test]
    public async Task Without_the_test_switch_the_page_exposes_no_debug_handle()
    {
        var observer = await OpenAsync("observer", Server.Invite("observer"), testSwitch: false);
        Assert.That(await observer.Page.EvaluateAsync<string>("() => typeof window.negotiationEditor"), Is.EqualTo("undefined"));
        var tested = await OpenAsync("observer with the switch", Server.Invite("observer"));
        Assert.That(await tested.Page.EvaluateAsync<string>("() => typeof window.negotiationEditor"), Is.EqualTo("object"));
    }

    private static ILocator MapCell(Participant participant, string group, string delegation, string column) =>
        participant.Page.Locator($"#positions-table tbody[data-group={group}] tr[data-delegation=\"{delegation}\"] td[data-column={column}]");

    private static ILocator MomentButton(Participant participant, int index) =>
        participant.Page.Locator($"#moment-list li.moment[data-index='{index}'] button");

    private static async Task WaitForServerTextAsync(RestParticipant participant, string document, string words)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(await participant.LiveTextAsync(document)).Contains(words, StringComparison.Ordinal))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"the server's text never held \"{words}\"");
            await Task.Delay(100);
        }
    }

}
