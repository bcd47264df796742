using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Api;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure;
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
    public async Task AuditList_PagesBackwardsWithItsCursor_DownToTheFirstEntry()
    {
        await Scenario.AddAuditEntriesAsync(api, 1500, "case.share", "case", Guid.CreateVersion7().ToString());
        var total = Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry");

        var seqs = new List<long>();
        var url = "/api/v1/audit?limit=1000";
        for (var pages = 0; url is not null && pages < 10; pages++)
        {
            var response = await dpo.GetAsync(url);
            await Scenario.EnsureAsync(response, HttpStatusCode.OK);
            seqs.AddRange((await response.Content.ReadFromJsonAsync<List<JsonObject>>())!.Select(e => e["seq"]!.GetValue<long>()));
            url = response.Headers.TryGetValues("Link", out var links) ? links.Single().Split('<', '>')[1] : null;
        }

        Assert.Equal(Enumerable.Range(1, (int)total).Select(i => (long)i).Reverse(), seqs);
    }

    [Fact]
    public async Task AuditList_WithBefore_StartsBelowThatEntry()
    {
        for (var i = 0; i < 3; i++)
        {
            api.CreateClientAs(Roles.Staff);
        }

        var page = await dpo.GetFromJsonAsync<List<JsonObject>>("/api/v1/audit?before=4&limit=2");

        Assert.Equal([3L, 2L], page!.Select(e => e["seq"]!.GetValue<long>()));
    }

    [Fact]
    public void AuditTable_RefusesUpdateAndDelete()
    {
        api.CreateClientAs(Roles.Staff);
        using var connection = api.OpenDatabase();

        var update = Assert.ThrowsAny<DbException>(() => Execute(connection, "UPDATE audit_entry SET outcome = 'changed'"));
        var delete = Assert.ThrowsAny<DbException>(() => Execute(connection, "DELETE FROM audit_entry"));

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
            DropAppendOnlyTriggers(connection);
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
            DropAppendOnlyTriggers(connection);
            Execute(connection, $"DELETE FROM audit_entry WHERE seq > {total - 2};");
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
            DropAppendOnlyTriggers(connection);
            Execute(connection, "UPDATE audit_entry SET action = 'forged' WHERE seq = 1;");
        }

        Assert.Equal(1, await CommandLine.RunAsync(api.Services, ["audit", "verify"], TextReader.Null, output, error));
        Assert.Contains("broken at entry 1", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_OfAChainRecomputedWithoutTheKey_Fails()
    {
        for (var i = 0; i < 3; i++)
        {
            api.CreateClientAs(Roles.Staff);
        }

        using (var connection = api.OpenDatabase())
        {
            DropAppendOnlyTriggers(connection);
            Execute(connection, "UPDATE audit_entry SET outcome = 'success: nothing to see' WHERE seq = 3;");
            RecomputeUnkeyed(connection, fromSeq: 1);
        }

        var verification = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");

        Assert.False(verification!["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Verification_AnswersCountLastIdAndHash_AndWithTheNotedEntryNoticesACutOffTail()
    {
        for (var i = 0; i < 3; i++)
        {
            api.CreateClientAs(Roles.Staff);
        }

        var noted = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        var (lastSeq, lastHash) = (noted!["lastSeq"]!.GetValue<long>(), noted["lastHash"]!.GetValue<string>());
        using (var connection = api.OpenDatabase())
        {
            Assert.Equal(noted["entries"]!.GetValue<long>(), Scalar(connection, "SELECT COUNT(*) FROM audit_entry"));
            Assert.Equal(noted["lastId"]!.GetValue<Guid>().ToString(), Scalar(connection, $"SELECT id FROM audit_entry WHERE seq = {lastSeq}"));
            DropAppendOnlyTriggers(connection);
            Execute(connection, $"DELETE FROM audit_entry WHERE seq > {lastSeq - 2};");
            // Lowers the highest number given out too (SQLite: sqlite_sequence; PostgreSQL: audit_high_water).
            Execute(connection, api.IsPostgreSql
                ? $"UPDATE audit_high_water SET seq = {lastSeq - 2}"
                : $"UPDATE sqlite_sequence SET seq = {lastSeq - 2} WHERE name = 'audit_entry'");
        }

        var plain = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        var withNote = await dpo.GetFromJsonAsync<JsonObject>($"/api/v1/audit/verify?seq={lastSeq}&hash={lastHash}");
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CommandLine.RunAsync(api.Services, ["audit", "verify", "--noted", $"{lastSeq}:{lastHash}"], TextReader.Null, output, error);

        Assert.True(plain!["valid"]!.GetValue<bool>());
        Assert.Equal(lastSeq - 2, plain["lastSeq"]!.GetValue<long>());
        Assert.False(withNote!["valid"]!.GetValue<bool>());
        Assert.Equal(1, exit);
        Assert.Contains($"entry {lastSeq}", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommandLineVerify_PrintsTheCountAndTheLastEntrysIdAndHash()
    {
        api.CreateClientAs(Roles.Staff);
        var verification = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        var (output, error) = (new StringWriter(), new StringWriter());

        Assert.Equal(0, await CommandLine.RunAsync(api.Services, ["audit", "verify"], TextReader.Null, output, error));

        var printed = output.ToString();
        Assert.Contains($"{verification!["entries"]} entries", printed, StringComparison.Ordinal);
        Assert.Contains(verification["lastId"]!.GetValue<Guid>().ToString(), printed, StringComparison.Ordinal);
        Assert.Contains(verification["lastHash"]!.GetValue<string>(), printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_OfAnEarlierUnkeyedChain_ContinuedWithTheKey_Holds_AndAnUnkeyedEntryAfterAKeyedOneDoesNot()
    {
        api.CreateClientAs(Roles.Staff);
        using (var connection = api.OpenDatabase())
        {
            // What a database from before the key looks like: every entry an unkeyed SHA-256 link.
            DropAppendOnlyTriggers(connection);
            RecomputeUnkeyed(connection, fromSeq: 1);
        }

        var legacyCount = Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry");
        api.Services.InitialiseInfrastructure(); // the start-up of the version with the key
        var restarted = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        api.CreateClientAs(Roles.Staff);
        var continued = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        using (var connection = api.OpenDatabase())
        {
            RecomputeUnkeyed(connection, fromSeq: legacyCount + 2);
        }

        var downgraded = await dpo.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");

        Assert.True(restarted!["valid"]!.GetValue<bool>());
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'audit.chain-keyed' AND seq = {legacyCount + 1}"));
        Assert.True(continued!["valid"]!.GetValue<bool>());
        Assert.Equal(legacyCount, continued["unkeyedEntries"]!.GetValue<long>());
        Assert.False(downgraded!["valid"]!.GetValue<bool>());
        Assert.Equal(legacyCount + 2, downgraded["firstBrokenSeq"]!.GetValue<long>());
    }

    /// <summary>Removes the triggers that keep the table append-only, as someone with the database's owner rights could.</summary>
    private void DropAppendOnlyTriggers(DbConnection connection) =>
        Execute(connection, api.IsPostgreSql
            ? "DROP TRIGGER audit_entry_no_update ON audit_entry; DROP TRIGGER audit_entry_no_delete ON audit_entry;"
            : "DROP TRIGGER audit_entry_no_update; DROP TRIGGER audit_entry_no_delete;");

    /// <summary>Rewrites the chain from an entry on as unkeyed SHA-256 links, as someone with the file but not the key could.</summary>
    private static void RecomputeUnkeyed(DbConnection connection, long fromSeq)
    {
        var rows = new List<string?[]>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT seq, id, at, actor_id, actor_name, action, subject_type, subject_id, outcome FROM audit_entry ORDER BY seq";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, 9).Select(i => reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).ToArray());
            }
        }

        var previous = new string('0', 64);
        foreach (var row in rows)
        {
            var seq = long.Parse(row[0]!, System.Globalization.CultureInfo.InvariantCulture);
            if (seq < fromSeq)
            {
                previous = (string)Scalar(connection, $"SELECT hash FROM audit_entry WHERE seq = {seq}")!;
                continue;
            }

            var canonical = string.Join('\n', previous, row[1], row[2], row[3] ?? "", row[4], row[5], row[6], row[7] ?? "", row[8]);
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(canonical)));
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE audit_entry SET previous_hash = @previous, hash = @hash WHERE seq = @seq";
            update.AddParameter("@previous", previous);
            update.AddParameter("@hash", hash);
            update.AddParameter("@seq", seq);
            update.ExecuteNonQuery();
            previous = hash;
        }
    }

    private static object? Scalar(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
