namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// Options of the load run: concurrent clients, seconds per phase, the size of the seeded centre, and whether to
/// build the API first. <c>--quick</c> is a smaller, shorter run for checking that everything works (its figures are
/// not comparable with the targets, which are set for 50 counsellors × 90 days and 32 clients).
/// </summary>
public sealed record LoadOptions(int Clients, int Seconds, bool Build, int Counsellors = Seeder.Counsellors, int Days = Seeder.Days)
{
    public bool Full => Counsellors == Seeder.Counsellors && Days == Seeder.Days && Clients == 32;

    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(Clients: 32, Seconds: 20, Build: true);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--clients" when i + 1 < args.Count => options with { Clients = Bounded(args[++i], 1, 512, "--clients") },
                "--seconds" when i + 1 < args.Count => options with { Seconds = Bounded(args[++i], 1, 600, "--seconds") },
                "--counsellors" when i + 1 < args.Count => options with { Counsellors = Bounded(args[++i], 1, 200, "--counsellors") },
                "--days" when i + 1 < args.Count => options with { Days = Bounded(args[++i], 14, 180, "--days") },
                "--quick" => options with { Clients = 8, Seconds = 5, Counsellors = 10, Days = 30 },
                "--no-build" => options with { Build = false },
                _ => throw new ArgumentException(
                    $"Unknown option '{args[i]}'. Options: --clients N, --seconds N, --counsellors N, --days N, --quick, --no-build."),
            };
        }

        return options;
    }

    private static int Bounded(string text, int min, int max, string name) =>
        int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number between {min} and {max}.");
}
