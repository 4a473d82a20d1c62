using System.Diagnostics;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationEditor.Scaleout.Tests.Support;

/// <summary>One real server process (the built NegotiationEditor.Server.dll) started with --redis and --postgres.</summary>
public sealed class ServerNode : IDisposable
{
    private readonly Process _process;

    private ServerNode(Process process, Uri address, string dataFolder)
    {
        _process = process;
        Address = address;
        DataFolder = dataFolder;
    }

    public Uri Address { get; }

    public string DataFolder { get; }

    public static async Task<ServerNode> StartAsync(string redis, string postgres)
    {
        var data = Path.Combine(Path.GetTempPath(), "negotiation-node-" + Guid.NewGuid().ToString("N"));
        var address = new Uri($"http://127.0.0.1:{SharedServices.FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ServerDll(), "--data", data, "--urls", address.ToString().TrimEnd('/'), "--redis", redis, "--postgres", postgres },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                if (Directory.Exists(data))
                {
                    Directory.Delete(data, recursive: true);
                }
                lock (errors)
                {
                    throw new InvalidOperationException($"the server process exited with {process.ExitCode}: {errors}");
                }
            }
            try
            {
                if ((await http.GetAsync(new Uri(address, "openapi/v1.json"))).IsSuccessStatusCode)
                {
                    return new ServerNode(process, address, data);
                }
            }
            catch (HttpRequestException)
            {
            }
            if (DateTime.UtcNow > until)
            {
                process.Kill();
                throw new TimeoutException("the server process did not answer within a minute");
            }
            await Task.Delay(100);
        }
    }

    public HubConnection Hub(string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "hubs/collab?access_token=" + Uri.EscapeDataString(token)), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .AddMessagePackProtocol()
            .Build();

    public Uri Websocket(string documentId, string token) =>
        new($"ws://{Address.Authority}/ws/{documentId}?access_token={Uri.EscapeDataString(token)}");

    /// <summary>Kills the process with SIGKILL: nothing runs after it, no flush, no shutdown.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string ServerDll()
    {
        var testFolder = AppContext.BaseDirectory;
        var configuration = testFolder.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        for (var folder = new DirectoryInfo(testFolder); folder is not null; folder = folder.Parent)
        {
            var dll = Path.Combine(folder.FullName, "server", "NegotiationEditor.Server", "bin", configuration, "net10.0", "NegotiationEditor.Server.dll");
            if (File.Exists(dll))
            {
                return dll;
            }
        }
        throw new FileNotFoundException("NegotiationEditor.Server.dll was not found above " + testFolder);
    }
}
