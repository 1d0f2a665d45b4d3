using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BIS.TestSupport;

namespace BIS.Benchmarks.Lookup;

/// <summary>
/// The real BIS.Web, built in Release, run as its own process on a free loopback port against the
/// benchmark database, with the scheduler off so no feed runs during a measurement. Its sample-account
/// seeding writes a CAD API key to a private temp file, which is read back for the clients.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _secretsDirectory;
    private readonly List<string> _output = [];

    private WebProcess(Process process, Uri address, string secretsDirectory)
    {
        _process = process;
        Address = address;
        _secretsDirectory = secretsDirectory;
    }

    public Uri Address { get; }

    public string CadApiKey { get; private set; } = string.Empty;

    /// <summary>The server's process id, to read its memory from /proc.</summary>
    public int ProcessId => _process.Id;

    /// <summary>CPU time the server has used so far, to tell its share from the clients' and PostgreSQL's.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            EnsureRunning();
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <param name="settings">Configuration overrides, as environment variables ("Lookup__Cache__Seconds").</param>
    public static async Task<WebProcess> StartAsync(string connectionString, string? manifestPath, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(RepoPaths.Root, "BIS.Web", "bin", "Release", "net10.0", "BIS.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build it first (dotnet build BIS.Web -c Release, or run through infra/bis bench).");
        }

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var secretsDirectory = Directory.CreateTempSubdirectory("bis-bench-web-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        var environment = start.Environment;
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["ASPNETCORE_URLS"] = address.ToString();
        // appsettings.json names a Kestrel endpoint, which would win over ASPNETCORE_URLS.
        environment["Kestrel__Endpoints__Http__Url"] = address.ToString();
        environment["Database__ConnectionString"] = connectionString;
        // infra/bis exports the sample install's owner string; the benchmark's web stays on its own database.
        environment.Remove("Database__OwnerConnectionString");
        environment["Database__MigrateOnStartup"] = "false";
        environment["Ingest__RunScheduler"] = "false";
        environment["Feeds__ManifestPath"] = manifestPath ?? string.Empty;
        environment["Security__SampleAccountsFile"] = Path.Combine(secretsDirectory, "accounts.txt");
        // Per-request console logging would be measured too; warnings and errors still show.
        environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start BIS.Web.");
        var web = new WebProcess(process, address, secretsDirectory);
        process.OutputDataReceived += (_, e) => web.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => web.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await web.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        }
        catch
        {
            await web.DisposeAsync();
            throw;
        }

        return web;
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var accounts = Path.Combine(_secretsDirectory, "accounts.txt");
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            EnsureRunning();

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK && File.Exists(accounts))
                {
                    var key = File.ReadAllLines(accounts).Select(l => l.Split(' ', 2)).FirstOrDefault(p => p is ["cad-api-key", { Length: > 0 }]);
                    if (key is not null)
                    {
                        CadApiKey = key[1];
                        return;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"BIS.Web was not ready at {Address}health/ready within {timeout.TotalSeconds:F0}s:{Environment.NewLine}{LastWords()}");
    }

    /// <summary>A server that died mid-run is reported with its last words, not as a figure.</summary>
    public void EnsureRunning()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"BIS.Web exited with code {_process.ExitCode}:{Environment.NewLine}{LastWords()}");
        }
    }

    /// <summary>Waits for the server to log a line containing <paramref name="fragment"/> (from its start, not only from now).</summary>
    public async Task<string> WaitForOutputAsync(string fragment, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            EnsureRunning();
            lock (_output)
            {
                if (_output.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal)) is { } line)
                {
                    return line.Trim();
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"BIS.Web did not log \"{fragment}\" within {timeout.TotalSeconds:F0}s.");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    /// <summary>The server's last lines, for an error report. The sample passwords (indented lines) stay out.</summary>
    private string LastWords()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.Where(l => !l.StartsWith("  ", StringComparison.Ordinal)).TakeLast(40));
        }
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
        Directory.Delete(_secretsDirectory, recursive: true);
    }
}
