using System.Text.Json.Nodes;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// The database's errors are translated once, inside Infrastructure (<see cref="IDatabaseErrors"/>), and every
/// statement of a <see cref="DbSession"/> goes through it: the stores catch nothing, the Api names no provider.
/// </summary>
public sealed class DatabaseErrorTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData(5, "database is locked")]
    [InlineData(6, "database table is locked")]
    public async Task ABusyDatabase_Answers503WithRetryAfter_AndSaysNothingWasStored(int code, string message)
    {
        var translated = new SqliteErrors().Translate(new SqliteException(message, code));

        var busy = Assert.IsType<DatabaseBusyException>(translated);
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        var handler = new ProblemDetailsExceptionHandler(services.GetRequiredService<IProblemDetailsService>(),
            NullLogger<ProblemDetailsExceptionHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(context, busy, CancellationToken.None));
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("5", context.Response.Headers.RetryAfter.ToString());
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(context.Response.Body)!;
        Assert.Equal("The database is busy; nothing was stored. Please try again in a moment.", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public void AnUnexpectedDatabaseError_IsLeftAsItIs()
    {
        Assert.Null(new SqliteErrors().Translate(new SqliteException("disk I/O error", 10)));
    }

    [Fact]
    public async Task ASecondProfileForOneAccount_IsAConflictNamingTheLink()
    {
        var user = await api.CreateUserAsync("verknuepft.test", Roles.Counsellor);
        const string insert = """
            INSERT INTO counsellor (id, display_name, active, user_id, created_at, updated_at)
            VALUES (@id, 'Erfundene Beraterin', 1, @userId, @now, @now)
            """;

        var conflict = await InOneCommandAsync(async session =>
        {
            await session.ExecuteAsync(insert, new { id = Guid.NewGuid(), userId = user.Id, now = ApiFactory.Start }, CancellationToken.None);
            await session.ExecuteAsync(insert, new { id = Guid.NewGuid(), userId = user.Id, now = ApiFactory.Start }, CancellationToken.None);
        });

        Assert.Equal("This user account is already linked to another counsellor profile.", conflict.Message);
    }

    [Fact]
    public async Task ATakenUserNameInAnotherCase_IsAConflictNamingTheName()
    {
        await api.CreateUserAsync("gross.klein.test", Roles.Staff);

        var conflict = await InOneCommandAsync(session => session.ExecuteAsync("""
            INSERT INTO app_user (id, username, password_hash, active, failed_sign_ins, security_stamp, created_at, updated_at)
            VALUES (@id, 'GROSS.Klein.test', 'kein-hash', 1, 0, 'stempel', @now, @now)
            """, new { id = Guid.NewGuid(), now = ApiFactory.Start }, CancellationToken.None));

        Assert.Equal("This user name is already taken.", conflict.Message);
    }

    private async Task<ConflictException> InOneCommandAsync(Func<DbSession, Task> write)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        await session.BeginAsync(CancellationToken.None);
        try
        {
            return await Assert.ThrowsAsync<ConflictException>(() => write(session));
        }
        finally
        {
            await session.RollbackAsync();
        }
    }
}
