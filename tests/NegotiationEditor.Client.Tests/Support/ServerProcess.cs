using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NegotiationEditor.Client.Tests.Support;

/// <summary>
/// The real server process (<c>dotnet NegotiationEditor.Server.dll --urls ... --data ...</c>) on a free loopback port
/// with a temporary data folder; killed and its folder removed on dispose.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private readonly StringBuilder _log = new();
    private Process _process;

    private ServerProcess(Process process, string dataFolder, Uri address)
    {
        _process = process;
        DataFolder = dataFolder;
        Address = address;
    }

    public string DataFolder { get; }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    public InviteBook Invites => InviteBook.Read(DataFolder, Address);

    /// <summary>What the server printed so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<ServerProcess> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("negotiation-server-process-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var server = new ServerProcess(Launch(data, address), data, address);
        server.Follow();
        await server.WaitUntilServingAsync();
        return server;
    }

    /// <summary>Kills the process with SIGKILL (no clean shutdown) and starts it again on the same port and data.</summary>
    public async Task KillAndRestartAsync(Func<Task>? whileDown = null)
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        if (whileDown is not null)
        {
            await whileDown();
        }
        _process = Launch(DataFolder, Address);
        Follow();
        await WaitUntilServingAsync();
    }

    private static Process Launch(string data, Uri address)
    {
        var start = Dotnet(Path.Combine(AppContext.BaseDirectory, "NegotiationEditor.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        start.WorkingDirectory = AppContext.BaseDirectory;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["NegotiationApi__RequestsPerWindow"] = "100000";
        return Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
    }

    private void Follow()
    {
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>A process start for <c>dotnet ASSEMBLY</c> with redirected streams.</summary>
    public static ProcessStartInfo Dotnet(string assembly)
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } found ? found : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        return start;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in the temporary folder.
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server process exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "openapi/v1.json"));
                if (response.StatusCode == HttpStatusCode.OK && File.Exists(Path.Combine(DataFolder, "invites.csv")))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"the server did not serve {Address} within 90 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
