using Microsoft.Playwright;
using NegotiationEditor.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NegotiationEditor.Web.Tests.EndToEnd;

/// <summary>
/// A negotiation from the first keystroke to adoption, in real Chromium against the real server process: the chair,
/// the delegates of Greece and the UK and an observer each in a browser context of their own.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class NegotiationInTheBrowserTests : BrowserFixture
{
    protected override string FailureScreenshotPrefix => "failure-";

    private const string Sentence = "Decisions will be taken in accordance with the rules of procedure of ECOSOC.";

    [Test]
    public async Task Delegations_negotiate_an_amendment_the_chair_accepts_circulates_compares_and_adopts()
    {
        var chair = await OpenAsync("chair", Server.Invite("chair"));
        var greece = await OpenAsync("Greece", Server.Invite("member-state delegate", "Greece"));
        var uk = await OpenAsync("UK", Server.Invite("member-state delegate", "UK"));
        var observer = await OpenAsync("observer", Server.Invite("observer"));
        var everyone = new[] { chair, greece, uk, observer };

        // The invite token left the address bar and lives in the session only.
        Assert.That(greece.Page.Url, Does.Not.Contain("invite="));
        await Expect(greece.Page.Locator("#me")).ToContainTextAsync("Greece");
        await Screenshots.TakeAsync(chair.Page, "01-chair-opens-the-first-draft", "The chair's view of the seeded first draft", forDocs: true);

        // Only the chair sees the chair's console; observers have no proposal form.
        await Expect(chair.Page.Locator("#chair")).ToBeVisibleAsync();
        await Expect(greece.Page.Locator("#chair")).ToBeHiddenAsync();
        await Expect(observer.Page.Locator("#chair")).ToBeHiddenAsync();
        await Expect(observer.Page.Locator("#proposal-form")).ToBeHiddenAsync();
        await AssertCannotTypeAsync(observer, "observer before anything happens");

        // Delegates type only when the chair opens on-screen drafting to member states.
        await AssertCannotTypeAsync(greece, "Greece before the chair opens on-screen drafting");
        await chair.Page.GetByLabel("Member-state delegates type too").CheckAsync();
        await Expect(greece.Page.Locator("#typing-note")).ToHaveTextAsync("You may type in the text.");
        await AssertCannotTypeAsync(observer, "observer while member states may type");

        // The chair and Greece see each other's typing.
        await chair.TypeAtEndAsync("\n\n" + Sentence);
        await greece.WaitForTextAsync(Sentence);
        await greece.TypeAtEndAsync(" Greece welcomes this.");
        await chair.WaitForTextAsync("Greece welcomes this.");
        await Expect(chair.Page.Locator("#presence")).ToContainTextAsync("Greece");
        await Screenshots.TakeAsync(greece.Page, "02-greece-sees-the-chair-typing", "Greece's page with the chair's sentence and Greece's own words", forDocs: true);
        await Screenshots.TakeAsync(chair.Page, "03-chair-sees-greece-typing", "The chair's page with Greece's words and cursor");

        await chair.Page.GetByLabel("Chair and secretariat type").CheckAsync();
        await Expect(greece.Page.Locator("#typing-note")).Not.ToHaveTextAsync("You may type in the text.");
        await AssertCannotTypeAsync(observer, "observer while the chair types");

        // Greece proposes replacing "in accordance with" by "bearing in mind".
        await greece.SelectWithFindAsync("in accordance with");
        await greece.Page.SelectOptionAsync("#amendment-kind", "replace");
        await greece.Page.FillAsync("#amendment-proposed", "bearing in mind");
        await greece.Page.FillAsync("#amendment-justification", "Closer to the language of ECOSOC resolutions.");
        await Screenshots.TakeAsync(greece.Page, "04-greece-proposes-a-replacement", "Greece's proposal form for the selected words", forDocs: true);
        await greece.Page.ClickAsync("#propose-button");
        await Expect(greece.Page.Locator("#amendment-error")).ToBeEmptyAsync();
        const string described = "Replace “in accordance with” by “bearing in mind”";
        foreach (var participant in everyone)
        {
            await Expect(participant.Amendment(described).Locator(".ledger")).ToHaveTextAsync("Proposed by Greece");
        }
        await Expect(chair.Page.Locator("#editor .cm-amendment")).ToHaveTextAsync("in accordance with");

        // The UK objects, by keyboard; the ledger changes on every page and the focus stays on the button pressed.
        await uk.Amendment(described).GetByRole(AriaRole.Button, new() { Name = "Object" }).FocusAsync();
        await uk.Page.Keyboard.PressAsync("Enter");
        foreach (var participant in everyone)
        {
            await Expect(participant.Amendment(described).Locator(".ledger")).ToHaveTextAsync("Proposed by Greece; opposed by UK");
        }
        Assert.That(await uk.Page.EvaluateAsync<string>("() => document.activeElement.textContent"), Is.EqualTo("Object"));
        await Expect(uk.Amendment(described).GetByRole(AriaRole.Button, new() { Name = "Object" })).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(greece.Amendment(described).GetByRole(AriaRole.Button, new() { Name = "Object" })).ToHaveCountAsync(0);
        await Expect(observer.Amendment(described).Locator("button.position-button")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(uk.Page, "05-uk-objects", "The UK's page after objecting: the ledger", forDocs: true);
        await Screenshots.TakeAsync(greece.Page, "06-greece-sees-the-objection", "Greece's page: the ledger updated live");

        // The chair circulates the text with the open amendment (Rev.1), accepts, and circulates the result (Rev.2).
        await chair.Page.ClickAsync("#circulate-button");
        await Expect(chair.Page.Locator("#revision-list")).ToContainTextAsync("Rev.1");
        await Expect(greece.Page.Locator("#revision-list")).ToContainTextAsync("Rev.1");

        // The UK proposes deleting an overlapping span: both amendments are flagged as colliding on every page.
        await uk.SelectWithFindAsync("in accordance with the rules");
        await uk.Page.SelectOptionAsync("#amendment-kind", "delete");
        await uk.Page.ClickAsync("#propose-button");
        const string deletion = "Delete “in accordance with the rules”";
        foreach (var participant in everyone)
        {
            await Expect(participant.Amendment(described).Locator(".collision")).ToContainTextAsync(deletion + " (UK)");
            await Expect(participant.Amendment(deletion).Locator(".collision")).ToContainTextAsync(described + " (Greece)");
        }
        await Screenshots.TakeAsync(chair.Page, "07-collision-flagged", "Two amendments on overlapping spans, flagged", forDocs: true);

        await chair.Amendment(described).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        foreach (var participant in everyone)
        {
            await participant.WaitForTextAsync("taken bearing in mind the rules of procedure");
            await participant.WaitForTextAsync("in accordance with", present: false);
        }
        // Accepting Greece's replacement supersedes the UK's overlapping deletion.
        await Expect(chair.Amendment(deletion)).ToHaveCountAsync(0);
        await chair.Page.GetByLabel("Show decided and withdrawn").CheckAsync();
        await Expect(chair.Amendment(deletion).Locator(".status-badge")).ToHaveTextAsync("superseded");
        await Expect(chair.Amendment(described).Locator(".status-badge")).ToHaveTextAsync("accepted");
        await Screenshots.TakeAsync(chair.Page, "08-chair-accepted", "The chair's page after accepting: the text changed everywhere", forDocs: true);
        await chair.Page.ClickAsync("#circulate-button");
        await Expect(chair.Page.Locator("#revision-list")).ToContainTextAsync("Rev.2");

        // Compare Rev.2 with the version before it, side by side, then inline.
        await Expect(chair.Page.Locator("#compare-from")).ToHaveValueAsync("Rev.1");
        await Expect(chair.Page.Locator("#compare-to")).ToHaveValueAsync("Rev.2");
        await chair.Page.ClickAsync("#compare-button");
        await Expect(chair.Page.Locator("#viewer-heading")).ToHaveTextAsync("Rev.1 compared with Rev.2 (side by side)");
        var redline = chair.Page.FrameLocator("#viewer iframe");
        await Expect(redline.Locator("body")).ToContainTextAsync("bearing in mind");
        await Expect(redline.Locator("body")).ToContainTextAsync("in accordance with");
        await Screenshots.TakeAsync(chair.Page, "09-compare-side-by-side", "Rev.1 and Rev.2 side by side with the word-level redline", forDocs: true);
        await chair.Page.ClickAsync("#toggle-view");
        await Expect(chair.Page.Locator("#viewer-heading")).ToHaveTextAsync("Rev.1 compared with Rev.2 (inline)");
        await Screenshots.TakeAsync(chair.Page, "10-compare-inline", "The same redline inline");
        await chair.Page.Locator("#revision-list li[data-revision='Rev.2'] .open-revision").ClickAsync();
        await Expect(chair.Page.FrameLocator("#viewer iframe").Locator("body")).ToContainTextAsync("bearing in mind");
        await Screenshots.TakeAsync(chair.Page, "11-printed-revision", "Rev.2 as printed", forDocs: true);

        // Downloads carry the token and the file the server names.
        var download = await chair.Page.RunAndWaitForDownloadAsync(() =>
            chair.Page.Locator("#revision-list li[data-revision='Rev.2']").GetByRole(AriaRole.Button, new() { Name = "DOCX" }).ClickAsync());
        Assert.That(download.SuggestedFilename, Does.EndWith(".docx"));
        var docx = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.That(docx.Take(2), Is.EqualTo("PK"u8.ToArray()), "a DOCX is a zip package");

        await AssertEveryControlIsNamedAsync(chair);
        await AssertEveryControlIsNamedAsync(greece);

        // Adoption: the confirmation names what will be locked.
        await chair.Page.ClickAsync("#adopt-button");
        await Expect(chair.Page.Locator("#adopt-dialog-text")).ToContainTextAsync("E/CN.16/2010/CRP.1");
        await Expect(chair.Page.Locator("#adopt-dialog-text")).ToContainTextAsync("nobody can type, propose, take a position or decide");
        await Screenshots.TakeAsync(chair.Page, "12-adoption-confirmation", "The confirmation before adopting", forDocs: true);
        await chair.Page.ClickAsync("#adopt-confirm");
        foreach (var participant in everyone)
        {
            await Expect(participant.Page.Locator("#seal")).ToBeVisibleAsync();
            await Expect(participant.Page.Locator("#doc-status")).ToHaveTextAsync("Adopted");
        }
        var hash = await chair.Page.Locator("#seal-hash").TextContentAsync();
        Assert.That(hash, Does.Match("^[0-9a-f]{64}$"));
        await Screenshots.TakeAsync(greece.Page, "13-adopted-text-sealed", "The adopted text, read-only, with its seal", forDocs: true);

        // After adoption no page can edit, and the server refuses an update forced past the page.
        foreach (var participant in everyone)
        {
            await AssertCannotTypeAsync(participant, $"{participant.Name} after adoption");
        }
        await chair.Page.EvaluateAsync("() => window.negotiationEditor.ydoc.getText('text').insert(0, 'FORCED AFTER ADOPTION ')");
        await Expect(chair.Page.Locator("#status")).ToContainTextAsync("The server refused a change", new() { Timeout = 15_000 });
        var served = await Server.LiveTextAsync(Server.Invite("chair"));
        Assert.That(served, Does.Not.Contain("FORCED AFTER ADOPTION"));
        Assert.That(served, Does.Contain("taken bearing in mind the rules of procedure"));
        var late = await OpenAsync("late reader", Server.Invite("member-state delegate", "Iran"));
        Assert.That(await late.TextAsync(), Does.Not.Contain("FORCED AFTER ADOPTION"));
    }

    private static async Task AssertEveryControlIsNamedAsync(Participant participant) =>
        Assert.That(await participant.UnnamedControlsAsync(), Is.Empty, $"{participant.Name}'s page has controls without a name");

    private static async Task AssertCannotTypeAsync(Participant participant, string when)
    {
        var before = await participant.TextAsync();
        await participant.Editor.ClickAsync();
        await participant.Page.Keyboard.TypeAsync("zzz");
        await participant.Page.Keyboard.PressAsync("Backspace");
        await participant.Page.Keyboard.PressAsync("Control+z");
        await Task.Delay(300);
        Assert.That(await participant.TextAsync(), Is.EqualTo(before), $"{when}: the text changed under the keyboard");
    }
}
