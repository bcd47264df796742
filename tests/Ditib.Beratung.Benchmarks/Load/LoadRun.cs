using System.Diagnostics;
using System.Globalization;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The HTTP load scenario: the API in Release on a fresh database (SQLite, or PostgreSQL behind one or more API
/// instances), seeded through its own API, driven by N concurrent clients in phases (searches only, bookings only,
/// notes only, then a mix), with the bare insert limit of the storage measured between them, and every measure of
/// issue 17's table printed next to its target at the end. Everything runs side by side in one run, so that a busy
/// machine disturbs the ratios less than the absolute figures.
/// </summary>
public static class LoadRun
{
    private const double SearchP99TargetMs = 20;
    private const double BookingShareTarget = 0.5;
    private const double BookingP99TargetMs = 100;
    private const double MemoryTargetMiB = 250;
    private const double NoteShareTarget = 0.5;
    private const int BookingSlices = 5;
    private static readonly TimeSpan BareLoop = TimeSpan.FromSeconds(2);

    /// <summary>A phase's results; CPU seconds of the API processes (all instances) and of the database's own processes.</summary>
    private sealed record Phase(Mix Mix, Dictionary<Operation, Latencies> Results, TimeSpan Elapsed, string LoadAverage, Cpu Cpu)
    {
        public double Rate(Operation operation) => Results[operation].Count / Elapsed.TotalSeconds;

        private int Requests => Math.Max(1, Results.Values.Sum(r => r.Count + r.Errors));

        /// <summary>API CPU per answered request of the phase, in milliseconds.</summary>
        public double CpuPerRequestMs => Cpu.Api * 1000 / Requests;

        public string CpuText => Cpu.Database > 0
            ? Invariant($"CPU {CpuPerRequestMs:0.00} ms API + {Cpu.Database * 1000 / Requests:0.00} ms database")
            : Invariant($"CPU {CpuPerRequestMs:0.00} ms");
    }

    private readonly record struct Cpu(double Api, double Database)
    {
        public static Cpu operator -(Cpu after, Cpu before) => new(after.Api - before.Api, after.Database - before.Database);

        public static Cpu operator +(Cpu a, Cpu b) => new(a.Api + b.Api, a.Database + b.Database);
    }

    /// <summary>The API instances of the run and their database, measured together.</summary>
    private sealed class Servers(IReadOnlyList<ApiServer> instances, LoadDatabase database)
    {
        public IReadOnlyList<ApiServer> Instances => instances;

        public Cpu Cpu() => new(instances.Sum(server => server.CpuSeconds()), database.CpuSeconds());

        /// <summary>The highest peak resident memory of any one instance (VmHWM), in MiB: each is its own process.</summary>
        public double PeakMemoryMiB() => instances.Max(server => server.PeakMemoryMiB());

        public double MemoryMiB() => instances.Max(server => server.MemoryMiB());

        public string Memory() =>
            string.Join("; ", instances.Select(server => Invariant($"instance {server.Instance}: {server.MemoryComposition()}")))
            + "; " + database.Connections(instances);
    }

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Machine()}; load average {LoadAverage()}");
        try
        {
            await using var database = await LoadDatabase.CreateAsync(options, folder);
            Console.WriteLine(Invariant(
                $"Clients: {options.Clients}, {options.Seconds} s per phase, {options.Counsellors} counsellors × {options.Days} days; {database.Description}; folder {folder}"));
            if (options.Build)
            {
                Console.WriteLine("Building the API (Release) ...");
                await ApiServer.BuildAsync(root);
            }

            return await DriveApiAsync(root, folder, database, options);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> DriveApiAsync(string root, string folder, LoadDatabase database, LoadOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var first = new ApiServer(root, folder, database.ServerSettings);
        var instances = new List<ApiServer> { first };
        instances.AddRange(Enumerable.Range(2, options.Instances - 1).Select(first.Another));
        try
        {
            Console.WriteLine("Creating the admin with the command-line verb ...");
            await first.CreateAdminAsync();
            foreach (var instance in instances)
            {
                await instance.StartAsync(http);
                Console.WriteLine($"API instance {instance.Instance} (pid {instance.ProcessId}) on {instance.BaseAddress}");
            }

            return await DriveAsync(http, new Servers(instances, database), database, options);
        }
        finally
        {
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
        }
    }

    private static async Task<int> DriveAsync(HttpClient http, Servers servers, LoadDatabase database, LoadOptions options)
    {
        Console.WriteLine("Seeding through the first instance's API ...");
        var seeding = Stopwatch.StartNew();
        var data = await Seeder.SeedAsync(http, servers.Instances[0].BaseAddress, options.Counsellors, options.Days);
        await database.SettleAsync();
        var seededMiB = servers.MemoryMiB();
        Console.WriteLine(Invariant(
            $"Seeded {options.Counsellors} counsellors, {data.Slots.Count} slots over {data.Days} days from {Seeder.Date(data.FirstDay)}, {data.Cases.Count} cases in {seeding.Elapsed.TotalSeconds:0.0} s; {servers.Memory()}"));

        var clients = new LoadClients(http, servers.Instances.Select(server => server.BaseAddress).ToList(), data, options.Clients);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var search = await RunPhaseAsync(servers, clients, Mix.SearchOnly, duration);

        var (bookings, bookingShare, bareMedian) = await RunBookingsBesideBareInsertsAsync(servers, database, clients, duration);
        var notes = await RunPhaseAsync(servers, clients, Mix.NotesOnly, duration);
        var mixed = await RunPhaseAsync(servers, clients, Mix.Mixed, duration);
        var peakMiB = servers.PeakMemoryMiB();
        Console.WriteLine();
        Console.WriteLine($"Server memory now: {servers.Memory()}");

        var searches = search.Results[Operation.Search];
        var bookingRate = bookings.Rate(Operation.Book);
        var noteRate = notes.Rate(Operation.WriteNote);
        Console.WriteLine();
        Console.WriteLine(options.Full
            ? $"Issue 17's measures (one run, side by side; {database.Description}):"
            : $"Issue 17's measures (a smaller run than the targets are set for: not comparable with them; {database.Description}):");
        Console.WriteLine($"  {"measure",-62} {"measured",-56} {"target",-10} verdict");
        var met = new[]
        {
            Measure($"slot search, one week, one language, {options.Clients} clients: p99", searches.Percentile(0.99), SearchP99TargetMs, below: true,
                Invariant($"{searches.Percentile(0.99):0.0} ms (p50 {searches.Percentile(0.5):0.0} ms, {search.Rate(Operation.Search):0}/s, {search.CpuText})"),
                Invariant($"< {SearchP99TargetMs} ms"), search.LoadAverage),
            Measure($"bookings / bare single-row insert transactions (median of {BookingSlices})", bookingShare, BookingShareTarget, below: false,
                Invariant($"{bookingShare:0.00} ({bookingRate:0}/s; bare median {bareMedian:0}/s; {bookings.CpuText})"),
                Invariant($">= {BookingShareTarget:0.00}"), bookings.LoadAverage),
            Measure("booking p99 (bookings only)", bookings.Results[Operation.Book].Percentile(0.99), BookingP99TargetMs, below: true,
                Invariant($"{bookings.Results[Operation.Book].Percentile(0.99):0.0} ms"), Invariant($"< {BookingP99TargetMs} ms"), bookings.LoadAverage),
            Measure(servers.Instances.Count == 1 ? "peak memory of the API process (VmHWM)" : "peak memory of an API process (VmHWM, the highest)",
                peakMiB, MemoryTargetMiB, below: true,
                Invariant($"{peakMiB:0} MiB ({seededMiB:0} MiB after seeding)"), Invariant($"< {MemoryTargetMiB} MB"), LoadAverage()),
            Measure("notes (scrub, seal, insert, audit) / bookings per second", noteRate / bookingRate, NoteShareTarget, below: false,
                Invariant($"{noteRate / bookingRate:0.00} ({noteRate:0}/s of {bookingRate:0}/s, {notes.CpuText})"), Invariant($">= {NoteShareTarget:0.00}"), notes.LoadAverage),
        }.All(m => m);
        Console.WriteLine(Invariant(
            $"  (mixed phase, for comparison: search p99 {P99(mixed.Results[Operation.Search])}, booking p99 {P99(mixed.Results[Operation.Book])}, {mixed.Rate(Operation.Search) + mixed.Rate(Operation.Book) + mixed.Rate(Operation.ReadBooking) + mixed.Rate(Operation.WriteNote):0} requests/s; load average {mixed.LoadAverage})"));
        Console.WriteLine(met ? "All targets met." : "Not all targets met.");
        return 0;
    }

    private static async Task<Phase> RunPhaseAsync(Servers servers, LoadClients clients, Mix mix, TimeSpan duration)
    {
        var loadAverage = LoadAverage();
        Console.WriteLine();
        Console.WriteLine(Invariant($"Phase '{mix.Name}' ({mix}), {duration.TotalSeconds:0} s; load average at the start {loadAverage}:"));
        var cpuBefore = servers.Cpu();
        var (results, elapsed) = await clients.RunAsync(mix, duration);
        var phase = new Phase(mix, results, elapsed, loadAverage, servers.Cpu() - cpuBefore);
        Print(results, elapsed);
        Console.WriteLine($"  server {phase.CpuText} per request");
        return phase;
    }

    /// <summary>
    /// The bookings phase in <see cref="BookingSlices"/> slices with a short bare insert loop (the storage limit) before,
    /// between and after them. Each slice's booking rate is set against the mean of the two loops beside it, and the
    /// measure is the median of those shares: the disk's rate swings within a minute (1,400–6,800/s in one run on this machine), so
    /// only loops taken right next to the bookings say what the storage allowed at the time.
    /// </summary>
    private static async Task<(Phase Bookings, double Share, double BareMedian)> RunBookingsBesideBareInsertsAsync(Servers servers,
        LoadDatabase database, LoadClients clients, TimeSpan duration)
    {
        var loadAverage = LoadAverage();
        Console.WriteLine();
        Console.WriteLine(Invariant(
            $"Phase '{Mix.BookingsOnly.Name}', {duration.TotalSeconds:0} s in {BookingSlices} slices, a bare insert loop (one writer, as durable as the API's, {BareLoop.TotalSeconds:0} s) before, between and after them; load average at the start {loadAverage}:"));
        var bare = new List<double> { MeasureBareInsertLimit(servers, database) };
        var slices = new List<(Dictionary<Operation, Latencies> Results, TimeSpan Elapsed)>();
        var shares = new List<double>();
        var cpu = default(Cpu);
        for (var i = 0; i < BookingSlices; i++)
        {
            var cpuBefore = servers.Cpu();
            var slice = await clients.RunAsync(Mix.BookingsOnly, duration / BookingSlices);
            cpu += servers.Cpu() - cpuBefore;
            slices.Add(slice);
            bare.Add(MeasureBareInsertLimit(servers, database));
            var rate = slice.Results[Operation.Book].Count / slice.Elapsed.TotalSeconds;
            shares.Add(rate / ((bare[i] + bare[i + 1]) / 2));
            Console.WriteLine(Invariant($"  slice {i + 1}: {rate:0} bookings/s = {shares[^1]:0.00} of the loops beside it; load average {LoadAverage()}"));
        }

        var results = Enum.GetValues<Operation>().ToDictionary(op => op, op => Latencies.Merge(slices.Select(s => s.Results[op])));
        var phase = new Phase(Mix.BookingsOnly, results, TimeSpan.FromTicks(slices.Sum(s => s.Elapsed.Ticks)), loadAverage, cpu);
        Print(results, phase.Elapsed);
        Console.WriteLine($"  server {phase.CpuText} per request");
        Console.WriteLine(Invariant(
            $"  bare insert loops: {string.Join(", ", bare.Select(b => b.ToString("0", CultureInfo.InvariantCulture)))} per s (median {Median(bare):0}); shares {string.Join(", ", shares.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} (median {Median(shares):0.00})"));
        return (phase, Median(shares), Median(bare));
    }

    /// <summary>One bare insert loop; the servers' CPU during it shows what the API did meanwhile (its outbox dispatcher).</summary>
    private static double MeasureBareInsertLimit(Servers servers, LoadDatabase database)
    {
        var cpuBefore = servers.Cpu();
        var (transactions, perSecond) = database.MeasureBareInsertLimit(BareLoop);
        var cpu = servers.Cpu() - cpuBefore;
        Console.WriteLine(Invariant(
            $"  bare insert loop: {transactions} transactions = {perSecond:0}/s (API CPU meanwhile {cpu.Api:0.00} s; load average {LoadAverage()})"));
        return perSecond;
    }

    /// <summary>The p99 in milliseconds, or why there is none (a quick run's bookings phase may take every free slot).</summary>
    private static string P99(Latencies latencies) =>
        latencies.Count == 0 ? "none (no free slots left)" : Invariant($"{latencies.Percentile(0.99):0.0} ms");

    private static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static bool Measure(string name, double value, double target, bool below, string measured, string targetText, string loadAverage)
    {
        var met = below ? value < target : value >= target;
        Console.WriteLine($"  {name,-62} {measured,-56} {targetText,-10} {(met ? "met" : "MISSED")}  (load average {loadAverage})");
        return met;
    }

    /// <summary>The 1, 5 and 15 minute load averages of the machine (other work on it disturbs the figures).</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    internal static void Print(Dictionary<Operation, Latencies> results, TimeSpan elapsed)
    {
        Console.WriteLine($"  {"operation",-13} {"count",8} {"per s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}  errors");
        foreach (var (operation, latencies) in results.Where(r => r.Value.Count + r.Value.Errors > 0))
        {
            Console.WriteLine(Invariant(
                $"  {operation,-13} {latencies.Count,8} {latencies.Count / elapsed.TotalSeconds,8:0.0} {latencies.Percentile(0.50),8:0.0} {latencies.Percentile(0.95),8:0.0} {latencies.Percentile(0.99),8:0.0}  {latencies.ErrorSummary()}"));
        }
    }

    internal static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    internal static string Machine()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?["MemTotal:".Length..].Trim()
            : null;
        return $"{Environment.ProcessorCount} logical CPUs ({model ?? "unknown CPU"}), memory {memory ?? "unknown"}, {Environment.OSVersion}";
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ditib.Beratung.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run from inside the repository: Ditib.Beratung.sln was not found above the program.");
    }
}
