using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationEditor.Testing;

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

    /// <summary>The document as this client holds it.</summary>
    public SyncingPeer Peer { get; }

    /// <summary>The SignalR connection, for invocations of the test's own.</summary>
    public HubConnection Connection => _connection;

    /// <summary>Completes when the connection closes, with the error the server gave, if any.</summary>
    public Task<Exception?> Closed => _closed.Task;

    /// <summary>A hub connection to an in-memory server (JSON unless <paramref name="messagePack"/>), not yet started.</summary>
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
    /// <exception cref="TimeoutException">The server's sync step 2 did not arrive.</exception>
    public static async Task<HubPeer> JoinAsync(HubConnection connection, string documentId, SyncingPeer? peer = null)
    {
        var hubPeer = new HubPeer(connection, documentId, peer ?? new SyncingPeer());
        await connection.StartAsync();
        await connection.InvokeAsync("Join", documentId);
        await connection.InvokeAsync("Send", documentId, hubPeer.Peer.SyncStepOne());
        if (!await Eventually.HoldsAsync(() => hubPeer.Peer.Synced))
        {
            await hubPeer.DisposeAsync();
            throw new TimeoutException($"the server's sync step 2 for {documentId} did not arrive on the hub");
        }
        return hubPeer;
    }

    /// <summary>Joins a document of an in-memory server.</summary>
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

    /// <summary>Appends text at the end of the document and sends the update.</summary>
    public Task AppendAsync(string text) => SendAsync(Peer.Append(text));

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
