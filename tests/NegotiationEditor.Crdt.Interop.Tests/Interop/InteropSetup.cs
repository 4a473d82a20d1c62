using NegotiationEditor.Crdt.Interop.Tests.Support;

namespace NegotiationEditor.Crdt.Interop.Tests.Interop;

/// <summary>
/// Before any interop test: node 20+ must be on the PATH, and tests/interop/node_modules is
/// installed with <c>npm ci</c> (from the lock file) when it is missing, so that
/// <c>dotnet test</c> works on a fresh clone.
/// </summary>
[SetUpFixture]
public sealed class InteropSetup
{
    [OneTimeSetUp]
    public void Node_and_the_pinned_yjs_packages_are_ready()
    {
        (int ExitCode, string Stdout, string Stderr) version;
        try
        {
            version = NodeYjs.Execute("node", ["--version"], null);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"The interop tests need Node.js 20 or later on the PATH ('node' could not be started: {e.Message}).");
            return;
        }
        var text = version.Stdout.Trim();
        if (version.ExitCode != 0 || !text.StartsWith('v') || !int.TryParse(text[1..].Split('.')[0], out var major) || major < 20)
        {
            Assert.Fail($"The interop tests need Node.js 20 or later; 'node --version' said '{text}'.");
        }
        var yjsPackage = Path.Combine(NodeYjs.InteropFolder, "node_modules", "yjs", "package.json");
        if (File.Exists(yjsPackage))
        {
            return;
        }
        TestContext.Progress.WriteLine($"Installing the interop node packages: npm ci in {NodeYjs.InteropFolder}");
        var install = NodeYjs.Execute("npm", ["ci", "--no-audit", "--no-fund"], null);
        if (install.ExitCode != 0 || !File.Exists(yjsPackage))
        {
            Assert.Fail($"npm ci failed in {NodeYjs.InteropFolder}:\n{install.Stdout}\n{install.Stderr}");
        }
    }
}
