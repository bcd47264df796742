using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The API as a separate process (the Release build), on a fresh database (a file in a temporary folder unless the
/// run names another, see <see cref="LoadDatabase"/>), in Production (or Development, for the soak: e-mails into the
/// pickup folder beside the database) with generated keys, rate limiting off, listening on a free loopback port only.
/// <see cref="Another"/> is one more instance on the same database with the same keys. With a probe file,
/// <see cref="SoakProbe"/> runs inside it.
/// </summary>
public sealed class ApiServer : IAsyncDisposable
{
    public const string AdminUsername = "lastprobe-admin";
    public const string AdminPassword = "Lastprobe-Kaffee-Tafel-Sonnenblume-81";

    private readonly string dll;
    private readonly string contentRoot;
    private readonly Dictionary<string, string> environment;
    private readonly StreamWriter log;
    private Process? process;

    /// <param name="database">The settings that point the API at its database; by default a SQLite file in <paramref name="folder"/>.</param>
    public ApiServer(string repositoryRoot, string folder, IReadOnlyDictionary<string, string>? database = null, bool development = false,
        string? probeFile = null)
        : this(repositoryRoot, folder, Settings(folder, database, development, probeFile), instance: 1)
    {
    }

    private ApiServer(string repositoryRoot, string folder, Dictionary<string, string> environment, int instance)
    {
        contentRoot = Path.Combine(repositoryRoot, "src", "Ditib.Beratung.Api", "bin", "Release", "net10.0");
        dll = Path.Combine(contentRoot, "Ditib.Beratung.Api.dll");
        Folder = folder;
        Instance = instance;
        Port = FreeLoopbackPort();
        BaseAddress = new Uri($"http://127.0.0.1:{Port}");
        RepositoryRoot = repositoryRoot;
        this.environment = environment;
        LogPath = Path.Combine(folder, instance == 1 ? "server.log" : $"server-{instance}.log");
        log = new StreamWriter(LogPath) { AutoFlush = true };
    }

    public string Folder { get; }

    /// <summary>1 for the first instance, 2 for the one <see cref="Another"/> made from it, and so on.</summary>
    public int Instance { get; }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public string LogPath { get; }

    public int? ProcessId => process?.Id;

    private string RepositoryRoot { get; }

    /// <summary>One more instance on the same database with the same keys and settings, on its own port (not started).</summary>
    public ApiServer Another(int instance) => new(RepositoryRoot, Folder, environment, instance);

    private static Dictionary<string, string> Settings(string folder, IReadOnlyDictionary<string, string>? database, bool development,
        string? probeFile)
    {
        var environmentName = development ? "Development" : "Production";
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environmentName,
            ["DOTNET_ENVIRONMENT"] = environmentName,
            ["ConnectionStrings__Beratung"] = $"Data Source={Path.Combine(folder, "beratung.db")}",
            ["Beratung__Encryption__MasterKeys__0__Id"] = "load-key-1",
            ["Beratung__Encryption__MasterKeys__0__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Beratung__Encryption__ActiveKeyId"] = "load-key-1",
            ["Beratung__Auth__SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Beratung__Audit__ChainKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Beratung__RateLimiting__Enabled"] = "false",
            ["Beratung__Seed__DemoData"] = "false",
            ["Beratung__Centre__Name"] = "Erfundene Begegnungsstätte Lasttest",
            ["Beratung__Centre__StreetAddress"] = "Teststraße 7",
            ["Beratung__Centre__PostcodeAndCity"] = "47169 Duisburg",
            ["Beratung__Centre__Phone"] = "0203 5550199",
            ["Beratung__Centre__Email"] = "last-zentrum@example.invalid",
            ["Beratung__Centre__OpeningHours__de"] = "Mo–Fr 09:00–17:00",
            ["Beratung__Centre__DataProtectionOfficer__Name"] = "Erfundene Datenschutzbeauftragte",
            ["Beratung__Centre__DataProtectionOfficer__Email"] = "last-datenschutz@example.invalid",
        };
        foreach (var (key, value) in database ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        if (probeFile is not null)
        {
            environment["DOTNET_STARTUP_HOOKS"] = typeof(SoakProbe).Assembly.Location;
            environment[SoakProbe.Variable] = probeFile;
        }

        return environment;
    }

    public static async Task BuildAsync(string repositoryRoot)
    {
        var project = Path.Combine(repositoryRoot, "src", "Ditib.Beratung.Api", "Ditib.Beratung.Api.csproj");
        var exit = await RunToEndAsync("dotnet", ["build", "-c", "Release", "--nologo", "-v", "q", project], null, TimeSpan.FromMinutes(5));
        if (exit.Code != 0)
        {
            throw new InvalidOperationException($"dotnet build -c Release of the API failed:\n{exit.Output}");
        }
    }

    /// <summary>The first admin, through the command-line verb (the password from BERATUNG_ADMIN_PASSWORD).</summary>
    public async Task CreateAdminAsync()
    {
        EnsureBuilt();
        var variables = new Dictionary<string, string>(environment) { ["BERATUNG_ADMIN_PASSWORD"] = AdminPassword };
        var exit = await RunToEndAsync("dotnet", [dll, "users", "create-admin", "--username", AdminUsername], variables, TimeSpan.FromMinutes(2),
            contentRoot);
        if (exit.Code != 0)
        {
            throw new InvalidOperationException($"users create-admin failed ({exit.Code}):\n{exit.Output}");
        }
    }

    public async Task StartAsync(HttpClient http)
    {
        EnsureBuilt();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { dll, "--urls", BaseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("The API did not start.");
        process.OutputDataReceived += (_, line) => Log(line.Data);
        process.ErrorDataReceived += (_, line) => Log(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API exited with {process.ExitCode} while starting; see {LogPath}.");
            }

            try
            {
                using var health = await http.GetAsync(new Uri(BaseAddress, "/health"));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The API did not answer /health within 60 s; see {LogPath}.");
    }

    /// <summary>Peak resident memory of the server process so far (VmHWM), in MiB.</summary>
    public double PeakMemoryMiB() => StatusKiB("VmHWM:") / 1024.0;

    /// <summary>
    /// CPU time the server process has used so far (user + system, from <c>/proc/PID/stat</c>), in seconds: per
    /// operation, it depends far less on other work on the machine than the latencies do.
    /// </summary>
    public double CpuSeconds() => process is null ? 0 : CpuTicks($"/proc/{process.Id}/stat") / 100.0; // USER_HZ is 100 on Linux

    /// <summary>User + system CPU ticks of a process, from its <c>/proc/PID/stat</c>.</summary>
    internal static long CpuTicks(string statPath)
    {
        var stat = File.ReadAllText(statPath);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// What the resident memory is now: anonymous (GC heap, SQLite's page caches, stacks), file-backed (mapped
    /// assemblies and libraries) and shared (JIT'd code).
    /// </summary>
    public string MemoryComposition() => process is null
        ? ""
        : System.FormattableString.Invariant(
            $"anonymous {StatusKiB("RssAnon:") / 1024.0:0}, file-backed {StatusKiB("RssFile:") / 1024.0:0}, shared {StatusKiB("RssShmem:") / 1024.0:0} MiB");

    /// <summary>How many descriptors of the server process have <paramref name="file"/> open (SQLite: one per connection).</summary>
    public int OpenFiles(string file) => process is null
        ? 0
        : new DirectoryInfo($"/proc/{process.Id}/fd").EnumerateFileSystemInfos().Count(fd => fd.LinkTarget == file);

    /// <summary>Resident memory of the server process now (VmRSS), in MiB.</summary>
    public double MemoryMiB() => StatusKiB("VmRSS:") / 1024.0;

    public async ValueTask DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        await log.DisposeAsync();
    }

    private long StatusKiB(string field)
    {
        if (process is null)
        {
            return 0;
        }

        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.WriteLine(line);
            }
        }
    }

    private void EnsureBuilt()
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"No Release build of the API at {dll}; run without --no-build.");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Output)> RunToEndAsync(string file, string[] arguments, Dictionary<string, string>? variables,
        TimeSpan timeout, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in variables ?? [])
        {
            start.Environment[key] = value;
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        child.StandardInput.Close();
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await child.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {timeout}.");
        }

        return (child.ExitCode, await output + await error);
    }
}
