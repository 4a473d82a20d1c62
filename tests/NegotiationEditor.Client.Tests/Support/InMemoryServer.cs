using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NegotiationEditor.Client.Invites;
using NegotiationEditor.Client.Live;
using NegotiationEditor.Client.Workflow;
using NegotiationEditor.Server.Seeding;

namespace NegotiationEditor.Client.Tests.Support;

/// <summary>The real server in memory (WebApplicationFactory) on a fresh data folder, and clients wired to it.</summary>
public sealed class InMemoryServer : WebApplicationFactory<Program>
{
    public InMemoryServer()
    {
        DataFolder = Directory.CreateTempSubdirectory("negotiation-client-tests-").FullName;
        _ = Server;
    }

    public string DataFolder { get; }

    public InviteBook Invites => InviteBook.Read(DataFolder, Server.BaseAddress);

    public NegotiationApi Api(Invite invite) => new(invite, Server.CreateHandler());

    public LiveDocumentOptions LiveOptions(bool messagePack = true, ulong? clientId = null) => new()
    {
        MessagePack = messagePack,
        ClientId = clientId,
        Reconnect = false,
        ConfigureConnection = connection =>
        {
            connection.HttpMessageHandlerFactory = _ => Server.CreateHandler();
            connection.WebSocketFactory = async (context, cancellation) =>
                await Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellation);
        },
    };

    public Task<LiveDocument> ConnectAsync(Invite invite, string documentId, bool messagePack = true) =>
        LiveDocument.ConnectAsync(invite, documentId, LiveOptions(messagePack));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("data", DataFolder);
        builder.UseSetting("NegotiationApi:RequestsPerWindow", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseEnvironment("Development");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the stopping host: the temporary folder stays.
            }
        }
    }
}

/// <summary>The seeded participants' invites, read from the server's invites.csv.</summary>
public sealed class InviteBook(IReadOnlyList<InviteLine> lines, Uri server)
{
    public static InviteBook Read(string dataFolder, Uri server) =>
        new(InvitesCsv.Read(Path.Combine(dataFolder, InvitesCsv.FileName)), server);

    /// <summary>The invites of a server process, addressed to it.</summary>
    public static InviteBook Of(ServerProcess server) => Read(server.DataFolder, server.Address);

    public Invite Chair => Of("chair");

    public Invite Secretariat => Of("secretariat");

    public Invite Observer => Of("observer");

    public Invite Delegate(string delegation) => Of("member-state delegate", delegation);

    public Invite Stakeholder(string delegation) => Of("stakeholder", delegation);

    /// <summary>The invite of a role (and delegation), addressed to <c>server</c> (the link's own host may differ in memory).</summary>
    public Invite Of(string role, string delegation = "")
    {
        var line = lines.Single(l => l.Role == role && l.Delegation == delegation);
        return Invite.Parse(line.Url) with { Server = server };
    }

    /// <summary>The link as written in invites.csv.</summary>
    public string LinkOf(string role, string delegation = "") => lines.Single(l => l.Role == role && l.Delegation == delegation).Url;
}
