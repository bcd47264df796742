using System.Diagnostics;
using Microsoft.Data.Sqlite;
using static Ditib.Beratung.Benchmarks.Load.LoadRun;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// The soak: the API in Release with Development settings (e-mails into the pickup folder), seeded as for the load
/// run, then N clients doing what residents do for <c>--minutes</c>, while the server's memory is sampled every 30 s
/// (resident set from <c>/proc/PID/status</c>, GC heap after the last gen-2 collection from <see cref="SoakProbe"/>).
/// It prints the curve and whether the last three minutes stay within 10 % of each other.
/// </summary>
public static class SoakRun
{
    private const double LevelTolerance = 0.10;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Tail = TimeSpan.FromMinutes(3);

    private sealed record Sample(TimeSpan At, double RssMiB, double HeapAfterGen2MiB, long Answered);

    public static async Task<int> RunAsync(SoakOptions options)
    {
        var root = RepositoryRoot();
        var folder = Path.Combine(Path.GetTempPath(), "ditib-beratung-soak", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC; machine: {Machine()}");
        Console.WriteLine(Invariant($"Soak: {options.Clients} clients, {options.Minutes} min ({Mix.Soak}); database folder {folder}"));
        try
        {
            if (options.Build)
            {
                Console.WriteLine("Building the API (Release) ...");
                await ApiServer.BuildAsync(root);
            }

            return await DriveAsync(root, folder, options);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> DriveAsync(string root, string folder, SoakOptions options)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(60) };
        var probeFile = Path.Combine(folder, "probe.json");
        await using var server = new ApiServer(root, folder, development: true, probeFile: probeFile);
        await server.CreateAdminAsync();
        await server.StartAsync(http);
        Console.WriteLine($"API (pid {server.ProcessId}) on {server.BaseAddress}; seeding through the API ...");
        var data = await Seeder.SeedAsync(http, server.BaseAddress);
        Console.WriteLine(Invariant($"Seeded {data.Slots.Count} slots; {server.MemoryMiB():0} MiB after seeding"));
        Console.WriteLine();
        Console.WriteLine($"  {"minute",6} {"RSS MiB",8} {"heap after gen2 MiB",20} {"requests",9}");

        var clients = new LoadClients(http, [server.BaseAddress], data, options.Clients);
        var duration = TimeSpan.FromMinutes(options.Minutes);
        var clock = Stopwatch.StartNew();
        var run = clients.RunAsync(Mix.Soak, duration);
        var samples = new List<Sample>();
        using (var timer = new PeriodicTimer(SampleEvery))
        {
            while (samples.Count < duration / SampleEvery && await timer.WaitForNextTickAsync())
            {
                var probe = SoakProbe.Read(probeFile);
                var sample = new Sample(clock.Elapsed, server.MemoryMiB(), (probe?.HeapAfterGen2Bytes ?? 0) / 1048576.0, clients.Answered);
                samples.Add(sample);
                Console.WriteLine(Invariant($"  {sample.At.TotalMinutes,6:0.0} {sample.RssMiB,8:0} {sample.HeapAfterGen2MiB,20:0.0} {sample.Answered,9}"));
            }
        }

        var (results, elapsed) = await run;
        Console.WriteLine();
        Print(results, elapsed);
        Console.WriteLine();
        Console.WriteLine(Invariant($"E-mails in the pickup folder: {CountMail(folder)}; peak RSS (VmHWM) {server.PeakMemoryMiB():0} MiB"));
        Verdict("RSS", samples, s => s.RssMiB);
        Verdict("GC heap after gen2", samples, s => s.HeapAfterGen2MiB);
        Exceptions(SoakProbe.Read(probeFile));
        return 0;
    }

    private static void Verdict(string name, List<Sample> samples, Func<Sample, double> value)
    {
        var end = samples[^1].At;
        var tail = samples.Where(s => s.At >= end - Tail - TimeSpan.FromSeconds(5)).Select(value).ToList();
        var spread = tail.Count == 0 || tail.Min() <= 0 ? double.NaN : (tail.Max() - tail.Min()) / tail.Min();
        Console.WriteLine(Invariant(
            $"{name}, last {Tail.TotalMinutes:0} minutes ({tail.Count} samples): {tail.DefaultIfEmpty().Min():0.0}–{tail.DefaultIfEmpty().Max():0.0} MiB, spread {spread:P1}: {(spread <= LevelTolerance ? "levels off (within 10 %)" : "does NOT level off")}"));
    }

    private static void Exceptions(ProbeSample? probe)
    {
        if (probe is null)
        {
            Console.WriteLine("No probe file: the startup hook did not run.");
            return;
        }

        Console.WriteLine(Invariant($"Gen-2 collections: {probe.Gen2Collections}. First-chance exceptions in the server, by type:"));
        foreach (var (type, count) in probe.Exceptions.OrderByDescending(e => e.Value))
        {
            Console.WriteLine(Invariant($"  {count,8} × {type}"));
        }

        Console.WriteLine("Where they were thrown (the most frequent call stacks):");
        foreach (var (thrownAt, count) in probe.ThrownAt.OrderByDescending(e => e.Value).Take(12))
        {
            Console.WriteLine(Invariant($"  {count,8} × {thrownAt}"));
        }
    }

    private static int CountMail(string folder) =>
        Directory.Exists(Path.Combine(folder, "mail-pickup")) ? Directory.EnumerateFiles(Path.Combine(folder, "mail-pickup"), "*.eml").Count() : 0;
}
