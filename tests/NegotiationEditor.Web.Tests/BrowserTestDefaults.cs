using Microsoft.Playwright;

namespace NegotiationEditor.Web.Tests;

/// <summary>
/// Waits long enough for a loaded CI machine: `dotnet test` on the solution runs the other test assemblies beside
/// these, on two cores. Expectations still fail as soon as they are shown wrong for that long.
/// </summary>
[SetUpFixture]
public sealed class BrowserTestDefaults
{
    [OneTimeSetUp]
    public void GiveExpectationsTime() => Assertions.SetDefaultExpectTimeout(15_000);
}
