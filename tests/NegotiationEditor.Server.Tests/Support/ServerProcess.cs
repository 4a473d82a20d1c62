using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace NegotiationEditor.Server.Tests.Support;

/// <summary>The real server process (the built NegotiationEditor.Server.dll) on a free loopback port.</summary>
public sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(string dataFolder)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { ServerDll(), "--data", dataFolder, "--urls", address.ToString().TrimEnd('/') },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the server process did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server process exited with {process.ExitCode}");
            }
            try
            {
                var response = await http.GetAsync(new Uri(address, "openapi/v1.json"));
                if (response.IsSuccessStatusCode)
                {
                    return new ServerProcess(process, address);
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
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
