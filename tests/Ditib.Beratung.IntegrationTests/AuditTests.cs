using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Api;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.IntegrationTests;

public sealed class AuditTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient dpo;

    public AuditTests() => dpo = api.CreateClientAs(Roles.Dpo);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task SecurityRelevantSteps_AreRecorded_AndTheChainVerifies()
    {
        var staff = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (counsellorId, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        await Scenario.EnsureAsync(await staff.PostAsJsonAsync($"/api/v1/slots/{slots[0]["id"]}/cancel", new { reason = "Test" }), HttpStatusCode.OK);
        await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "niemand", password = "Irgendein-Testwort-1" });

        var entries = await dpo.GetFromJsonAsync<List<JsonObject>>("/api/v1/audit?limit=100");
        var actions = entries!.Select(e => e["action"]!.GetValue<string>()).ToList();
        foreach (var action in new[] { "user.create", "auth.sign-in", "counsellor.create", "counsellor.hours-set", "slot.publish", "slot.cancel" })
        {
            Assert.Contains(action, actions);
        }

        var failed = entries!.First(e => e["outcome"]!.GetValue<string>() == "failure: unknown user");
        Assert.Equal("anonymous", failed["actorName"]!.GetValue<string>());
        Assert.DoesNotContain("niemand", entries!.Select(e => e.ToJsonString()).Aggregate((a, b) => a + b), StringComparison.Ordinal);

        var byCounsellor = await dpo.GetFromJsonAsync<List<JsonObject>>($"/api/v1/audit?subjectType=counsellor&subjectId={counsellorId}");
        Assert.Equal(["slot.publish", "counsellor.hours-set", "counsellor.create"], byCounsellor!.Select(e => e["action"]!.GetValue<string>()));

        var verification = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        Assert.True(verification!["valid"]!.GetValue<bool>());
        Assert.Equal(entries!.Count, verification["entries"]!.GetValue<int>());
    }

    [Fact]
    public void AuditTable_RefusesUpdateAndDelete()
    {
        api.CreateClientAs(Roles.Staff);
        using var connection = api.OpenDatabase();

        var update = Assert.Throws<SqliteException>(() => Execute(connection, "UPDATE audit_entry SET outcome = 'changed'"));
        var delete = Assert.Throws<SqliteException>(() => Execute(connection, "DELETE FROM audit_entry"));

        Assert.Contains("audit_append_only", update.Message, StringComparison.Ordinal);
        Assert.Contains("audit_append_only", delete.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE audit_entry SET outcome = 'success: nothing to see' WHERE seq = 3")]
    [InlineData("UPDATE audit_entry SET actor_name = 'someone-else' WHERE seq = 3")]
    [InlineData("DELETE FROM audit_entry WHERE seq = 3")]
    [InlineData("UPDATE audit_entry SET at = 'garbage' WHERE seq = 3")]
    public async Task Verification_NamesTheFirstTamperedEntry(string tampering)
    {
        for (var i = 0; i < 3; i++)
        {
            api.CreateClientAs(Roles.Staff);
        }

        using (var connection = api.OpenDatabase())
        {
            // Bypass the append-only triggers, as someone with the file could.
            Execute(connection, "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;");
            Execute(connection, tampering);
        }

        var verification = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");

        Assert.False(verification!["valid"]!.GetValue<bool>());
        Assert.Equal(tampering.StartsWith("DELETE", StringComparison.Ordinal) ? 4 : 3, verification["firstBrokenSeq"]!.GetValue<long>());
    }

    [Fact]
    public async Task Verification_NoticesThatTheNewestEntriesWereRemoved()
    {
        for (var i = 0; i < 3; i++)
        {
            api.CreateClientAs(Roles.Staff);
        }

        var before = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        var total = before!["entries"]!.GetValue<long>();
        using (var connection = api.OpenDatabase())
        {
            Execute(connection, $"DROP TRIGGER audit_entry_no_delete; DELETE FROM audit_entry WHERE seq > {total - 2};");
        }

        var after = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");

        Assert.True(before["valid"]!.GetValue<bool>());
        Assert.False(after!["valid"]!.GetValue<bool>());
        Assert.Equal(total - 1, after["firstBrokenSeq"]!.GetValue<long>());
    }

    [Fact]
    public async Task CommandLineVerify_ExitsNonZeroOnABrokenChain()
    {
        api.CreateClientAs(Roles.Staff);
        var (output, error) = (new StringWriter(), new StringWriter());
        Assert.Equal(0, await CommandLine.RunAsync(api.Services, ["audit", "verify"], TextReader.Null, output, error));

        using (var connection = api.OpenDatabase())
        {
            Execute(connection, "DROP TRIGGER audit_entry_no_update; UPDATE audit_entry SET action = 'forged' WHERE seq = 1;");
        }

        Assert.Equal(1, await CommandLine.RunAsync(api.Services, ["audit", "verify"], TextReader.Null, output, error));
        Assert.Contains("broken at entry 1", error.ToString(), StringComparison.Ordinal);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
