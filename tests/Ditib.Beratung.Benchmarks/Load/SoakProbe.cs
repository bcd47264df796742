using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>What the probe inside the API process saw so far.</summary>
public sealed record ProbeSample(long HeapAfterGen2Bytes, int Gen2Collections, Dictionary<string, int> Exceptions, Dictionary<string, int> ThrownAt);

/// <summary>
/// Runs inside the API process during a soak, loaded by the runtime as a startup hook (see <see cref="ApiServer"/>):
/// every 5 s it writes to the file named by <see cref="Variable"/> the GC heap after the last gen-2 collection and
/// the first-chance exceptions counted by type and by the call stack (method names only) that threw them. Nothing of
/// a request or its data is recorded.
/// </summary>
public static class SoakProbe
{
    public const string Variable = "BERATUNG_SOAK_PROBE";
    private const int MaxStacks = 50;

    private static readonly ConcurrentDictionary<string, int> Exceptions = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, int> ThrownAt = new(StringComparer.Ordinal);
    private static Timer? timer;

    public static void Start()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path)
        {
            return;
        }

        AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
        {
            var type = e.Exception.GetType().FullName ?? "?";
            Exceptions.AddOrUpdate(type, 1, (_, n) => n + 1);
            var thrownAt = $"{type} at {Stack(new StackTrace(1, fNeedFileInfo: false))}";
            if (ThrownAt.ContainsKey(thrownAt) || ThrownAt.Count < MaxStacks)
            {
                ThrownAt.AddOrUpdate(thrownAt, 1, (_, n) => n + 1);
            }
        };
        timer = new Timer(_ => Write(path), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    public static ProbeSample? Read(string path)
    {
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<ProbeSample>(File.ReadAllText(path)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static void Write(string path)
    {
        var full = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        var background = GC.GetGCMemoryInfo(GCKind.Background);
        var last = full.Index >= background.Index ? full : background;
        long heapAfter = 0;
        foreach (var generation in last.GenerationInfo)
        {
            heapAfter += generation.SizeAfterBytes;
        }

        var sample = new ProbeSample(heapAfter, GC.CollectionCount(2), new(Exceptions, StringComparer.Ordinal), new(ThrownAt, StringComparer.Ordinal));
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(sample));
        File.Move(temporary, path, overwrite: true);
    }

    private static string Stack(StackTrace trace) => string.Join(" < ", trace.GetFrames()
        .Select(f => f.GetMethod())
        .Where(m => m?.DeclaringType is not null && m.DeclaringType.Namespace != typeof(SoakProbe).Namespace)
        .Take(14)
        .Select(m => $"{m!.DeclaringType!.FullName}.{m.Name}"));
}
