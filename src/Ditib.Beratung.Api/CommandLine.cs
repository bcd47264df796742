using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Api;

/// <summary>
/// Verbs of the API program that run once and exit instead of serving:
/// <c>users create-admin --username NAME</c> (password from BERATUNG_ADMIN_PASSWORD, else standard input, never
/// from the command line) and <c>audit verify</c>.
/// </summary>
public static class CommandLine
{
    public const string PasswordVariable = "BERATUNG_ADMIN_PASSWORD";

    private const string Usage = """
        Usage:
          dotnet run --project src/Ditib.Beratung.Api -- users create-admin --username NAME
              the password comes from the environment variable BERATUNG_ADMIN_PASSWORD, else from standard input
          dotnet run --project src/Ditib.Beratung.Api -- audit verify
        """;

    public static bool IsVerb(string[] args) => args is ["users" or "audit", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        switch (args)
        {
            case ["users", "create-admin", "--username", var username]:
                return await CreateAdminAsync(mediator, username, input, output, error);
            case ["users", "create-admin", var option] when option.StartsWith("--username=", StringComparison.Ordinal):
                return await CreateAdminAsync(mediator, option["--username=".Length..], input, output, error);
            case ["audit", "verify"]:
                return await VerifyAuditAsync(mediator, output, error);
            default:
                await error.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAdminAsync(IMediator mediator, string username, TextReader input, TextWriter output, TextWriter error)
    {
        var password = Environment.GetEnvironmentVariable(PasswordVariable) ?? await ReadPasswordAsync(input, error);
        try
        {
            var user = await mediator.Send(new CreateUser(username, password, [Roles.Admin]));
            await output.WriteLineAsync($"Created admin '{user.Username}' ({user.Id}).");
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

    private static async Task<int> VerifyAuditAsync(IMediator mediator, TextWriter output, TextWriter error)
    {
        var result = await mediator.Send(new VerifyAudit());
        if (result.Valid)
        {
            await output.WriteLineAsync($"Audit trail intact: {result.Entries} entries.");
            return 0;
        }

        await error.WriteLineAsync($"Audit trail broken at entry {result.FirstBrokenSeq} ({result.FirstBrokenId}): {result.Problem}");
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
