namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>Options of the load run: concurrent clients, seconds per phase, and whether to build the API first.</summary>
public sealed record LoadOptions(int Clients, int Seconds, bool Build)
{
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions(Clients: 32, Seconds: 20, Build: true);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--clients" when i + 1 < args.Count => options with { Clients = Bounded(args[++i], 1, 512, "--clients") },
                "--seconds" when i + 1 < args.Count => options with { Seconds = Bounded(args[++i], 1, 600, "--seconds") },
                "--no-build" => options with { Build = false },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --clients N, --seconds N, --no-build."),
            };
        }

        return options;
    }

    private static int Bounded(string text, int min, int max, string name) =>
        int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number between {min} and {max}.");
}
