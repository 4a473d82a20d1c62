using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NegotiationEditor.Web.Tests.Support;

/// <summary>One participant's line of invites.csv.</summary>
/// <param name="Role">The role in words ("chair", "member-state delegate").</param>
/// <param name="Delegation">The delegation's name, or empty.</param>
/// <param name="Url">The personal invite link.</param>
public sealed record Invite(string Role, string Delegation, string Url)
{
    /// <summary>The token the link carries.</summary>
    public string Token => Url[(Url.IndexOf("#invite=", StringComparison.Ordinal) + "#invite=".Length)..];
}

/// <summary>
/// The real server process (its build output, run as <c>dotnet run</c> runs it: from the project folder) on a free
/// loopback port with a fresh data folder, so it seeds the sample negotiation and writes invites.csv.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataFolder;

    private ServerProcess(Process process, string dataFolder, Uri address)
    {
        _process = process;
        _dataFolder = dataFolder;
        Address = address;
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address { get; }

    /// <summary>What the process printed so far (for failure messages).</summary>
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

    /// <summary>Starts the server and waits until it serves the page.</summary>
    public static async Task<ServerProcess> StartAsync()
    {
        if (!File.Exists(Repository.ServerAssembly))
        {
            throw new InvalidOperationException($"The server is not built: {Repository.ServerAssembly} is missing.");
        }

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var data = Path.Combine(Path.GetTempPath(), "negotiation-editor-web-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.ServerProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Repository.ServerAssembly, "--urls", address.ToString().TrimEnd('/'), "--data", data })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        var server = new ServerProcess(process, data, address);
        process.OutputDataReceived += (_, line) => server.Append(line.Data);
        process.ErrorDataReceived += (_, line) => server.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server stopped at start (exit {process.ExitCode}):\n{server.Output}");
            }
            try
            {
                using var answer = await http.GetAsync(address);
                if (answer.StatusCode == HttpStatusCode.OK && File.Exists(Path.Combine(data, "invites.csv")))
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // slow machine
            }
            await Task.Delay(250);
        }
        await server.DisposeAsync();
        throw new TimeoutException($"The server did not serve {address} within 90 s:\n{server.Output}");
    }

    /// <summary>The invites the seed wrote.</summary>
    public IReadOnlyList<Invite> Invites()
    {
        var lines = File.ReadAllLines(Path.Combine(_dataFolder, "invites.csv"));
        Assert.That(lines[0], Is.EqualTo("role,delegation,url"));
        return [.. lines.Skip(1).Where(line => line.Length > 0).Select(ParseLine)];
    }

    /// <summary>The invite of the first participant with that role (and delegation, when given).</summary>
    public Invite Invite(string role, string delegation = "")
    {
        var found = Invites().FirstOrDefault(i => i.Role == role && (delegation.Length == 0 || i.Delegation == delegation));
        return found ?? throw new InvalidOperationException($"invites.csv has no {role} {delegation}");
    }

    /// <summary>The live text of the first document as the server holds it (GET /api/documents/{id}).</summary>
    public async Task<string> LiveTextAsync(Invite invite)
    {
        using var http = new HttpClient { BaseAddress = Address };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", invite.Token);
        using var documents = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("api/documents"));
        var id = documents.RootElement[0].GetProperty("id").GetString();
        using var document = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync($"api/documents/{id}"));
        return document.RootElement.GetProperty("text").GetString()!;
    }

    /// <inheritdoc />
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
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // LiteDB may still hold its file for a moment; the folder is in the temp directory anyway
        }
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Invite ParseLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        Assert.That(fields, Has.Count.EqualTo(3), $"invites.csv line: {line}");
        return new Invite(fields[0], fields[1], fields[2]);
    }
}
