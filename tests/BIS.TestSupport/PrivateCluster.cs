using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace BIS.TestSupport;

/// <summary>
/// A throw-away PostgreSQL cluster of the test's own: initdb into a temp directory, a free loopback port,
/// PostGIS and pg_trgm in template1 (so <see cref="TestDatabase"/> works on it unchanged), a superuser.
/// For tests that restart or stop the server, or need roles: doing that to the shared cluster (15/bis on
/// 5433) would break every other test class running at the same time. Runs the Debian binaries
/// (<c>BIS_TEST_PG_BIN</c>, default /usr/lib/postgresql/15/bin) as the postgres user when the tests run as root,
/// because PostgreSQL refuses to run as root. Durability is off: nothing here outlives the test.
/// </summary>
public sealed class PrivateCluster : IAsyncLifetime
{
    public const string Superuser = "postgres";

    private readonly string _root = Directory.CreateTempSubdirectory("bis-pg-").FullName;
    private bool _disposed;

    public PrivateCluster()
    {
        Port = FreeLoopbackPort();
    }

    public static string BinDirectory => Environment.GetEnvironmentVariable("BIS_TEST_PG_BIN") ?? "/usr/lib/postgresql/15/bin";

    public int Port { get; }

    public string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "server.log");

    /// <summary>The superuser on the postgres database; trust authentication on loopback, like the shared test cluster's known password.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username={Superuser};Timeout=5";

    public async Task InitializeAsync()
    {
        if (RunsAsRoot)
        {
            await RunAsync("chown", "-R", "postgres:postgres", _root);
        }

        await PgAsync("initdb", "-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        await File.AppendAllTextAsync(Path.Combine(DataDirectory, "postgresql.conf"), $"""

            listen_addresses = '127.0.0.1'
            port = {Port}
            unix_socket_directories = '{_root}'
            max_connections = 120
            shared_buffers = 64MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            ssl = off
            jit = off

            """);
        await StartAsync();
        await using var template = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = "template1", Pooling = false }.ConnectionString);
        await template.OpenAsync();
        await using var extensions = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis; CREATE EXTENSION IF NOT EXISTS pg_trgm;", template);
        await extensions.ExecuteNonQueryAsync();
    }

    public Task StartAsync() => PgAsync("pg_ctl", "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "start");

    /// <summary>Stops the server as an operator's restart does: every session is ended at once (fast shutdown).</summary>
    public Task StopAsync() => PgAsync("pg_ctl", "-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop");

    /// <summary><c>pg_ctl restart -m fast</c>: every open connection dies; returns when the server accepts connections again.</summary>
    public Task RestartAsync() => PgAsync("pg_ctl", "-D", DataDirectory, "-l", LogFile, "-m", "fast", "-w", "-t", "60", "restart");

    public async Task DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await PgAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "-t", "30", "stop");
        }
        catch (InvalidOperationException)
        {
            // Not running (a test stopped it); the directory goes anyway.
        }

        Directory.Delete(_root, recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private Task PgAsync(string program, params string[] arguments)
    {
        var path = Path.Combine(BinDirectory, program);
        return RunsAsRoot ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        // The server's own output goes to its log file (-l), so these streams end with the command.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = File.Exists(LogFile) ? await File.ReadAllTextAsync(LogFile) : string.Empty;
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}: {await output}{await error}\n{log[Math.Max(0, log.Length - 2000)..]}");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
