using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace NegotiationEditor.Server.WebSockets;

/// <summary>
/// Accepts a WebSocket request (on <c>/ws</c> or the hub's own transport) so that what the server sends goes straight
/// to the connection's socket (<see cref="SocketOutputStream"/>) when that is safe: a plain HTTP/1.1 connection on
/// Kestrel's socket transport, with inline scheduling (so the 101 response has left when the upgrade returns).
/// Otherwise (TLS, HTTP/2, the test server, no socket) the request is accepted the usual way.
/// </summary>
internal static class DirectWebSockets
{
    // RFC 6455, section 1.3: appended to the client's key before hashing.
    private const string HandshakeGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>
    /// Accepts the WebSocket request; <paramref name="direct"/> says whether writing straight to the socket is allowed.
    /// Returns the WebSocket and, when it does write straight to its socket, the stream under it (which also takes
    /// whole prepared frames, <see cref="SocketOutputStream.TryWrite"/>).
    /// </summary>
    public static async Task<(WebSocket Socket, SocketOutputStream? Direct)> AcceptAsync(HttpContext context, bool direct)
    {
        if (direct && DirectSocketOf(context) is { } socket && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade)
        {
            var options = context.RequestServices.GetRequiredService<IOptions<WebSocketOptions>>().Value;
            context.Response.Headers.Connection = "Upgrade";
            context.Response.Headers.Upgrade = "websocket";
            context.Response.Headers.SecWebSocketAccept = AcceptKey(context.Request.Headers.SecWebSocketKey.ToString());
            var input = await upgrade.UpgradeAsync().ConfigureAwait(false);
            var stream = new SocketOutputStream(input, socket);
            return (WebSocket.CreateFromStream(stream, new WebSocketCreationOptions
            {
                IsServer = true,
                KeepAliveInterval = options.KeepAliveInterval,
                KeepAliveTimeout = options.KeepAliveTimeout,
            }), stream);
        }
        return (await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false), null);
    }

    /// <summary>The value of <c>Sec-WebSocket-Accept</c> for a client's <c>Sec-WebSocket-Key</c>.</summary>
    public static string AcceptKey(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key.Trim() + HandshakeGuid)));

    // The socket, when the connection is plain HTTP/1.1 straight on it: TLS, HTTP/2 (WebSockets over CONNECT) and
    // anything else between the socket and the request would be skipped by writing to the socket.
    internal static Socket? DirectSocketOf(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && HttpProtocol.IsHttp11(context.Request.Protocol)
        && !context.Request.IsHttps
        && context.Features.Get<ITlsConnectionFeature>() is null
        && context.Features.Get<IConnectionSocketFeature>()?.Socket is { Connected: true } socket
            ? socket
            : null;
}
