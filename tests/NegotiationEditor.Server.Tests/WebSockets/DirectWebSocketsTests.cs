using System.Net.Sockets;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using NegotiationEditor.Server.WebSockets;

namespace NegotiationEditor.Server.Tests.WebSockets;

/// <summary>When a WebSocket's output may go straight to its socket, and the handshake's accept key.</summary>
public sealed class DirectWebSocketsTests
{
    [Test]
    public void The_accept_key_is_the_one_of_RFC_6455s_example()
    {
        // RFC 6455, section 1.3.
        Assert.That(DirectWebSockets.AcceptKey("dGhlIHNhbXBsZSBub25jZQ=="), Is.EqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    [Test]
    public async Task Only_a_plain_HTTP_1_1_GET_on_a_connected_socket_is_written_straight_to_it()
    {
        var sockets = await LoopbackSockets.ConnectAsync();
        using var connected = sockets.Server;
        using var client = sockets.Client;
        using var unconnected = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        HttpContext Request(Socket? socket, string protocol = "HTTP/1.1", string method = "GET", string scheme = "http", bool tls = false)
        {
            var context = new DefaultHttpContext();
            context.Request.Protocol = protocol;
            context.Request.Method = method;
            context.Request.Scheme = scheme;
            if (socket is not null)
            {
                context.Features.Set<IConnectionSocketFeature>(new SocketFeature(socket));
            }
            if (tls)
            {
                context.Features.Set<ITlsConnectionFeature>(new TlsConnectionFeature());
            }
            return context;
        }

        Assert.Multiple(() =>
        {
            Assert.That(DirectWebSockets.DirectSocketOf(Request(connected)), Is.SameAs(connected), "plain HTTP/1.1 GET");
            Assert.That(DirectWebSockets.DirectSocketOf(Request(null)), Is.Null, "no socket (the test server, another transport)");
            Assert.That(DirectWebSockets.DirectSocketOf(Request(unconnected)), Is.Null, "a socket that is not connected");
            Assert.That(DirectWebSockets.DirectSocketOf(Request(connected, scheme: "https")), Is.Null, "HTTPS");
            Assert.That(DirectWebSockets.DirectSocketOf(Request(connected, tls: true)), Is.Null, "TLS on the connection");
            Assert.That(DirectWebSockets.DirectSocketOf(Request(connected, protocol: "HTTP/2")), Is.Null, "HTTP/2 (WebSockets over CONNECT)");
            Assert.That(DirectWebSockets.DirectSocketOf(Request(connected, method: "CONNECT")), Is.Null, "not a GET");
        });
    }

    private sealed class SocketFeature(Socket socket) : IConnectionSocketFeature
    {
        public Socket Socket => socket;
    }
}
