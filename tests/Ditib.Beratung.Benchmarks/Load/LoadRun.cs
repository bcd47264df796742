using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The HTTP load scenario: the API in Release on a fresh database, seeded through its own API, driven by N
/// concurrent clients in two phases (bookings only, then a mix), and compared with the bare insert limit of the disk.
/// </summary>
public static class LoadRun
{
    private const double BookingShareTarget = 0.5;
    private const double BookingP99TargetMs = 100;
    private const double SearchP99TargetMs = 20;
    private const double MemoryTargetMiB = 250;

    public static async Task<int> RunAsync(LoadOptions options)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Machine: {Machine()}");
        Console.WriteLine($"Clients: {options.Clients}, {options.Seconds} s per phase; database folder {folder}");
        try
        {
            if (options.Build)
            {
                Console.WriteLine("Building the API (Release) ...");
                await ApiServer.BuildAsync(root);
            }

            var (phases, peakMiB, seededMiB) = await DriveApiAsync(root, folder, options);

            Console.WriteLine("Measuring the bare insert limit (one writer, WAL, synchronous=FULL, 5 s) ...");
            var (transactions, limit) = BareInsertLimit.Measure(folder, TimeSpan.FromSeconds(5));
            Console.WriteLine(Invariant($"Bare insert limit: {transactions} transactions in 5 s = {limit:0} transactions/s"));
            Console.WriteLine();

            var bookingOnly = phases[0].Results[Operation.Book];
            var bookingRate = bookingOnly.Count / phases[0].Elapsed.TotalSeconds;
            var mixedSearch = phases[1].Results[Operation.Search];
            var mixedBooking = phases[1].Results[Operation.Book];
            var mixedBookingRate = mixedBooking.Count / phases[1].Elapsed.TotalSeconds;
            Console.WriteLine(Invariant($"Booking throughput (bookings only): {bookingRate:0}/s = {bookingRate / limit:P0} of the bare insert limit"));
            Console.WriteLine(Invariant($"Booking throughput (mixed):         {mixedBookingRate:0}/s = {mixedBookingRate / limit:P0} of the bare insert limit"));
            Console.WriteLine(Invariant($"Server memory: {seededMiB:0} MiB after seeding, peak (VmHWM) {peakMiB:0} MiB"));
            Console.WriteLine();
            Console.WriteLine("Targets:");
            Target($"booking throughput >= {BookingShareTarget:P0} of the limit (bookings only)", bookingRate / limit >= BookingShareTarget,
                Invariant($"{bookingRate / limit:P0}"));
            Target($"booking p99 < {BookingP99TargetMs} ms at {options.Clients} clients (bookings only)",
                bookingOnly.Percentile(0.99) < BookingP99TargetMs, Invariant($"{bookingOnly.Percentile(0.99):0.0} ms"));
            Target($"booking p99 < {BookingP99TargetMs} ms at {options.Clients} clients (mixed)",
                mixedBooking.Percentile(0.99) < BookingP99TargetMs, Invariant($"{mixedBooking.Percentile(0.99):0.0} ms"));
            Target($"slot search p99 < {SearchP99TargetMs} ms at {options.Clients} clients (mixed)",
                mixedSearch.Percentile(0.99) < SearchP99TargetMs, Invariant($"{mixedSearch.Percentile(0.99):0.0} ms"));
            Target($"server memory < {MemoryTargetMiB} MB", peakMiB < MemoryTargetMiB, Invariant($"{peakMiB:0} MiB"));
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(List<(Mix Mix, Dictionary<Operation, Latencies> Results, TimeSpan Elapsed)> Phases, double PeakMiB, double SeededMiB)>
        DriveApiAsync(string root, string folder, LoadOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        await using var server = new ApiServer(root, folder);
        Console.WriteLine("Creating the admin with the command-line verb ...");
        await server.CreateAdminAsync();
        await server.StartAsync(http);
        Console.WriteLine($"API (pid {server.ProcessId}) on {server.BaseAddress}; seeding through the API ...");

        var seeding = Stopwatch.StartNew();
        var data = await Seeder.SeedAsync(http, server.BaseAddress);
        var seededMiB = server.MemoryMiB();
        Console.WriteLine(Invariant(
            $"Seeded {Seeder.Counsellors} counsellors, {data.Slots.Count} slots over {data.Days} days from {Seeder.Date(data.FirstDay)}, {data.Cases.Count} cases in {seeding.Elapsed.TotalSeconds:0.0} s"));

        var clients = new LoadClients(http, server.BaseAddress, data, options.Clients);
        var phases = new List<(Mix, Dictionary<Operation, Latencies>, TimeSpan)>();
        foreach (var mix in new[] { Mix.BookingsOnly, Mix.Mixed })
        {
            Console.WriteLine();
            Console.WriteLine(Invariant($"Phase '{mix.Name}' (search {mix.Search} %, book {mix.Book} %, read {mix.ReadBooking} %, note {mix.WriteNote} %), {options.Seconds} s:"));
            var (results, elapsed) = await clients.RunAsync(mix, TimeSpan.FromSeconds(options.Seconds));
            Print(results, elapsed);
            phases.Add((mix, results, elapsed));
        }

        var peakMiB = server.PeakMemoryMiB();
        Console.WriteLine();
        return (phases, peakMiB, seededMiB);
    }

    internal static void Print(Dictionary<Operation, Latencies> results, TimeSpan elapsed)
    {
        Console.WriteLine($"  {"operation",-13} {"count",8} {"per s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8}  errors");
        foreach (var (operation, latencies) in results.Where(r => r.Value.Count + r.Value.Errors > 0))
        {
            Console.WriteLine(Invariant(
                $"  {operation,-13} {latencies.Count,8} {latencies.Count / elapsed.TotalSeconds,8:0.0} {latencies.Percentile(0.50),8:0.0} {latencies.Percentile(0.95),8:0.0} {latencies.Percentile(0.99),8:0.0}  {latencies.ErrorSummary()}"));
        }
    }

    private static void Target(string name, bool met, string measured) =>
        Console.WriteLine($"  [{(met ? "met" : "MISSED")}] {name}: {measured}");

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
