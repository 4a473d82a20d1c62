using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Negotiation.Documents;
using NegotiationEditor.Server.Access;

namespace NegotiationEditor.Server.Tests.Support;

/// <summary>The server in memory, on a real LiteDB file in a fresh temporary data folder.</summary>
public sealed class NegotiationServerFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string> _settings;
    private readonly bool _ownsDataFolder;

    private readonly Action<IServiceCollection>? _services;

    public NegotiationServerFactory(IDictionary<string, string>? settings = null, string? dataFolder = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _ownsDataFolder = dataFolder is null;
        DataFolder = dataFolder ?? Path.Combine(Path.GetTempPath(), "negotiation-tests-" + Guid.NewGuid().ToString("N"));
        _settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["data"] = DataFolder,
        };
        _settings.TryAdd("Collaboration:MaxFrameBytes", (64 * 1024).ToString());
    }

    public string DataFolder { get; }

    public InviteBook Invites => InviteBook.Read(DataFolder);

    public LiveNegotiation Negotiation => Services.GetRequiredService<LiveNegotiation>();

    public DocumentId Document => Negotiation.Current.Documents[0].Id;

    /// <summary>
    /// A copy of the data folder as a process killed now would leave it (every change is written through before it is
    /// answered), in a new temporary folder that a second server can start on.
    /// </summary>
    public string CopyOfDataFolder()
    {
        var copy = Path.Combine(Path.GetTempPath(), "negotiation-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(DataFolder))
        {
            using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var target = File.Create(Path.Combine(copy, Path.GetFileName(file)));
            source.CopyTo(target);
        }
        return copy;
    }

    /// <summary>Starts the server (seeding the data folder) and returns it.</summary>
    public NegotiationServerFactory Started()
    {
        _ = Server;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Development");
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataFolder)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open by a stopping host; the temporary folder is left behind.
            }
        }
    }
}
