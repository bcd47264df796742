using System.Globalization;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>Latencies and errors of one operation, recorded by one client (no locking); merged after the phase.</summary>
public sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private readonly Dictionary<string, int> errors = new(StringComparer.Ordinal);

    public int Count => milliseconds.Count;

    public int Errors => errors.Values.Sum();

    public void Add(TimeSpan elapsed) => milliseconds.Add(elapsed.TotalMilliseconds);

    public void Error(string kind) => errors[kind] = errors.GetValueOrDefault(kind) + 1;

    public static Latencies Merge(IEnumerable<Latencies> parts)
    {
        var all = new Latencies();
        foreach (var part in parts)
        {
            all.milliseconds.AddRange(part.milliseconds);
            foreach (var (kind, count) in part.errors)
            {
                all.errors[kind] = all.errors.GetValueOrDefault(kind) + count;
            }
        }

        all.milliseconds.Sort();
        return all;
    }

    /// <summary>The value below which the given share of the (sorted) samples lie, nearest-rank.</summary>
    public double Percentile(double share)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(share * milliseconds.Count);
        return milliseconds[Math.Clamp(rank - 1, 0, milliseconds.Count - 1)];
    }

    public string ErrorSummary() => errors.Count == 0
        ? "0"
        : string.Join(", ", errors.OrderByDescending(e => e.Value).Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Value} × {e.Key}")));
}
