using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using NegotiationEditor.Server.Seeding;

namespace NegotiationEditor.Testing;

/// <summary>
/// The real server process (<c>dotnet NegotiationEditor.Server.dll</c>, built with the tests, run from the server
/// project's folder as <c>dotnet run</c> runs it) on a free loopback port. It can be killed (SIGKILL), stopped
/// (SIGTERM) and started again on the same port and data folder; what it prints is kept for failure messages.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable, IDisposable
{
    private readonly ServerOptions _options;
    private readonly bool _ownsDataFolder;
    private readonly StringBuilder _output = new();
    private Process? _process;

    private ServerProcess(ServerOptions options, string dataFolder, bool ownsDataFolder, Uri address)
    {
        _options = options;
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
        Address = address;
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    /// <summary>The data folder (<c>--data</c>).</summary>
    public string DataFolder { get; }

    /// <summary>The path of invites.csv in the data folder.</summary>
    public string InvitesFile => Path.Combine(DataFolder, InvitesCsv.FileName);

    /// <summary>The invites in invites.csv, read now.</summary>
    public SeededInvites Invites => SeededInvites.Read(DataFolder);

    /// <summary>The id of the running process.</summary>
    public int ProcessId => Current.Id;

    /// <summary>Whether the process has ended (killed, stopped, or failed).</summary>
    public bool HasExited => Current.HasExited;

    /// <summary>The exit code of the process once it has ended.</summary>
    /// <exception cref="InvalidOperationException">It is still running.</exception>
    public int ExitCode => Current.HasExited ? Current.ExitCode : throw new InvalidOperationException("the server process is still running");

    /// <summary>Everything the process printed so far, standard output and error interleaved, across restarts.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// The errors the server logged so far (the message line after each console <c>fail:</c> line), with how often
    /// each came: a short account for a failure message where the whole output would be too long.
    /// </summary>
    public IReadOnlyDictionary<string, int> LoggedErrors
    {
        get
        {
            var errors = new Dictionary<string, int>();
            var lines = Output.Split('\n');
            for (var i = 0; i + 1 < lines.Length; i++)
            {
                if (lines[i].StartsWith("fail:", StringComparison.Ordinal))
                {
                    var message = lines[i + 1].Trim();
                    errors[message] = errors.GetValueOrDefault(message) + 1;
                }
            }
            return errors;
        }
    }

    private Process Current => _process ?? throw new InvalidOperationException("the server process was not started");

    /// <summary>Starts a server and waits until it answers (and, unless told otherwise, has written invites.csv).</summary>
    /// <exception cref="InvalidOperationException">The process ended at start; the message carries its output.</exception>
    /// <exception cref="TimeoutException">It did not answer in time; the message carries its output.</exception>
    public static async Task<ServerProcess> StartAsync(ServerOptions? options = null)
    {
        options ??= new ServerOptions();
        var owns = options.DataFolder is null;
        var data = options.DataFolder ?? Directory.CreateTempSubdirectory("negotiation-server-").FullName;
        var server = new ServerProcess(options, data, owns, new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/"));
        try
        {
            await server.LaunchAsync();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>Starts a server on an existing data folder, which is left in place.</summary>
    public static Task<ServerProcess> StartAsync(string dataFolder) => StartAsync(new ServerOptions { DataFolder = dataFolder });

    /// <summary>A SignalR connection to the hub (MessagePack unless told otherwise), not yet started.</summary>
    public HubConnection Hub(string token, bool messagePack = true)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "hubs/collab?access_token=" + Uri.EscapeDataString(token)), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
        if (messagePack)
        {
            builder.AddMessagePackProtocol();
        }
        return builder.Build();
    }

    /// <summary>The y-websocket address of a document, <c>ws://HOST:PORT/ws/{documentId}?access_token=...</c>.</summary>
    public Uri Websocket(string documentId, string token) =>
        new($"ws://{Address.Authority}/ws/{documentId}?access_token={Uri.EscapeDataString(token)}");

    /// <summary>Kills the process with SIGKILL: nothing runs after it, no flush, no shutdown.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    /// <summary>Stops the process with SIGTERM, as a service manager does, and waits for its orderly shutdown.</summary>
    /// <exception cref="TimeoutException">It was still running after <paramref name="limit"/> (then it is killed).</exception>
    public async Task StopAsync(TimeSpan? limit = null)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        var signal = await ChildProcess.RunAsync(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) } });
        if (signal.ExitCode != 0)
        {
            throw new InvalidOperationException($"SIGTERM could not be sent to {process.Id}: {signal}");
        }
        using var bound = new CancellationTokenSource(limit ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the server did not stop on SIGTERM:\n{Output}");
        }
    }

    /// <summary>Starts the process again on the same port and data folder, once it was killed or stopped.</summary>
    public async Task RestartAsync()
    {
        if (_process is { HasExited: false })
        {
            throw new InvalidOperationException("the server is still running: kill or stop it before restarting it");
        }
        _process?.Dispose();
        _process = null;
        Append("---- restarted ----");
        await LaunchAsync();
    }

    /// <summary>Kills the process (SIGKILL), runs <paramref name="whileDown"/>, and starts it again.</summary>
    public async Task KillAndRestartAsync(Func<Task>? whileDown = null)
    {
        Kill();
        if (whileDown is not null)
        {
            await whileDown();
        }
        await RestartAsync();
    }

    /// <summary>Kills the process and removes the data folder if it was made here.</summary>
    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process?.Dispose();
        if (_ownsDataFolder)
        {
            try
            {
                Directory.Delete(DataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held for a moment: the folder stays in the temporary directory.
            }
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task LaunchAsync()
    {
        var start = ChildProcess.Dotnet(ServerAssembly());
        start.WorkingDirectory = Repository.ServerProject;
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_NOLOGO"] = "1";
        if (_options.RequestsPerWindow is { } requests)
        {
            start.Environment["NegotiationApi__RequestsPerWindow"] = requests.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var (name, value) in _options.Environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        _process = process;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilServingAsync(process);
    }

    private IEnumerable<string> Arguments()
    {
        yield return "--urls";
        yield return Address.ToString().TrimEnd('/');
        yield return "--data";
        yield return DataFolder;
        if (_options.Redis is { } redis)
        {
            yield return "--redis";
            yield return redis;
        }
        if (_options.Postgres is { } postgres)
        {
            yield return "--postgres";
            yield return postgres;
        }
        foreach (var argument in _options.Arguments)
        {
            yield return argument;
        }
    }

    private async Task WaitUntilServingAsync(Process process)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + _options.StartLimit;
        while (DateTime.UtcNow < until)
        {
            // Let the output of a process that just ended arrive before it is quoted.
            if (process.WaitForExit(0))
            {
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"the server process exited with {process.ExitCode}:\n{Output}");
            }
            try
            {
                using var answer = await http.GetAsync(new Uri(Address, "openapi/v1.json"));
                if (answer.IsSuccessStatusCode && (!_options.WaitForInvites || File.Exists(InvitesFile)))
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
            await Task.Delay(100);
        }
        Kill();
        throw new TimeoutException($"the server did not serve {Address} within {_options.StartLimit.TotalSeconds:0} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>The server built with the tests: beside them (it is a reference), else in the server's own bin folder.</summary>
    private static string ServerAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "NegotiationEditor.Server.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var own = Path.Combine(Repository.ServerProject, "bin", framework.Parent!.Name, framework.Name, "NegotiationEditor.Server.dll");
        return File.Exists(own)
            ? own
            : throw new FileNotFoundException($"The server is not built: neither {beside} nor {own} exists (build the test project).");
    }
}
