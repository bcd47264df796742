using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.Infrastructure.Security;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Api;

/// <summary>
/// Verbs of the API program that run once and exit instead of serving:
/// <c>users create-admin --username NAME</c> (password from BERATUNG_ADMIN_PASSWORD, else standard input, never
/// from the command line), <c>audit verify</c> and <c>keys rotate</c>.
/// </summary>
public static class CommandLine
{
    public const string PasswordVariable = "BERATUNG_ADMIN_PASSWORD";

    /// <summary>The exit code of <c>retention run</c> while another run is going on (another instance, its daily job).</summary>
    private const int ExitAlreadyRunning = 3;

    private const string Usage = """
        Usage: dotnet run --project src/Ditib.Beratung.Api [-- VERB]    without a verb: serve the API and the resident pages
          users create-admin --username NAME [--force]   create an admin (password from BERATUNG_ADMIN_PASSWORD or standard input;
                                                         the second factor is set up at the first sign-in, /staff/sign-in)
          audit verify [--noted SEQ:HASH]                check the keyed audit chain; print the count and the last entry's number, id and hash
          retention run [--dry-run]                      erase what the retention periods allow, or only list it (exit 3: another run is going on)
          backup --to PATH                               write a consistent, integrity-checked copy of the live database (SQLite)
          copy-to-postgresql --connection "Host=…"       copy the SQLite database into a new, empty PostgreSQL database, then
                                                         compare row counts and verify the audit chain on the copy
          keys rotate                                    re-wrap every data key under Beratung:Encryption:ActiveKeyId
          help                                           show this list
        """;

    private static readonly string[] Verbs = ["users", "audit", "keys", "retention", "backup", "copy-to-postgresql"];

    /// <summary>
    /// Answers what needs no host: <c>help</c>, <c>--help</c>, <c>-h</c> print the verbs (exit 0), an unknown verb prints
    /// them as an error (exit 2). Null when the program should go on (a verb, or serving with host options).
    /// </summary>
    public static int? Preflight(string[] args, TextWriter output, TextWriter error)
    {
        switch (args)
        {
            case ["help" or "--help" or "-h" or "-?", ..]:
                output.WriteLine(Usage);
                return 0;
            case [var first, ..] when !first.StartsWith('-') && !Verbs.Contains(first):
                error.WriteLine($"Unknown verb '{first}'.");
                error.WriteLine(Usage);
                return 2;
            default:
                return null;
        }
    }

    /// <summary>
    /// Reads the settings and migrates the database; a missing or invalid setting is one line naming it on standard
    /// error (and false), before any database is created or migrated.
    /// </summary>
    public static bool TryInitialise(IServiceProvider services, TextWriter error)
    {
        try
        {
            services.InitialiseInfrastructure();
            return true;
        }
        catch (Exception refused) when (refused is InvalidOperationException or FormatException or Microsoft.Extensions.Options.OptionsValidationException
            or AggregateException { InnerExceptions: [Microsoft.Extensions.Options.OptionsValidationException, ..] })
        {
            var message = refused is AggregateException all ? string.Join(" ", all.InnerExceptions.Select(e => e.Message).Distinct()) : refused.Message;
            error.WriteLine("Ditib.Beratung cannot start: " + message.ReplaceLineEndings(" "));
            return false;
        }
    }

    public static bool IsVerb(string[] args) => args is [var first, ..] && Verbs.Contains(first);

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error,
        Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        using var system = SystemScope.Enter();
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        switch (args)
        {
            case ["users", "create-admin", "--username", var username, .. var rest] when rest is [] or ["--force"]:
                return await CreateAdminAsync(mediator, username, rest is ["--force"], environment, input, output, error);
            case ["users", "create-admin", var option, .. var rest] when option.StartsWith("--username=", StringComparison.Ordinal) && rest is [] or ["--force"]:
                return await CreateAdminAsync(mediator, option["--username=".Length..], rest is ["--force"], environment, input, output, error);
            case ["audit", "verify"]:
                return await VerifyAuditAsync(mediator, null, output, error);
            case ["audit", "verify", "--noted", var noted]:
                return await VerifyAuditAsync(mediator, noted, output, error);
            case ["retention", "run", .. var options] when options is [] or ["--dry-run"]:
                return await RetentionAsync(mediator, options is ["--dry-run"], output, error);
            case ["backup", "--to", _] when scope.ServiceProvider.GetRequiredService<DatabaseOptions>() is { IsPostgreSql: true } database:
                await error.WriteLineAsync(PostgreSqlCopy.BackupIsPgDumpsJob(database.ConnectionString,
                    scope.ServiceProvider.GetRequiredService<NodaTime.IClock>().GetCurrentInstant().InUtc().Date));
                return 1;
            case ["backup", "--to", var path]:
                return await BackupAsync(scope.ServiceProvider.GetRequiredService<DatabaseBackup>(), path, output, error);
            case ["copy-to-postgresql", "--connection", var target]:
                return await CopyToPostgreSql.RunAsync(scope.ServiceProvider, target, output, error);
            case ["copy-to-postgresql", var option] when option.StartsWith("--connection=", StringComparison.Ordinal):
                return await CopyToPostgreSql.RunAsync(scope.ServiceProvider, option["--connection=".Length..], output, error);
            case ["keys", "rotate"]:
                return await RotateKeysAsync(scope.ServiceProvider.GetRequiredService<KeyRotation>(), output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(IMediator mediator, string username, bool force, Func<string, string?> environment,
        TextReader input, TextWriter output, TextWriter error)
    {
        if (!force && (await mediator.Send(new ListUsers())).Any(u => u.Roles.Contains(Roles.Admin) && u.Active))
        {
            await error.WriteLineAsync("An active admin exists already; admins create further accounts through the API. Add --force to create another admin here.");
            return 1;
        }

        var password = environment(PasswordVariable) ?? await ReadPasswordAsync(input, error);
        try
        {
            var user = await mediator.Send(new CreateUser(username, password, [Roles.Admin]));
            await output.WriteLineAsync($"Created admin '{user.Username}' ({user.Id}).");
            await output.WriteLineAsync("Next: sign in at /staff/sign-in and set up the second factor with an authenticator app (QR code or key),");
            await output.WriteLineAsync("or over the API: POST /api/v1/auth/token answers \"requires\": \"two-factor-setup\"; then POST");
            await output.WriteLineAsync("/api/v1/auth/two-factor/setup and /api/v1/auth/two-factor/enable with a code from the app.");
            return 0;
        }
        catch (ValidationException invalid)
        {
            foreach (var failure in invalid.Errors)
            {
                await error.WriteLineAsync($"{failure.PropertyName}: {failure.ErrorMessage}");
            }

            return 1;
        }
        catch (Domain.Common.ConflictException conflict)
        {
            await error.WriteLineAsync(conflict.Message);
            return 1;
        }
    }

    private static async Task<int> RetentionAsync(IMediator mediator, bool dryRun, TextWriter output, TextWriter error)
    {
        RetentionReport report;
        try
        {
            report = await mediator.Send(new RunRetention(dryRun));
        }
        catch (AlreadyRunningException running)
        {
            await error.WriteLineAsync(running.Message);
            return ExitAlreadyRunning;
        }

        var verb = dryRun ? "Would erase" : "Erased";
        await output.WriteLineAsync($"{verb}: contact data of {report.Bookings} booking(s), {report.Cases.Count} closed case(s), " +
            $"{report.IdempotencyKeys} stored idempotency answer(s).");
        foreach (var reference in report.BookingReferences)
        {
            await output.WriteLineAsync($"  booking {reference}");
        }

        foreach (var code in report.Cases)
        {
            await output.WriteLineAsync($"  case {code}");
        }

        return 0;
    }

    private static async Task<int> BackupAsync(DatabaseBackup backup, string path, TextWriter output, TextWriter error)
    {
        try
        {
            var integrity = await backup.WriteAsync(path, CancellationToken.None);
            if (integrity != "ok")
            {
                await error.WriteLineAsync($"The backup was written but its integrity check says: {integrity}");
                return 1;
            }

            await output.WriteLineAsync($"Backup written to {Path.GetFullPath(path)}; integrity check: ok.");
            return 0;
        }
        catch (InvalidOperationException refused)
        {
            await error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    private static async Task<int> RotateKeysAsync(KeyRotation rotation, TextWriter output, TextWriter error)
    {
        var result = await rotation.RotateAsync(CancellationToken.None);
        await output.WriteLineAsync(
            $"Re-wrapped {result.Rewrapped} data key(s) under master key '{rotation.ActiveKeyId}'; {result.AlreadyCurrent} were already under it.");
        if (result.MissingMasterKey.Count == 0)
        {
            return 0;
        }

        await error.WriteLineAsync(
            $"{result.MissingMasterKey.Count} data key(s) name a master key that is not configured; they were left as they are. " +
            "Add that master key to Beratung:Encryption:MasterKeys and run again.");
        return 1;
    }

    private static async Task<int> VerifyAuditAsync(IMediator mediator, string? noted, TextWriter output, TextWriter error)
    {
        var parts = noted?.Split(':', 2);
        if (parts is not null && (parts.Length != 2 || !long.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            await error.WriteLineAsync("--noted takes the entry's number and hash as verification printed them: SEQ:HASH.");
            return 2;
        }

        var result = await mediator.Send(parts is null ? new VerifyAudit() : new VerifyAudit(long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts[1]));
        var last = $"last entry {result.LastSeq?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} " +
            $"(id {result.LastId?.ToString() ?? "-"}), hash {result.LastHash}";
        if (result.Valid)
        {
            await output.WriteLineAsync($"Audit trail intact: {result.Entries} entries ({result.UnkeyedEntries} from before the chain key); {last}.");
            await output.WriteLineAsync("Note the number and hash of the last entry outside the system; check later with --noted SEQ:HASH.");
            return 0;
        }

        await error.WriteLineAsync($"Audit trail broken at entry {result.FirstBrokenSeq} ({result.FirstBrokenId}): {result.Problem}");
        await error.WriteLineAsync($"Intact up to: {result.Entries} entries, {last}.");
        return 1;
    }

    /// <summary>From a terminal without echo; from a pipe, the first line.</summary>
    private static async Task<string> ReadPasswordAsync(TextReader input, TextWriter error)
    {
        if (!Console.IsInputRedirected && ReferenceEquals(input, Console.In))
        {
            await error.WriteAsync("Password for the new admin: ");
            var typed = new System.Text.StringBuilder();
            for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
            {
                if (key.Key == ConsoleKey.Backspace && typed.Length > 0)
                {
                    typed.Length--;
                }
                else if (!char.IsControl(key.KeyChar))
                {
                    typed.Append(key.KeyChar);
                }
            }

            await error.WriteLineAsync();
            return typed.ToString();
        }

        return await input.ReadLineAsync() ?? "";
    }
}
