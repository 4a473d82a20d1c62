using NegotiationEditor.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NegotiationEditor.Web.Tests.EndToEnd;

/// <summary>A participant loses the network while typing; what they typed offline arrives when it comes back.</summary>
[TestFixture]
[NonParallelizable]
public sealed class NetworkCutTests : BrowserFixture
{
    protected override string FailureScreenshotPrefix => "failure-network-cut-";

    [Test]
    public async Task Edits_typed_offline_arrive_after_the_network_comes_back_merged_with_the_others()
    {
        var chair = await OpenAsync("chair", Server.Invite("chair"));
        var secretariat = await OpenAsync("secretariat", Server.Invite("secretariat"), width: 768, height: 1024);

        await chair.TypeAtEndAsync("\n\nBefore the cut.");
        await secretariat.WaitForTextAsync("Before the cut.");

        await chair.Context.SetOfflineAsync(true);
        await Expect(chair.Page.Locator("#connection")).ToHaveAttributeAsync("data-status", "offline");
        await chair.TypeAtEndAsync(" Typed while offline.");
        await secretariat.TypeAtEndAsync(" The secretariat typed this online.");
        await Task.Delay(500);
        Assert.That(await chair.TextAsync(), Does.Not.Contain("The secretariat typed this online."));
        Assert.That(await secretariat.TextAsync(), Does.Not.Contain("Typed while offline."));
        await Screenshots.TakeAsync(chair.Page, "14-offline-typing", "The chair typing while offline", forDocs: true);
        await Screenshots.TakeAsync(secretariat.Page, "15-tablet-width", "The secretariat's page at 768 px wide", forDocs: true);

        await chair.Context.SetOfflineAsync(false);
        await Expect(chair.Page.Locator("#connection")).ToHaveAttributeAsync("data-status", "connected", new() { Timeout = 30_000 });
        await secretariat.WaitForTextAsync(" Typed while offline.");
        await chair.WaitForTextAsync(" The secretariat typed this online.");
        var merged = await chair.TextAsync();
        Assert.That(await secretariat.TextAsync(), Is.EqualTo(merged));
        Assert.That(merged, Does.Contain("Before the cut."));
        Assert.That(await Server.LiveTextAsync(Server.Invite("chair")), Is.EqualTo(merged), "the server holds the merged text");
        await Screenshots.TakeAsync(secretariat.Page, "16-offline-edits-arrived", "The secretariat's page once the chair is back online");
    }
}
