using System.Diagnostics;
using Npgsql;

namespace NegotiationEditor.Testing;

/// <summary>
/// The Redis and PostgreSQL the nodes share: those named by NEGOTIATE_TEST_REDIS (HOST:PORT) and
/// NEGOTIATE_TEST_POSTGRES (a connection string), as .ci/run sets them; otherwise started here on loopback from the
/// installed binaries (redis-server, PostgreSQL's initdb and pg_ctl) and stopped after the tests.
/// </summary>
public static class SharedServices
{
    /// <summary>The variable naming a Redis server to use, <c>HOST:PORT</c>.</summary>
    public const string RedisVariable = "NEGOTIATE_TEST_REDIS";
    /// <summary>The variable naming a PostgreSQL server to use, as a connection string.</summary>
    public const string PostgresVariable = "NEGOTIATE_TEST_POSTGRES";

    private static readonly Lock Gate = new();
    private static string? _redis;
    private static string? _postgres;
    private static Process? _redisProcess;
    private static string? _postgresFolder;

    /// <summary>The Redis server, <c>HOST:PORT</c>.</summary>
    public static string Redis
    {
        get
        {
            lock (Gate)
            {
                return _redis ??= Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } configured ? configured : StartRedis();
            }
        }
    }

    /// <summary>The PostgreSQL server's connection string (its <c>postgres</c> database).</summary>
    public static string Postgres
    {
        get
        {
            lock (Gate)
            {
                return _postgres ??= Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } configured ? configured : StartPostgres();
            }
        }
    }

    /// <summary>Creates an empty database of its own for one test and returns its connection string.</summary>
    public static string NewDatabase()
    {
        var name = "negotiation_test_" + Guid.NewGuid().ToString("N");
        using (var source = NpgsqlDataSource.Create(Postgres))
        using (var create = source.CreateCommand($"CREATE DATABASE {name}"))
        {
            create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    /// <summary>Stops what was started here (call it once every test of the assembly has run).</summary>
    public static void StopStarted()
    {
        lock (Gate)
        {
            if (_redisProcess is { HasExited: false })
            {
                _redisProcess.Kill();
                _redisProcess.WaitForExit();
            }
            if (_postgresFolder is not null)
            {
                Run(AsPostgres(FindPostgresBinary("pg_ctl"), "-D", Path.Combine(_postgresFolder, "data"), "-m", "immediate", "stop"));
                Directory.Delete(_postgresFolder, recursive: true);
                _postgresFolder = null;
            }
        }
    }

    private static string StartRedis()
    {
        var binary = FindOnPath("redis-server") ?? throw new InvalidOperationException(
            $"{RedisVariable} is not set and redis-server is not installed: install it (apt-get install -y redis-server) or point {RedisVariable} at a Redis server");
        var port = LoopbackPort.Free();
        _redisProcess = Process.Start(new ProcessStartInfo(binary)
        {
            ArgumentList = { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _redisProcess.OutputDataReceived += (_, _) => { };
        _redisProcess.BeginOutputReadLine();
        LoopbackPort.WaitUntilListening(port, "redis-server", TimeSpan.FromSeconds(10));
        return $"127.0.0.1:{port}";
    }

    private static string StartPostgres()
    {
        var initdb = FindPostgresBinary("initdb");
        var folder = Path.Combine(Path.GetTempPath(), "negotiation-postgres-" + Guid.NewGuid().ToString("N"));
        var data = Path.Combine(folder, "data");
        var socket = Path.Combine(folder, "socket");
        Directory.CreateDirectory(socket);
        if (Environment.UserName == "root")
        {
            Run(new ProcessStartInfo("chown") { ArgumentList = { "-R", "postgres", folder } });
        }
        _postgresFolder = folder;
        var port = LoopbackPort.Free();
        Run(AsPostgres(initdb, "-D", data, "-A", "trust", "-U", "postgres"));
        Run(AsPostgres(FindPostgresBinary("pg_ctl"), "-D", data, "-l", Path.Combine(folder, "log"), "-w",
            "-o", $"-p {port} -k {socket} -c listen_addresses=127.0.0.1", "start"));
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres";
    }

    private static string FindPostgresBinary(string name)
    {
        var versions = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(version => Path.Combine(version, "bin", name))
            : [];
        return FindOnPath(name) ?? versions.FirstOrDefault(File.Exists) ?? throw new InvalidOperationException(
            $"{PostgresVariable} is not set and PostgreSQL's {name} is not installed: install PostgreSQL (apt-get install -y postgresql) or point {PostgresVariable} at a server");
    }

    // initdb and postgres refuse to run as root: as root, they run as the postgres user.
    private static ProcessStartInfo AsPostgres(string binary, params string[] arguments)
    {
        var start = Environment.UserName == "root" ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", binary } } : new ProcessStartInfo(binary);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return start;
    }

    private static void Run(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{start.FileName} {string.Join(' ', start.ArgumentList)} failed ({process.ExitCode}): {errors}{output.Result}");
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
