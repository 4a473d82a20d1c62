using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Server.Hubs.Sockets;
using NegotiationEditor.Server.Tests.Support;

namespace NegotiationEditor.Server.Tests.Hubs;

/// <summary>
/// The hub's WebSocket connections that skip the negotiation on the server's own transport, next to SignalR's
/// negotiation, negotiated connections, Server-Sent Events and long polling: which transport serves whom, and the duties SignalR's transport had (keep-alive pings, handshake
/// errors, closing). The same tests run with the option off, on SignalR's own transport, which behaves the same.
/// </summary>
[TestFixture(true, TestName = "HubSocketTransportTests(own transport)")]
[TestFixture(false, TestName = "HubSocketTransportTests(SignalR's transport)")]
public sealed class HubSocketTransportTests(bool direct)
{
    private NegotiationServerFactory _server = null!;

    [OneTimeSetUp]
    public void Start() => _server = new NegotiationServerFactory(
        new Dictionary<string, string> { ["Collaboration:DirectHubSockets"] = direct.ToString() },
        services: services =>
        {
            services.Configure<HubOptions>(hub => hub.KeepAliveInterval = TimeSpan.FromMilliseconds(500));
            services.Configure<ConnectionOptions>(connections => connections.DisconnectTimeout = TimeSpan.FromSeconds(1));
        }).Started();

    [OneTimeTearDown]
    public void Stop() => _server.Dispose();

    private HubSocketTransport Transport => _server.Services.GetRequiredService<HubSocketTransport>();

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_client_that_skips_the_negotiation_is_served_on_the_servers_own_socket_and_one_that_negotiates_on_signalrs(bool messagePack)
    {
        var before = Transport.Count;
        var signalRBefore = SignalRConnections();
        var connection = Connect(HttpTransportType.WebSockets, skipNegotiation: false, messagePack);
        await using var chair = await HubPeer.JoinAsync(connection, _server.Document.ToString());
        await using var secretariat = await HubPeer.JoinAsync(_server.Server, _server.Invites.Secretariat, _server.Document.ToString(), messagePack);

        Assert.That(Transport.Count, Is.EqualTo(before + (direct ? 1 : 0)), "the secretariat skipped the negotiation");
        Assert.That(SignalRConnections(), Is.EqualTo(signalRBefore + (direct ? 1 : 2)), "the chair negotiated");
        await chair.AppendAsync(" [negotiated]");
        Assert.That(await Eventually.HoldsAsync(() => secretariat.Peer.Text.EndsWith(" [negotiated]")), Is.True);
        await secretariat.AppendAsync(" [skipped]");
        Assert.That(await Eventually.HoldsAsync(() => chair.Peer.Text.EndsWith(" [skipped]")), Is.True);

        await chair.DisposeAsync();
        await secretariat.DisposeAsync();
        Assert.That(await Eventually.HoldsAsync(() => Transport.Count == before), Is.True, "a closed connection leaves the transport");
        Assert.That(await Eventually.HoldsAsync(() => SignalRConnections() == signalRBefore), Is.True,
            "SignalR lets go of the negotiated connection once it is closed");
    }

    [TestCase(HttpTransportType.LongPolling)]
    [TestCase(HttpTransportType.ServerSentEvents)]
    public async Task Clients_without_websockets_still_work_through_signalrs_transports(HttpTransportType transport)
    {
        var before = Transport.Count;
        await using var chair = await HubPeer.JoinAsync(Connect(transport, skipNegotiation: false, messagePack: false), _server.Document.ToString());
        await using var observer = await HubPeer.JoinAsync(_server.Server, _server.Invites.Observer, _server.Document.ToString());

        await chair.AppendAsync($" [{transport}]");

        Assert.That(await Eventually.HoldsAsync(() => observer.Peer.Text.EndsWith($" [{transport}]")), Is.True);
        Assert.That(Transport.Count, Is.EqualTo(before + (direct ? 1 : 0)), "only the WebSocket client is on the server's transport");
    }

    [Test]
    public async Task A_connection_without_an_invite_is_refused_before_it_reaches_the_transport()
    {
        var before = Transport.Count;
        var client = _server.Server.CreateWebSocketClient();

        var refused = Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.ConnectAsync(new Uri(_server.Server.BaseAddress, "hubs/collab?access_token=not-an-invite"), CancellationToken.None));

        Assert.That(refused!.Message, Does.Contain("401"));
        Assert.That(Transport.Count, Is.EqualTo(before));
    }

    [Test]
    public async Task An_idle_client_gets_keep_alive_pings()
    {
        using var socket = await RawSocketAsync();
        await HandshakeAsync(socket);

        var message = await ReceiveTextAsync(socket, TimeSpan.FromSeconds(5));

        Assert.That(message, Is.EqualTo("{\"type\":6}\u001e"));
    }

    [Test]
    public async Task A_handshake_for_an_unknown_protocol_is_answered_with_an_error_and_the_socket_closed()
    {
        using var socket = await RawSocketAsync();
        await SendTextAsync(socket, "{\"protocol\":\"carrier-pigeon\",\"version\":1}\u001e");

        var answer = await ReceiveTextAsync(socket, TimeSpan.FromSeconds(5));
        var end = await socket.ReceiveAsync(new byte[64], new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        Assert.That(answer, Is.EqualTo("{\"error\":\"The protocol 'carrier-pigeon' is not supported.\"}\u001e"));
        Assert.That(end.MessageType, Is.EqualTo(WebSocketMessageType.Close));
    }

    [Test]
    public async Task A_client_that_closes_its_socket_leaves_every_document_it_joined()
    {
        var before = Transport.Count;
        await using var chair = await HubPeer.JoinAsync(_server.Server, _server.Invites.Chair, _server.Document.ToString());
        Assert.That(Transport.Count, Is.EqualTo(before + (direct ? 1 : 0)));

        await chair.Connection.StopAsync();

        Assert.That(await Eventually.HoldsAsync(() => Transport.Count == before), Is.True);
        var rooms = _server.Services.GetRequiredService<NegotiationEditor.Server.Collaboration.DocumentRooms>();
        Assert.That(await Eventually.HoldsAsync(() => rooms.Loaded.All(room => room.Connections.IsEmpty)), Is.True,
            "the connection left its rooms");
    }

    // How many connections SignalR's HTTP layer holds (negotiated or running). Its connection manager is internal: read
    // through reflection, so that a change of SignalR's insides fails this test rather than passing it.
    private int SignalRConnections()
    {
        var managerType = typeof(ConnectionOptions).Assembly.GetType("Microsoft.AspNetCore.Http.Connections.Internal.HttpConnectionManager", throwOnError: true)!;
        var manager = _server.Services.GetRequiredService(managerType);
        var connections = managerType.GetField("_connections", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .GetValue(manager)!;
        return (int)connections.GetType().GetProperty("Count")!.GetValue(connections)!;
    }

    private HubConnection Connect(HttpTransportType transport, bool skipNegotiation, bool messagePack)
    {
        var url = new Uri(_server.Server.BaseAddress, "hubs/collab?access_token=" + Uri.EscapeDataString(_server.Invites.Chair));
        var builder = new HubConnectionBuilder().WithUrl(url, options =>
        {
            options.Transports = transport;
            options.SkipNegotiation = skipNegotiation;
            options.HttpMessageHandlerFactory = _ => _server.Server.CreateHandler();
            options.WebSocketFactory = async (context, cancellation) =>
                await _server.Server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellation);
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        return builder.Build();
    }

    private async Task<WebSocket> RawSocketAsync() =>
        await _server.Server.CreateWebSocketClient().ConnectAsync(
            new Uri(_server.Server.BaseAddress, "hubs/collab?access_token=" + Uri.EscapeDataString(_server.Invites.Observer)), CancellationToken.None);

    private static async Task HandshakeAsync(WebSocket socket)
    {
        await SendTextAsync(socket, "{\"protocol\":\"json\",\"version\":1}\u001e");
        Assert.That(await ReceiveTextAsync(socket, TimeSpan.FromSeconds(5)), Is.EqualTo("{}\u001e"));
    }

    private static Task SendTextAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    private static async Task<string> ReceiveTextAsync(WebSocket socket, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        var buffer = new byte[16 * 1024];
        var length = 0;
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), deadline.Token);
            length += result.Count;
        }
        while (!result.EndOfMessage);
        Assert.That(result.MessageType, Is.EqualTo(WebSocketMessageType.Text));
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
