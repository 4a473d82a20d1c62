using System.Net;
using System.Net.Sockets;
using NegotiationEditor.Faults.Tests.Support;

namespace NegotiationEditor.Faults.Tests.Proxy;

/// <summary>
/// A TCP proxy on a loopback port in front of a server: every connection accepted is passed on to the server byte for
/// byte, and while the proxy is <see cref="IsFaulty"/> it drops connections (reset or close), holds data back and
/// stops reading from one side for a while, as a bad network does. Nothing is ever lost silently: data is only lost
/// together with its connection, which both ends see closed. <see cref="Calm"/> ends every fault at once.
/// </summary>
public sealed class FaultyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly int _seed;
    private readonly FaultPlan _plan;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly List<Task> _connections = [];
    private CancellationTokenSource _calm = new();
    private readonly Task _accepting;
    private int _accepted;
    private int _drops;
    private int _resets;
    private int _stalls;
    private int _delays;

    public FaultyProxy(Uri server, int seed, FaultPlan plan)
    {
        _server = new IPEndPoint(IPAddress.Parse(server.Host), server.Port);
        _seed = seed;
        _plan = plan;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>Where clients connect instead of the server.</summary>
    public Uri Address { get; }

    /// <summary>Whether faults are being made now.</summary>
    public bool IsFaulty { get; private set; }

    /// <summary>What the proxy did so far, for the test's output.</summary>
    public string Summary =>
        $"{Volatile.Read(ref _accepted)} connections, {Volatile.Read(ref _drops)} dropped ({Volatile.Read(ref _resets)} by reset), " +
        $"{Volatile.Read(ref _stalls)} stalls, {Volatile.Read(ref _delays)} delayed chunks";

    /// <summary>How many connections the proxy dropped.</summary>
    public int Drops => Volatile.Read(ref _drops);

    /// <summary>Starts disturbing connections, the open ones and those accepted from now on.</summary>
    public void Disturb()
    {
        lock (_gate)
        {
            _calm = new CancellationTokenSource();
            IsFaulty = true;
        }
    }

    /// <summary>Ends every fault: stalls and held-back data go on at once, no connection is dropped any more.</summary>
    public void Calm()
    {
        lock (_gate)
        {
            IsFaulty = false;
            _calm.Cancel();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Calm();
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] connections;
        lock (_gate)
        {
            connections = [.. _connections];
        }
        await Task.WhenAll(connections);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            var number = Interlocked.Increment(ref _accepted);
            var connection = CarryAsync(client, number);
            lock (_gate)
            {
                _connections.RemoveAll(task => task.IsCompleted);
                _connections.Add(connection);
            }
        }
    }

    private async Task CarryAsync(Socket client, int number)
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            try
            {
                await server.ConnectAsync(_server, _stop.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException)
            {
                return;
            }

            // One random source per decision stream, each seeded from the run's seed and the connection's number.
            var lifetime = new Random(Seeds.Mix(_seed, number, 0));
            using var ended = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var upstream = PumpAsync(client, server, new Random(Seeds.Mix(_seed, number, 1)), ended.Token);
            var downstream = PumpAsync(server, client, new Random(Seeds.Mix(_seed, number, 2)), ended.Token);
            var dropping = DropLaterAsync(client, server, lifetime, ended.Token);
            await Task.WhenAny(Task.WhenAll(upstream, downstream), dropping);
            await ended.CancelAsync();
            await Task.WhenAll(upstream, downstream, dropping);
        }
        finally
        {
            client.Dispose();
        }
    }

    private async Task DropLaterAsync(Socket client, Socket server, Random random, CancellationToken ended)
    {
        while (!ended.IsCancellationRequested)
        {
            var calm = CurrentCalm();
            if (calm is null)
            {
                // Faults are off: look again in a while (they may be switched on for open connections).
                if (!await WaitAsync(TimeSpan.FromMilliseconds(100), ended))
                {
                    return;
                }
                continue;
            }
            using var either = CancellationTokenSource.CreateLinkedTokenSource(ended, calm.Value);
            var lifetime = FaultPlan.Exponential(random, _plan.MeanLifetime);
            var reset = random.NextDouble() < _plan.ResetShare;
            if (!await WaitAsync(lifetime, either.Token) || CurrentCalm() is null)
            {
                continue;
            }
            Interlocked.Increment(ref _drops);
            if (reset)
            {
                Interlocked.Increment(ref _resets);
                client.LingerState = new LingerOption(true, 0);
                server.LingerState = new LingerOption(true, 0);
            }
            else
            {
                Shut(client);
                Shut(server);
            }
            client.Close();
            server.Close();
            return;
        }
    }

    private async Task PumpAsync(Socket from, Socket to, Random random, CancellationToken ended)
    {
        var buffer = new byte[16 * 1024];
        var nextStall = DateTime.UtcNow + FaultPlan.Exponential(random, _plan.MeanTimeBetweenStalls);
        try
        {
            while (true)
            {
                if (CurrentCalm() is { } stallCalm && DateTime.UtcNow >= nextStall)
                {
                    // Stop reading from the sender: its data piles up in the socket buffers and it is pushed back.
                    Interlocked.Increment(ref _stalls);
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(ended, stallCalm);
                    await WaitAsync(FaultPlan.Between(random, TimeSpan.FromMilliseconds(200), _plan.MaxStall), either.Token);
                    nextStall = DateTime.UtcNow + FaultPlan.Exponential(random, _plan.MeanTimeBetweenStalls);
                }

                var read = await from.ReceiveAsync(buffer, SocketFlags.None, ended);
                if (read == 0)
                {
                    Shut(to);
                    return;
                }

                if (CurrentCalm() is { } delayCalm && random.NextDouble() < _plan.DelayChance)
                {
                    Interlocked.Increment(ref _delays);
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(ended, delayCalm);
                    await WaitAsync(FaultPlan.Between(random, TimeSpan.FromMilliseconds(1), _plan.MaxDelay), either.Token);
                }

                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, ended);
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The connection ended (dropped here, closed by one side, or the proxy stops): end the other side too.
            Abort(from);
            Abort(to);
        }
    }

    private CancellationToken? CurrentCalm()
    {
        lock (_gate)
        {
            return IsFaulty ? _calm.Token : null;
        }
    }

    /// <summary>Waits; false when cancelled first.</summary>
    private static async Task<bool> WaitAsync(TimeSpan wait, CancellationToken cancellation)
    {
        try
        {
            await Task.Delay(wait, cancellation);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static void Shut(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
        }
    }

    private static void Abort(Socket socket)
    {
        try
        {
            socket.Close();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
