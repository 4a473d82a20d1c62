using System.Net;
using System.Net.Sockets;

namespace NegotiationEditor.Server.Tests.WebSockets;

/// <summary>Two real TCP sockets connected to each other on the loopback interface.</summary>
internal static class LoopbackSockets
{
    /// <summary>Connects a client to a one-off listener and returns both ends; the caller disposes them.</summary>
    public static async Task<(Socket Server, Socket Client)> ConnectAsync()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accepting = listener.AcceptAsync();
        await client.ConnectAsync(listener.LocalEndPoint!);
        return (await accepting, client);
    }
}
