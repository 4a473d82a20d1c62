using NegotiationEditor.Testing;

namespace NegotiationEditor.Server.Tests.Hosting;

/// <summary>
/// The server reads its configuration files once, at start: it does not watch its working directory (and the data
/// folder under it) for changes.
/// </summary>
public sealed class ServerDefaultsTests
{
    [Test]
    public void Configuration_files_are_read_once_unless_the_command_line_asks_for_reloading()
    {
        Assert.That(ServerDefaults.WithConfigReadOnce(["--data", "d"]), Is.EqualTo(new[] { "--hostBuilder:reloadConfigOnChange=false", "--data", "d" }));
        string[] asked = ["--hostBuilder:reloadConfigOnChange=true"];
        Assert.That(ServerDefaults.WithConfigReadOnce(asked), Is.SameAs(asked));
    }

    [Test]
    public async Task The_running_server_watches_no_files()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("inotify watches are read from /proc, on Linux only");
        }
        await using var server = await ServerProcess.StartAsync();

        // Each watch of an inotify instance is one "inotify wd:..." line in the fdinfo of its descriptor.
        var watches = 0;
        foreach (var descriptor in Directory.GetFiles($"/proc/{server.ProcessId}/fd"))
        {
            var target = new FileInfo(descriptor).LinkTarget;
            if (target == "anon_inode:inotify")
            {
                watches += File.ReadLines($"/proc/{server.ProcessId}/fdinfo/{Path.GetFileName(descriptor)}").Count(line => line.StartsWith("inotify ", StringComparison.Ordinal));
            }
        }

        Assert.That(watches, Is.Zero, "the server watches its working directory");
    }
}
