using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Api;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;
using Npgsql;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// A retention run goes one at a time on PostgreSQL however it is started: while another session (another instance's
/// daily job) holds retention's advisory lock, the API answers 409, the verb exits 3 with a sentence and the DPO's page
/// says so, and nothing is erased; once the lock is given back, each of them runs.
/// </summary>
[Trait("Database", "PostgreSQL")]
public sealed class RetentionTurnTests : IDisposable
{
    private const string Due = "SELECT COUNT(*) FROM booking WHERE personal_data IS NOT NULL";
    private const string Runs = "SELECT COUNT(*) FROM audit_entry WHERE action = 'privacy.retention'";

    private readonly ApiFactory api = new();

    public RetentionTurnTests() => api.UsePostgreSql();

    public void Dispose() => api.Dispose();

    [PostgreSqlFact]
    public async Task RetentionEndpoint_WhileAnotherRunHoldsTheLock_Answers409_ErasesNothing_AndRunsOnceItIsReleased()
    {
        await BookOneDueAsync();
        var dpo = (await api.CreateClientAsAsync(Roles.Dpo)).Client;

        await using (var held = await HoldRetentionLockAsync())
        {
            var refused = await dpo.PostAsync("/api/v1/privacy/retention?dryRun=false", null);
            var dryRun = await dpo.PostAsync("/api/v1/privacy/retention?dryRun=true", null);

            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal(409, problem["status"]!.GetValue<int>());
            Assert.Equal("A retention run is going on already", problem["title"]!.GetValue<string>());
            Assert.StartsWith("Another instance is running retention now; try again in a few minutes.", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            await Scenario.EnsureAsync(dryRun, HttpStatusCode.OK); // the preview changes nothing and needs no turn
            Assert.Equal(1, (await dryRun.Content.ReadFromJsonAsync<JsonObject>())!["bookings"]!.GetValue<int>());
            Assert.Equal((1, 0), (Scenario.Count(api, Due), Scenario.Count(api, Runs)));

            await ReleaseAsync(held);
            var ran = await dpo.PostAsync("/api/v1/privacy/retention?dryRun=false", null);

            await Scenario.EnsureAsync(ran, HttpStatusCode.OK);
            Assert.Equal(1, (await ran.Content.ReadFromJsonAsync<JsonObject>())!["bookings"]!.GetValue<int>());
            Assert.Equal((0, 1), (Scenario.Count(api, Due), Scenario.Count(api, Runs)));
        }
    }

    [PostgreSqlFact]
    public async Task RetentionVerb_WhileAnotherRunHoldsTheLock_Exits3_WithASentence_AndRunsOnceItIsReleased()
    {
        await BookOneDueAsync();
        var (output, error) = (new StringWriter(), new StringWriter());

        await using (var held = await HoldRetentionLockAsync())
        {
            var refused = await CommandLine.RunAsync(api.Services, ["retention", "run"], TextReader.Null, output, error, _ => null);

            Assert.Equal(3, refused);
            Assert.Equal("Another instance is running retention now; try again in a few minutes. Nothing was changed by this request.",
                error.ToString().Trim());
            Assert.Equal("", output.ToString());
            Assert.Equal((1, 0), (Scenario.Count(api, Due), Scenario.Count(api, Runs)));

            await ReleaseAsync(held);
            var ran = await CommandLine.RunAsync(api.Services, ["retention", "run"], TextReader.Null, output, error, _ => null);

            Assert.Equal(0, ran);
            Assert.Contains("Erased: contact data of 1 booking(s)", output.ToString(), StringComparison.Ordinal);
            Assert.Equal((0, 1), (Scenario.Count(api, Due), Scenario.Count(api, Runs)));
        }
    }

    [PostgreSqlFact]
    public async Task RetentionPage_WhileAnotherRunHoldsTheLock_SaysSo_With409_AndRunsOnceItIsReleased()
    {
        var dpo = await StaffSession.SignInAsync(api, Roles.Dpo);
        await BookOneDueAsync();
        await dpo.SignInAgainAsync();

        await using (var held = await HoldRetentionLockAsync())
        {
            var refused = await dpo.SubmitAsync("/staff/dpo/retention", new Dictionary<string, string>());

            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.StartsWith("Eine Löschung nach den Aufbewahrungsfristen läuft gerade schon", refused.Document.QuerySelector("#running[role=alert]")!.TextContent.Trim(),
                StringComparison.Ordinal);
            Assert.NotNull(refused.Document.QuerySelector(".preview-bookings")); // the preview and the button stay
            Assert.Equal((1, 0), (Scenario.Count(api, Due), Scenario.Count(api, Runs)));

            await ReleaseAsync(held);
            var ran = await dpo.SubmitAsync("/staff/dpo/retention", new Dictionary<string, string>());

            Assert.Equal((HttpStatusCode.SeeOther, "/staff/dpo/retention?done=true&bookings=1&cases=0&answers=0"), (ran.Status, ran.Location));
            Assert.Equal((0, 1), (Scenario.Count(api, Due), Scenario.Count(api, Runs)));
        }
    }

    /// <summary>One booking whose contact data is due: the clock moves to more than 30 days after its appointment.</summary>
    private async Task BookOneDueAsync()
    {
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin);
        await Scenario.BookAsync(api.CreateClient(), slots[0]["id"]!.GetValue<Guid>());
        api.Clock.Reset(Instant.FromUtc(2027, 1, 10, 8, 0));
        Assert.Equal(1, Scenario.Count(api, Due));
    }

    /// <summary>Retention's advisory lock, taken by a session of the test's own, as another instance's daily job holds it.</summary>
    private async Task<NpgsqlConnection> HoldRetentionLockAsync()
    {
        var connection = (NpgsqlConnection)api.OpenDatabase();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", SingleInstanceRun.Retention);
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
        return connection;
    }

    private static async Task ReleaseAsync(NpgsqlConnection held)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", held);
        command.Parameters.AddWithValue("key", SingleInstanceRun.Retention);
        Assert.True((bool)(await command.ExecuteScalarAsync())!);
    }
}
