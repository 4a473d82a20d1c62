namespace NegotiationEditor.Scaleout.Tests;

/// <summary>Stops the services the tests started, once every test of the assembly has run.</summary>
[SetUpFixture]
public sealed class SharedServicesTeardown
{
    [OneTimeTearDown]
    public void Stop() => SharedServices.StopStarted();
}
