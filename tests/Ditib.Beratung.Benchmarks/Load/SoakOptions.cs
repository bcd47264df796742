namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>Options of the soak: how long, how many clients, and whether to build the API first.</summary>
public sealed record SoakOptions(int Minutes, int Clients, bool Build)
{
    public static SoakOptions Parse(IReadOnlyList<string> args)
    {
        var options = new SoakOptions(Minutes: 10, Clients: 8, Build: true);
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--minutes" when i + 1 < args.Count => options with { Minutes = Bounded(args[++i], 1, 240, "--minutes") },
                "--clients" when i + 1 < args.Count => options with { Clients = Bounded(args[++i], 1, 512, "--clients") },
                "--no-build" => options with { Build = false },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: --minutes N, --clients N, --no-build."),
            };
        }

        return options;
    }

    private static int Bounded(string text, int min, int max, string name) =>
        int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number between {min} and {max}.");
}
