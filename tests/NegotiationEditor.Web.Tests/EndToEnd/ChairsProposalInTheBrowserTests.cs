using Microsoft.Playwright;
using NegotiationEditor.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace NegotiationEditor.Web.Tests.EndToEnd;

/// <summary>
/// A chair's proposal tabled from the page in real Chromium against the real server process: the chair selects
/// words and proposes a replacement as the Chair; the US supports it and India objects over REST; the chair's panel
/// shows the server's ledger and consensus reading, and the chair accepts it. A second one is withdrawn from the page.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ChairsProposalInTheBrowserTests : BrowserFixture
{
    protected override string FailureScreenshotPrefix => "failure-chairs-proposal-";

    private const string Replaced = "representatives of the five countries";
    private const string Proposed = "representatives of the host countries";
    private const string Deleted = "open and inclusive";

    [Test]
    public async Task The_chair_tables_a_replacement_as_the_Chair_the_delegations_take_positions_and_the_chair_accepts_it()
    {
        var chair = await OpenAsync("chair", Server.Invite("chair"), height: 1100);
        var usPage = await OpenAsync("US", Server.Invite("member-state delegate", "US"));
        using var chairRest = new RestParticipant(Server, Server.Invite("chair"));
        using var us = new RestParticipant(Server, Server.Invite("member-state delegate", "US"));
        using var india = new RestParticipant(Server, Server.Invite("member-state delegate", "India"));
        var document = await chairRest.FirstDocumentAsync();

        // A delegate's form proposes for its delegation only: no chair's option.
        await Expect(usPage.Page.Locator("#proposal-heading")).ToHaveTextAsync("Propose an amendment");
        await Expect(usPage.Page.Locator("#propose-button")).ToHaveTextAsync("Propose");

        // The chair selects the words and proposes a replacement as the Chair.
        await Expect(chair.Page.Locator("#proposal-heading")).ToHaveTextAsync("Propose as the Chair");
        await chair.SelectWithFindAsync(Replaced);
        await chair.Page.SelectOptionAsync("#amendment-kind", "replace");
        await chair.Page.FillAsync("#amendment-proposed", Proposed);
        await chair.Page.ClickAsync("#propose-button");
        await Expect(chair.Page.Locator("#amendment-error")).ToBeEmptyAsync();
        var described = $"Replace “{Replaced}” by “{Proposed}”";
        await Expect(chair.Amendment(described).Locator(".amendment-meta")).ToContainTextAsync("proposed by the Chair");
        await Expect(usPage.Amendment(described).Locator(".amendment-meta")).ToContainTextAsync("proposed by the Chair");

        var tabled = (await chairRest.GetAsync($"api/documents/{document}/amendments?status=proposed"))!.AsArray();
        Assert.That(tabled, Has.Count.EqualTo(1));
        var amendment = tabled[0]!["id"]!.GetValue<string>();
        Assert.That(tabled[0]!["proposer"]!.GetValue<string>(), Is.EqualTo("chair"));
        Assert.That(tabled[0]!["proposedBy"], Is.Null);

        // The delegations take positions over REST; every page shows the server's ledger and consensus reading.
        await us.TakePositionAsync(document, amendment, await us.DelegationAsync("US"), "supports");
        await india.TakePositionAsync(document, amendment, await india.DelegationAsync("India"), "objects");
        var ledger = (await chairRest.GetAsync($"api/documents/{document}/amendments/{amendment}"))!["ledger"]!.GetValue<string>();
        Assert.That(ledger, Is.EqualTo("Proposed by the Chair; supported by US; opposed by India"));
        await Expect(chair.Amendment(described).GetByTestId("ledger")).ToHaveTextAsync(ledger);
        await Expect(usPage.Amendment(described).GetByTestId("ledger")).ToHaveTextAsync(ledger);
        await Expect(chair.Amendment(described).GetByTestId("consensus")).ToHaveTextAsync("No consensus: India objects.");

        // The US may take a position on it, never withdraw it; the chair may withdraw and decide.
        await Expect(usPage.Amendment(described).Locator(".withdraw-button")).ToHaveCountAsync(0);
        await Expect(usPage.Amendment(described).Locator(".position-button[data-position=supports]")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(chair.Amendment(described).Locator(".withdraw-button")).ToHaveCountAsync(1);
        Assert.That(await chair.UnnamedControlsAsync(), Is.Empty, "the chair's form has controls without a name");
        await Screenshots.TakeAsync(chair.Page, "20-chair-proposal-ledger", "A chair's proposal tabled from the page: the server's ledger and consensus reading", forDocs: true);

        // The chair accepts it: the text changes on every page and on the server.
        await chair.Amendment(described).GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await chair.WaitForTextAsync(Proposed);
        await usPage.WaitForTextAsync(Proposed);
        Assert.That(await chairRest.LiveTextAsync(document), Does.Contain(Proposed).And.Not.Contain(Replaced));
        var accepted = await chairRest.GetAsync($"api/documents/{document}/amendments/{amendment}");
        Assert.That(accepted!["status"]!.GetValue<string>(), Is.EqualTo("accepted"));
        await Expect(chair.Amendment(described)).ToHaveCountAsync(0);

        // A second chair's proposal, a deletion, withdrawn from the page.
        await chair.SelectWithFindAsync(Deleted);
        await chair.Page.SelectOptionAsync("#amendment-kind", "delete");
        await chair.Page.ClickAsync("#propose-button");
        await Expect(chair.Page.Locator("#amendment-error")).ToBeEmptyAsync();
        var deletion = $"Delete “{Deleted}”";
        await Expect(usPage.Amendment(deletion)).ToHaveCountAsync(1);
        await chair.Amendment(deletion).Locator(".withdraw-button").ClickAsync();
        await Expect(chair.Amendment(deletion)).ToHaveCountAsync(0);
        await Expect(usPage.Amendment(deletion)).ToHaveCountAsync(0);
        var all = (await chairRest.GetAsync($"api/documents/{document}/amendments"))!.AsArray();
        Assert.That(all.Select(a => (a!["proposer"]!.GetValue<string>(), a["status"]!.GetValue<string>())),
            Is.EquivalentTo(new[] { ("chair", "accepted"), ("chair", "withdrawn") }));
    }

}
