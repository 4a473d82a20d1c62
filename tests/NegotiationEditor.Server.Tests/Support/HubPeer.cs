using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationEditor.Server.Tests.Support;

/// <summary>A real SignalR client on /hubs/collab carrying a <see cref="SyncingPeer"/> for one document.</summary>
public sealed class HubPeer : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly string _documentId;
    private readonly TaskCompletionSource<Exception?> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private HubPeer(HubConnection connection, string documentId, SyncingPeer peer)
    {
        _connection = connection;
        _documentId = documentId;
        Peer = peer;
        _connection.On<string, byte[]>("Receive", async (document, frame) =>
        {
            if (document != _documentId)
            {
                return;
            }
            if (Peer.Handle(frame) is { } answer)
            {
                await _connection.SendAsync("Send", _documentId, answer);
            }
        });
        _connection.Closed += error =>
        {
            _closed.TrySetResult(error);
            return Task.CompletedTask;
        };
    }

    public SyncingPeer Peer { get; }

    public HubConnection Connection => _connection;

    public Task<Exception?> Closed => _closed.Task;

    public static HubConnection Build(TestServer server, string token, bool messagePack)
    {
        var url = new Uri(server.BaseAddress, "hubs/collab?access_token=" + Uri.EscapeDataString(token));
        var builder = new HubConnectionBuilder().WithUrl(url, options =>
        {
            options.Transports = HttpTransportType.WebSockets;
            options.SkipNegotiation = true;
            options.HttpMessageHandlerFactory = _ => server.CreateHandler();
            options.WebSocketFactory = async (context, cancellation) =>
                await server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellation);
        });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        return builder.Build();
    }

    /// <summary>Connects, joins the document, sends its sync step 1 and waits until it is synced.</summary>
    public static async Task<HubPeer> JoinAsync(HubConnection connection, string documentId, SyncingPeer? peer = null)
    {
        var hubPeer = new HubPeer(connection, documentId, peer ?? new SyncingPeer());
        await connection.StartAsync();
        await connection.InvokeAsync("Join", documentId);
        await connection.InvokeAsync("Send", documentId, hubPeer.Peer.SyncStepOne());
        Assert.That(await Eventually.HoldsAsync(() => hubPeer.Peer.Synced), Is.True, "the server's sync step 2 arrived");
        return hubPeer;
    }

    public static Task<HubPeer> JoinAsync(TestServer server, string token, string documentId, bool messagePack = false) =>
        JoinAsync(Build(server, token, messagePack), documentId);

    /// <summary>Sends frames one after the other, each invocation completing once the server has handled it.</summary>
    public async Task SendAsync(IEnumerable<byte[]> frames)
    {
        foreach (var frame in frames)
        {
            await _connection.InvokeAsync("Send", _documentId, frame);
        }
    }

    public Task AppendAsync(string text) => SendAsync(Peer.Append(text));

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
