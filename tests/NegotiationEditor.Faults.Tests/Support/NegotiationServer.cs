using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NegotiationEditor.Faults.Tests.Support;

/// <summary>
/// A real server process (<c>dotnet NegotiationEditor.Server.dll</c>, built beside the tests) on a loopback port with
/// its own data folder. It can be killed (SIGKILL: no flush, no shutdown) and started again on the same port and data.
/// </summary>
public sealed class NegotiationServer : IDisposable
{
    private readonly StringBuilder _log = new();
    private readonly Dictionary<string, int> _errors = [];
    private bool _errorFollows;
    private readonly IReadOnlyList<string> _arguments;
    private Process? _process;

    private NegotiationServer(string dataFolder, Uri address, IReadOnlyList<string> arguments)
    {
        DataFolder = dataFolder;
        Address = address;
        _arguments = arguments;
    }

    public string DataFolder { get; }

    public Uri Address { get; }

    /// <summary>The process id while it runs.</summary>
    public int ProcessId => _process?.Id ?? 0;

    /// <summary>What the server printed (for failure messages): the last 4000 characters.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                var text = _log.ToString();
                return text.Length > 4000 ? text[^4000..] : text;
            }
        }
    }

    /// <summary>The errors the server logged (the message line after each <c>fail:</c>), with how often each came.</summary>
    public IReadOnlyDictionary<string, int> Errors
    {
        get
        {
            lock (_log)
            {
                return new Dictionary<string, int>(_errors);
            }
        }
    }

    /// <summary>Starts a server on a free port with <paramref name="dataFolder"/> and the extra command-line settings.</summary>
    public static async Task<NegotiationServer> StartAsync(string dataFolder, params string[] arguments)
    {
        var server = new NegotiationServer(dataFolder, new Uri($"http://127.0.0.1:{FreePort()}/"), arguments);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Kills the process with SIGKILL and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            await running.WaitForExitAsync();
        }
    }

    /// <summary>Starts the process (again) on the same port and data folder and waits until it serves.</summary>
    public async Task StartAgainAsync()
    {
        _process?.Dispose();
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } found ? found : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NegotiationEditor.Server.dll"));
        foreach (var argument in (string[])["--urls", Address.ToString().TrimEnd('/'), "--data", DataFolder, .. _arguments])
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Every client of a run shares a handful of tokens; the REST rate limit is not what is tested here.
        start.Environment["NegotiationApi__RequestsPerWindow"] = "100000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilServingAsync(_process);
    }

    public void Dispose()
    {
        try
        {
            if (_process is { HasExited: false } running)
            {
                running.Kill(entireProcessTree: true);
                running.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process?.Dispose();
    }

    private async Task WaitUntilServingAsync(Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server process exited with {process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri(Address, "openapi/v1.json"));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
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
            if (_errorFollows)
            {
                _errors[line.Trim()] = _errors.GetValueOrDefault(line.Trim()) + 1;
            }
            _errorFollows = line.StartsWith("fail:", StringComparison.Ordinal);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
