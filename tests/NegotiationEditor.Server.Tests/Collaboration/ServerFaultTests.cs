using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NegotiationEditor.Server.Collaboration;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Collaboration;

/// <summary>
/// A fault of the server's own while it handles a client's valid update (here a hook that throws), on /ws and on the
/// hub: the error is logged naming the document, the sender is disconnected (a WebSocket with a reason) so that it
/// reconnects and syncs again instead of believing its change went out, and the document goes on serving the others.
/// </summary>
public sealed class ServerFaultTests
{
    private const string Poison = "[the hook throws on this]";

    private readonly CapturedLog _log = new(LogLevel.Error);
    private NegotiationServerFactory _server = null!;

    [SetUp]
    public void Start() => _server = new NegotiationServerFactory(services: services =>
    {
        services.AddSingleton<RoomHook>(new ThrowingHook());
        services.AddSingleton<ILoggerProvider>(_log);
    }).Started();

    [TearDown]
    public void Stop() => _server.Dispose();

    [Test]
    public async Task A_websocket_whose_update_the_server_fails_on_is_closed_with_a_reason_the_error_is_logged_and_the_document_goes_on()
    {
        var document = _server.Document.ToString();
        await using var other = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document);
        await using var failing = await WebsocketPeer.JoinAsync(_server.Server, _server.Invites.Chair, document);

        await failing.AppendAsync(Poison);

        Assert.That(await Task.WhenAny(failing.Receiving, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(failing.Receiving), "the server closed the socket");
        Assert.Multiple(() =>
        {
            Assert.That(failing.CloseStatus, Is.EqualTo(WebSocketCloseStatus.PolicyViolation));
            Assert.That(failing.CloseReason, Is.EqualTo(DocumentRoom.CouldNotHandle));
            AssertLogged(document);
        });
        await AssertTheDocumentGoesOnAsync(() => other.AppendAsync(" [still served]"));
    }

    [TestCase(true)]
    [TestCase(false)]
    public async Task A_hub_client_whose_update_the_server_fails_on_is_disconnected_and_the_document_goes_on(bool messagePack)
    {
        var document = _server.Document.ToString();
        await using var other = await HubPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, document);
        await using var failing = await HubPeer.JoinAsync(HubPeer.Build(_server.Server, _server.Invites.Chair, messagePack), document);

        try
        {
            await failing.AppendAsync(Poison);
        }
        catch (OperationCanceledException)
        {
            // The invocation ends with the connection the server closed.
        }

        Assert.That(await Task.WhenAny(failing.Closed, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(failing.Closed),
            "the server disconnected the client, which reconnects and syncs again, instead of leaving it to believe its change went out");
        AssertLogged(document);
        await AssertTheDocumentGoesOnAsync(() => other.AppendAsync(" [still served]"));
    }

    private void AssertLogged(string document) =>
        Assert.That(_log.Messages.Count(error => error.Contains($"Document {document}: a batch of 1 client updates could not be handled", StringComparison.Ordinal)),
            Is.EqualTo(1), "the error logged names the document: " + string.Join("\n", _log.Messages));

    private async Task AssertTheDocumentGoesOnAsync(Func<Task> edit)
    {
        await edit();
        var rooms = _server.Services.GetRequiredService<DocumentRooms>();
        Task<string> TextAsync() => rooms.ReadAsync(_server.Document, doc => doc.GetText(LiveText.RootName).ToString());
        Assert.That(await Eventually.HoldsAsync(async () => (await TextAsync()).Contains("[still served]", StringComparison.Ordinal)), Is.True,
            "the document took the other client's edit after the fault");
        Assert.That(await TextAsync(), Does.Not.Contain(Poison), "the update the server failed on changed nothing");
    }

    private sealed class ThrowingHook : RoomHook
    {
        public override string? OnChange(DocumentRoom room, RoomConnection connection, byte[] update) =>
            Encoding.UTF8.GetString(update).Contains(Poison, StringComparison.Ordinal)
                ? throw new InvalidOperationException("a hook failed")
                : null;
    }
}
