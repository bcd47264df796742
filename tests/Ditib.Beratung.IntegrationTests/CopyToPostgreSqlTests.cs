using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Api;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Npgsql;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// <c>copy-to-postgresql</c>: data made through the API on SQLite, copied into a new PostgreSQL database, read by an
/// API on the copy with the same keys. The source is SQLite by nature, so these run in the SQLite pass (which has
/// PostgreSQL too), not in the pass that puts every host on PostgreSQL.
/// </summary>
[Trait("Database", "Sqlite")]
public sealed class CopyToPostgreSqlTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly List<string> databases = [];

    public void Dispose()
    {
        api.Dispose();
        foreach (var database in databases)
        {
            TestPostgres.DropDatabase(database);
        }
    }

    [PostgreSqlFact]
    public async Task Copy_KeepsEveryRowAndTheAuditChain_AndAnApiOnTheCopyOpensTheBookingAndTheNote()
    {
        var desk = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (counsellor, userId, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        var created = await desk.PostAsJsonAsync("/api/v1/counsellors", new
        {
            displayName = "Testberaterin Kopie Erfunden", languages = new[] { "de", "tr" }, topics = new[] { "family" }, userId,
        });
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        var counsellorId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var slot = await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots",
            new { start = "2026-12-02T10:00", minutes = 45, mode = "in-person", location = "Raum 3", capacity = 1 });
        await Scenario.EnsureAsync(slot, HttpStatusCode.Created);
        var booked = await Scenario.BookAsync(api.CreateClient(), (await slot.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        var opened = await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = booked["reference"]!.GetValue<string>() });
        await Scenario.EnsureAsync(opened, HttpStatusCode.Created);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes",
            new { text = "Termin beim Jugendamt am Montag, Unterlagen mitbringen." }), HttpStatusCode.Created);
        var target = NewDatabase();
        var (output, error) = (new StringWriter(), new StringWriter());

        var exit = await CommandLine.RunAsync(api.Services, ["copy-to-postgresql", "--connection", target], TextReader.Null, output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Contains("Audit trail on the copy intact", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Password", output.ToString() + error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Erfundene Testperson", output.ToString() + error, StringComparison.Ordinal);
        foreach (var table in new[] { "booking", "case_note", "client", "audit_entry", "data_key", "slot", "app_user", "outbox_message" })
        {
            Assert.Equal(Scenario.Count(api, $"SELECT COUNT(*) FROM {table}"), Count(target, $"SELECT COUNT(*) FROM {table}"));
        }

        Assert.Equal(Scenario.Count(api, "SELECT places_taken FROM slot WHERE places_taken > 0"), Count(target, "SELECT places_taken FROM slot WHERE places_taken > 0"));

        // The copy comes with the planner's statistics (reltuples is -1 until a table is first analysed or vacuumed;
        // autovacuum leaves tables this small alone), so its first searches are not planned as if the tables were empty.
        Assert.Equal(0, Count(target, "SELECT COUNT(*) FROM pg_class WHERE relkind = 'r' AND relname IN ('slot', 'booking', 'audit_entry') AND reltuples < 0"));

        using var copy = new ApiFactory();
        copy.UseDatabaseOf(api);
        copy.Settings["Beratung:Database:Provider"] = "PostgreSQL";
        copy.Settings["Beratung:Database:DataFolder"] = Path.GetDirectoryName(api.DatabasePath);
        copy.Settings["ConnectionStrings:Beratung"] = target;
        using var request = Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{booked["reference"]}", booked["manageToken"]!.GetValue<string>());
        using var read = await copy.CreateClient().SendAsync(request);
        await Scenario.EnsureAsync(read, HttpStatusCode.OK);
        Assert.Equal("Erfundene Testperson", (await read.Content.ReadFromJsonAsync<JsonObject>())!["name"]!.GetValue<string>());
        var onCopy = copy.CreateClient();
        onCopy.DefaultRequestHeaders.Authorization = counsellor.DefaultRequestHeaders.Authorization;
        var notes = await onCopy.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{caseId}/notes");
        Assert.Equal("Termin beim Jugendamt am Montag, Unterlagen mitbringen.", notes!.Single()["text"]!.GetValue<string>());
        var dpo = await copy.CreateClientAsAsync(Roles.Dpo);
        var verified = await dpo.Client.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        Assert.True(verified!["valid"]!.GetValue<bool>());
    }

    [PostgreSqlFact]
    public async Task Copy_IntoADatabaseThatIsNotEmpty_IsRefused_AndChangesNothing()
    {
        api.CreateClient();
        var target = NewDatabase();
        await ExecuteAsync(target, "CREATE TABLE something_else (id bigint)");
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(api.Services, ["copy-to-postgresql", "--connection", target], TextReader.Null, TextWriter.Null, error);

        Assert.Equal(1, exit);
        Assert.Contains("not empty", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(1L, Count(target, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()"));
    }

    [Fact]
    public async Task Copy_WithoutAConnectionStringNamingHostAndDatabase_SaysWhatItTakes()
    {
        api.CreateClient();
        var error = new StringWriter();

        var exit = await CommandLine.RunAsync(api.Services, ["copy-to-postgresql", "--connection", "Data Source=beratung.db"], TextReader.Null, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("--connection takes an Npgsql connection string", error.ToString(), StringComparison.Ordinal);
    }

    private string NewDatabase()
    {
        var database = TestPostgres.CreateDatabase();
        databases.Add(database);
        return database;
    }

    private static long Count(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
