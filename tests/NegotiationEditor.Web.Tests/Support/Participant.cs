using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NegotiationEditor.Web.Tests.Support;

/// <summary>One participant's page: signed in from their invite link in a browser context of their own.</summary>
public sealed class Participant
{
    private Participant(string name, IBrowserContext context, IPage page)
    {
        Name = name;
        Context = context;
        Page = page;
    }

    /// <summary>Who this is, for messages ("Greece", "chair").</summary>
    public string Name { get; }

    /// <summary>The browser context (cut its network with SetOfflineAsync).</summary>
    public IBrowserContext Context { get; }

    /// <summary>The page.</summary>
    public IPage Page { get; }

    /// <summary>The editable text area of CodeMirror.</summary>
    public ILocator Editor => Page.Locator("#editor .cm-content");

    /// <summary>
    /// Opens the invite link and waits until the document is in sync with the server. With <paramref name="testSwitch"/>
    /// the address carries <c>?test=1</c>, so the page exposes <c>window.negotiationEditor</c> for the test to read.
    /// </summary>
    public static async Task<Participant> OpenAsync(Chromium chromium, string name, Invite invite, int width = 1280, int height = 800, bool testSwitch = true)
    {
        var context = await chromium.NewContextAsync(width, height);
        var page = await context.NewPageAsync();
        var participant = new Participant(name, context, page);
        await page.GotoAsync(testSwitch ? WithTestSwitch(invite.Url) : invite.Url);
        await participant.WaitUntilSyncedAsync();
        return participant;
    }

    /// <summary>The link with the end-to-end tests' switch: <c>http://host/?test=1#invite=...</c>.</summary>
    public static string WithTestSwitch(string link)
    {
        var fragment = link.IndexOf('#', StringComparison.Ordinal);
        var (address, rest) = fragment < 0 ? (link, "") : (link[..fragment], link[fragment..]);
        return address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "test=1" + rest;
    }

    /// <summary>Waits for the provider's first sync with the server.</summary>
    public Task WaitUntilSyncedAsync() =>
        Expect(Page.Locator("#connection")).ToHaveAttributeAsync("data-synced", "true", new() { Timeout = 30_000 });

    /// <summary>The shared text as this page's Y.Doc holds it.</summary>
    public Task<string> TextAsync() => Page.EvaluateAsync<string>("() => window.negotiationEditor.ydoc.getText('text').toString()");

    /// <summary>The text of the past moment the timeline shows (the read-only view's own document).</summary>
    public Task<string> PastTextAsync() => Page.EvaluateAsync<string>("() => window.negotiationEditor.pastText()");

    /// <summary>Waits until this page's text contains <paramref name="words"/>.</summary>
    public Task WaitForTextAsync(string words, bool present = true) =>
        Page.WaitForFunctionAsync(
            "([words, present]) => window.negotiationEditor && window.negotiationEditor.ydoc.getText('text').toString().includes(words) === present",
            new object[] { words, present },
            new() { Timeout = 20_000 });

    /// <summary>Puts the cursor at the end of the text and types, as a person would.</summary>
    public async Task TypeAtEndAsync(string words)
    {
        await Editor.ClickAsync();
        await Page.Keyboard.PressAsync("Control+End");
        await Page.Keyboard.TypeAsync(words, new() { Delay = 5 });
    }

    /// <summary>Selects the first occurrence of <paramref name="words"/> with the editor's find panel (Ctrl+F).</summary>
    public async Task SelectWithFindAsync(string words)
    {
        await Editor.ClickAsync();
        await Page.Keyboard.PressAsync("Control+Home");
        await Page.Keyboard.PressAsync("Control+f");
        var find = Page.Locator(".cm-search input[name=search]");
        // Typed key by key: the find panel reads its query on keyup, which FillAsync does not send.
        await find.PressSequentiallyAsync(words);
        await find.PressAsync("Enter");
        await Page.Keyboard.PressAsync("Escape");
        await Expect(Page.Locator("#selection-line")).ToContainTextAsync(words);
    }

    /// <summary>The visible controls of the page that have no accessible name (no label, no aria-label, no text).</summary>
    public Task<string[]> UnnamedControlsAsync() =>
        Page.EvaluateAsync<string[]>(@"() => Array.from(document.querySelectorAll('button, input, select, textarea'))
            .filter(c => c.offsetParent !== null)
            .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')
                && !(c.tagName === 'BUTTON' && c.textContent.trim()) && !c.closest('.cm-search'))
            .map(c => c.outerHTML.slice(0, 120))");

    /// <summary>The amendment item of the side panel whose description is exactly <paramref name="words"/>.</summary>
    public ILocator Amendment(string words) => Page.Locator($"#amendment-list li.amendment[aria-label=\"{words}\"]");
}
