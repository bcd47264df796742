namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>
/// Options of the load run: concurrent clients, seconds per phase, the size of the seeded centre, whether to build the
/// API first, and the database: SQLite (the default) or, with <c>--postgresql</c>, a fresh database on a PostgreSQL
/// server that the admin connection string names, behind <c>--instances</c> API processes. <c>--quick</c> is a smaller,
/// shorter run for checking that everything works (its figures are not comparable with the targets, which are set for
/// 50 counsellors × 90 days and 32 clients).
/// </summary>
public sealed record LoadOptions(int Clients, int Seconds, bool Build, int Counsellors = Seeder.Counsellors, int Days = Seeder.Days,
    string? PostgreSql = null, int Instances = 1)
{
    private const string Known =
        "--clients N, --seconds N, --counsellors N, --days N, --quick, --no-build, --postgresql \"<admin connection string>\", --instances N";

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
                "--postgresql" when i + 1 < args.Count => options with { PostgreSql = ConnectionString(args[++i]) },
                "--instances" when i + 1 < args.Count => options with { Instances = Bounded(args[++i], 1, 4, "--instances") },
                "--quick" => options with { Clients = 8, Seconds = 5, Counsellors = 10, Days = 30 },
                "--no-build" => options with { Build = false },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Options: {Known}."),
            };
        }

        return options.Instances > 1 && options.PostgreSql is null
            ? throw new ArgumentException("--instances above 1 needs --postgresql: instances share one database, and a SQLite file belongs to one process.")
            : options;
    }

    private static string ConnectionString(string text)
    {
        Npgsql.NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("--postgresql is not an Npgsql connection string (Host=…;Username=…;Database=postgres).");
        }

        return string.IsNullOrWhiteSpace(builder.Host)
            ? throw new ArgumentException("--postgresql needs a Host (e.g. \"Host=127.0.0.1;Username=…;Database=postgres\"; the password may come from PGPASSWORD).")
            : text;
    }

    private static int Bounded(string text, int min, int max, string name) =>
        int.TryParse(text, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a whole number between {min} and {max}.");
}
