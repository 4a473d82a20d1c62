using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NegotiationEditor.Replay.Tests.Support;

/// <summary>
/// The real server process on a free loopback port with an empty temporary data folder (so it seeds the sample and
/// writes invites.csv); killed and its folder removed on dispose.
/// </summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private RunningServer(Process process, string dataFolder, Uri address)
    {
        _process = process;
        DataFolder = dataFolder;
        Address = address;
    }

    public string DataFolder { get; }

    public Uri Address { get; }

    public string Invites => Path.Combine(DataFolder, "invites.csv");

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

    public static async Task<RunningServer> StartAsync()
    {
        var data = Directory.CreateTempSubdirectory("negotiation-replay-").FullName;
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } found ? found : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NegotiationEditor.Server.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address.ToString().TrimEnd('/'));
        start.ArgumentList.Add("--data");
        start.ArgumentList.Add(data);
        start.ArgumentList.Add("--samples");
        start.ArgumentList.Add(SampleFiles.Folder);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The chair makes more than the default 120 requests in 10 s when the day is played at full speed.
        start.Environment["NegotiationApi__RequestsPerWindow"] = "100000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        var server = new RunningServer(process, data, address);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilSeededAsync();
        return server;
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

    private async Task WaitUntilSeededAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "openapi/v1.json"));
                if (response.IsSuccessStatusCode && File.Exists(Invites))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the server did not serve within 60 s:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
