using System.Net;
using System.Net.Sockets;

namespace NegotiationEditor.Testing;

/// <summary>Ports on 127.0.0.1 for the processes the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>A port nobody listens on right now (the system's choice of a free one).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until something accepts connections on <paramref name="port"/>.</summary>
    /// <exception cref="TimeoutException">Nothing listened within <paramref name="limit"/>.</exception>
    public static void WaitUntilListening(int port, string what, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
                Thread.Sleep(100);
            }
            catch (SocketException)
            {
                throw new TimeoutException($"{what} did not listen on 127.0.0.1:{port} within {limit.TotalSeconds:0} s");
            }
        }
    }
}
