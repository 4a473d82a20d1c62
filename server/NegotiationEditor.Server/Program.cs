using NegotiationEditor.Server;
using NegotiationEditor.Server.Access;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Collaboration.Scaleout;
using NegotiationEditor.Server.Endpoints;
using NegotiationEditor.Server.Hubs;
using NegotiationEditor.Server.Seeding;
using NegotiationEditor.Server.Storage;
using NegotiationEditor.Server.WebSockets;

var builder = WebApplication.CreateBuilder(ServerDefaults.WithConfigReadOnce(args)).UseDefaultUrl();
builder.Services
    .AddStorage(builder.Configuration)
    .AddAccess()
    .AddCollaboration(builder.Configuration)
    .AddCollabHub()
    .AddScaleout(builder.Configuration)
    .AddSeeding()
    .AddProblemDetails()
    .AddOpenApi()
    .AddNegotiationApi();

var app = builder.Build();
app.UseWebSockets();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.MapOpenApi();
app.MapCollabHub();
app.MapYWebsocket();
app.MapNegotiationApi();
await app.SeedSampleNegotiationAsync();
app.Run();

/// <summary>The server's entry point (a partial class so tests can host it).</summary>
public partial class Program;
