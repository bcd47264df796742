using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The HTTP load scenario: the API in Release on a fresh database, seeded through its own API, driven by N
/// concurrent clients in phases (searches only, bookings only, notes only, then a mix), with the bare insert limit
/// of the disk measured between them, and every measure of issue 17's table printed next to its target at the end.
/// Everything runs side by side in one run, so that a busy machine disturbs the ratios less than the absolute figures.
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

    private sealed record Phase(Mix Mix, Dictionary<Operation, Latencies> Results, TimeSpan Elapsed, string LoadAverage, double CpuSeconds)
    {
        public double Rate(Operation operation) => Results[operation].Count / Elapsed.TotalSeconds;

        /// <summary>Server CPU per answered request of the phase, in milliseconds.</summary>
        public double CpuPerRequestMs => CpuSeconds * 1000 / Math.Max(1, Results.Values.Sum(r => r.Count + r.Errors));
    }

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Machine()}; load average {LoadAverage()}");
        Console.WriteLine(Invariant(
            $"Clients: {options.Clients}, {options.Seconds} s per phase, {options.Counsellors} counsellors × {options.Days} days; database folder {folder}"));
        try
        {
            if (options.Build)
            {
                Console.WriteLine("Building the API (Release) ...");
                await ApiServer.BuildAsync(root);
            }

            return await DriveApiAsync(root, folder, options);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> DriveApiAsync(string root, string folder, LoadOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        await using var server = new ApiServer(root, folder);
        Console.WriteLine("Creating the admin with the command-line verb ...");
        await server.CreateAdminAsync();
        await server.StartAsync(http);
        Console.WriteLine($"API (pid {server.ProcessId}) on {server.BaseAddress}; seeding through the API ...");

        var seeding = Stopwatch.StartNew();
        var data = await Seeder.SeedAsync(http, server.BaseAddress, options.Counsellors, options.Days);
        var seededMiB = server.MemoryMiB();
        Console.WriteLine(Invariant(
            $"Seeded {options.Counsellors} counsellors, {data.Slots.Count} slots over {data.Days} days from {Seeder.Date(data.FirstDay)}, {data.Cases.Count} cases in {seeding.Elapsed.TotalSeconds:0.0} s; server {seededMiB:0} MiB ({server.MemoryComposition()})"));

        var clients = new LoadClients(http, server.BaseAddress, data, options.Clients);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var search = await RunPhaseAsync(server, clients, Mix.SearchOnly, duration);

        var (bookings, bookingShare, bareMedian) = await RunBookingsBesideBareInsertsAsync(server, clients, folder, duration);
        var notes = await RunPhaseAsync(server, clients, Mix.NotesOnly, duration);
        var mixed = await RunPhaseAsync(server, clients, Mix.Mixed, duration);
        var peakMiB = server.PeakMemoryMiB();
        Console.WriteLine();
        Console.WriteLine($"Server memory now: {server.MemoryComposition()}");

        var searches = search.Results[Operation.Search];
        var bookingRate = bookings.Rate(Operation.Book);
        var noteRate = notes.Rate(Operation.WriteNote);
        Console.WriteLine();
        Console.WriteLine(options.Full
            ? "Issue 17's measures (one run, side by side):"
            : "Issue 17's measures (a smaller run than the targets are set for: not comparable with them):");
        Console.WriteLine($"  {"measure",-62} {"measured",-56} {"target",-10} verdict");
        var met = new[]
        {
            Measure($"slot search, one week, one language, {options.Clients} clients: p99", searches.Percentile(0.99), SearchP99TargetMs, below: true,
                Invariant($"{searches.Percentile(0.99):0.0} ms (p50 {searches.Percentile(0.5):0.0} ms, {search.Rate(Operation.Search):0}/s, CPU {search.CpuPerRequestMs:0.00} ms)"),
                Invariant($"< {SearchP99TargetMs} ms"), search.LoadAverage),
            Measure($"bookings / bare single-row insert transactions (median of {BookingSlices})", bookingShare, BookingShareTarget, below: false,
                Invariant($"{bookingShare:0.00} ({bookingRate:0}/s; bare median {bareMedian:0}/s; CPU {bookings.CpuPerRequestMs:0.00} ms)"),
                Invariant($">= {BookingShareTarget:0.00}"), bookings.LoadAverage),
            Measure("booking p99 (bookings only)", bookings.Results[Operation.Book].Percentile(0.99), BookingP99TargetMs, below: true,
                Invariant($"{bookings.Results[Operation.Book].Percentile(0.99):0.0} ms"), Invariant($"< {BookingP99TargetMs} ms"), bookings.LoadAverage),
            Measure("peak memory of the API process (VmHWM)", peakMiB, MemoryTargetMiB, below: true,
                Invariant($"{peakMiB:0} MiB ({seededMiB:0} MiB after seeding)"), Invariant($"< {MemoryTargetMiB} MB"), LoadAverage()),
            Measure("notes (scrub, seal, insert, audit) / bookings per second", noteRate / bookingRate, NoteShareTarget, below: false,
                Invariant($"{noteRate / bookingRate:0.00} ({noteRate:0}/s of {bookingRate:0}/s, CPU {notes.CpuPerRequestMs:0.00} ms)"), Invariant($">= {NoteShareTarget:0.00}"), notes.LoadAverage),
        }.All(m => m);
        Console.WriteLine(Invariant(
            $"  (mixed phase, for comparison: search p99 {mixed.Results[Operation.Search].Percentile(0.99):0.0} ms, booking p99 {mixed.Results[Operation.Book].Percentile(0.99):0.0} ms; load average {mixed.LoadAverage})"));
        Console.WriteLine(met ? "All targets met." : "Not all targets met.");
        return 0;
    }

    private static async Task<Phase> RunPhaseAsync(ApiServer server, LoadClients clients, Mix mix, TimeSpan duration)
    {
        var loadAverage = LoadAverage();
        Console.WriteLine();
        Console.WriteLine(Invariant($"Phase '{mix.Name}' ({mix}), {duration.TotalSeconds:0} s; load average at the start {loadAverage}:"));
        var cpuBefore = server.CpuSeconds();
        var (results, elapsed) = await clients.RunAsync(mix, duration);
        var phase = new Phase(mix, results, elapsed, loadAverage, server.CpuSeconds() - cpuBefore);
        Print(results, elapsed);
        Console.WriteLine(Invariant($"  server CPU {phase.CpuSeconds:0.0} s = {phase.CpuPerRequestMs:0.00} ms per request"));
        return phase;
    }

    /// <summary>
    /// The bookings phase in <see cref="BookingSlices"/> slices with a short bare insert loop (the storage limit) before,
    /// between and after them. Each slice's booking rate is set against the mean of the two loops beside it, and the
    /// measure is the median of those shares: the disk's rate swings within a minute (1,400–6,800/s in one run on this machine), so
    /// only loops taken right next to the bookings say what the storage allowed at the time.
    /// </summary>
    private static async Task<(Phase Bookings, double Share, double BareMedian)> RunBookingsBesideBareInsertsAsync(ApiServer server,
        LoadClients clients, string folder, TimeSpan duration)
    {
        var loadAverage = LoadAverage();
        Console.WriteLine();
        Console.WriteLine(Invariant(
            $"Phase '{Mix.BookingsOnly.Name}', {duration.TotalSeconds:0} s in {BookingSlices} slices, a bare insert loop (one writer, WAL, synchronous=FULL, {BareLoop.TotalSeconds:0} s) before, between and after them; load average at the start {loadAverage}:"));
        var bare = new List<double> { MeasureBareInsertLimit(server, folder) };
        var slices = new List<(Dictionary<Operation, Latencies> Results, TimeSpan Elapsed)>();
        var shares = new List<double>();
        var cpu = 0.0;
        for (var i = 0; i < BookingSlices; i++)
        {
            var cpuBefore = server.CpuSeconds();
            var slice = await clients.RunAsync(Mix.BookingsOnly, duration / BookingSlices);
            cpu += server.CpuSeconds() - cpuBefore;
            slices.Add(slice);
            bare.Add(MeasureBareInsertLimit(server, folder));
            var rate = slice.Results[Operation.Book].Count / slice.Elapsed.TotalSeconds;
            shares.Add(rate / ((bare[i] + bare[i + 1]) / 2));
            Console.WriteLine(Invariant($"  slice {i + 1}: {rate:0} bookings/s = {shares[^1]:0.00} of the loops beside it; load average {LoadAverage()}"));
        }

        var results = Enum.GetValues<Operation>().ToDictionary(op => op, op => Latencies.Merge(slices.Select(s => s.Results[op])));
        var phase = new Phase(Mix.BookingsOnly, results, TimeSpan.FromTicks(slices.Sum(s => s.Elapsed.Ticks)), loadAverage, cpu);
        Print(results, phase.Elapsed);
        Console.WriteLine(Invariant($"  server CPU {phase.CpuSeconds:0.0} s = {phase.CpuPerRequestMs:0.00} ms per request"));
        Console.WriteLine(Invariant(
            $"  bare insert loops: {string.Join(", ", bare.Select(b => b.ToString("0", CultureInfo.InvariantCulture)))} per s (median {Median(bare):0}); shares {string.Join(", ", shares.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))} (median {Median(shares):0.00})"));
        return (phase, Median(shares), Median(bare));
    }

    /// <summary>One bare insert loop; the server's CPU during it shows what the API did meanwhile (its outbox dispatcher).</summary>
    private static double MeasureBareInsertLimit(ApiServer server, string folder)
    {
        var cpuBefore = server.CpuSeconds();
        var (transactions, perSecond) = BareInsertLimit.Measure(folder, BareLoop);
        Console.WriteLine(Invariant(
            $"  bare insert loop: {transactions} transactions = {perSecond:0}/s (server CPU meanwhile {server.CpuSeconds() - cpuBefore:0.00} s; load average {LoadAverage()})"));
        return perSecond;
    }

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
