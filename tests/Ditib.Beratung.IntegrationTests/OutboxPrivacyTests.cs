using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.Logging;
using MimeKit;
using NodaTime;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>The pickup folder by default; nothing personal in the outbox or the logs; retention and erasure reach the sealed token.</summary>
public sealed class OutboxPrivacyTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly CapturingLoggerProvider logs = new();

    public OutboxPrivacyTests()
    {
        api.Settings["Beratung:PublicBaseUrl"] = BaseUrl;
        api.LoggerProvider = logs;
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task WithoutSmtp_EmailsAreWrittenAsReadableEmlFiles_IntoThePickupFolderUnderTheDataFolder()
    {
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin);
        var (reference, token) = await BookAsync(Id(SlotAt(slots, "2026-12-03T09:00")), "abholung.testperson@example.org");

        var report = await DispatchAsync(api);

        var folder = Path.Combine(Path.GetDirectoryName(api.DatabasePath)!, "mail-pickup");
        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal(1, report.Sent);
        Assert.Equal("abholung.testperson@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal($"{Path.GetFileNameWithoutExtension(file)}@beratung.invalid", message.MessageId);
        Assert.Contains($"{BaseUrl}/manage/{reference}?token={token}&culture=de", Text(message), StringComparison.Ordinal);
        Assert.Equal("REQUEST", Calendar(message).Calendar.Method);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Trait("Database", "Sqlite")] // reads the SQLite file's bytes; sealing happens before SQL, alike on both providers
    [Fact]
    public async Task Dispatch_LeavesNothingPersonal_InTheOutboxTheLogsOrTheDatabaseFile()
    {
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin);
        var secrets = new List<string> { "Testperson Ayşe Beispiel-Quxx", "+49 170 5550188", "ayse.quxx@example.org" };
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(Id(SlotAt(slots, "2026-12-03T09:00")),
            name: secrets[0], phone: secrets[1], email: secrets[2], language: "de"));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        secrets.Add((await response.Content.ReadFromJsonAsync<JsonObject>())!["manageToken"]!.GetValue<string>());
        secrets.Add("+491705550188");

        await DispatchAsync(api);
        api.Clock.Reset(Instant.FromUtc(2026, 12, 2, 8, 0));
        await DispatchAsync(api);

        Assert.Equal(2, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE state = 'sent'"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE channel = 'sms'")); // no SMS provider set up
        var outbox = OutboxText();
        var database = Encoding.UTF8.GetString(Scenario.DatabaseFolderBytes(api));
        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, line => line.Contains("Outbox message", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, outbox, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(secret, database, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Retention_RemovesTheSealedManageToken_WithTheContactData()
    {
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, _, dpoName) = await api.CreateClientAsAsync(Roles.Dpo);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin);
        var (reference, _) = await BookAsync(Id(SlotAt(slots, "2026-12-01T09:00")), "aufbewahrung.testperson@example.org");
        await DispatchAsync(api);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{reference}' AND manage_token_sealed IS NOT NULL"));

        api.Clock.Reset(Instant.FromUtc(2027, 1, 5, 8, 0));
        var dpo = await api.SignInAsync(dpoName);
        await Scenario.EnsureAsync(await dpo.PostAsync("/api/v1/privacy/retention?dryRun=false", null), HttpStatusCode.OK);

        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{reference}' AND (manage_token_sealed IS NOT NULL OR personal_data IS NOT NULL)"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE state = 'sent'")); // metadata stays
    }

    [Fact]
    public async Task ErasureOfACaseFromABooking_RemovesTheSealedToken_AndItsPendingReminderIsNeverSent()
    {
        var admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var dpo = api.CreateClientAs(Roles.Dpo);
        var (counsellor, userId, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        var (counsellorId, slots) = await Scenario.CounsellorWithSlotsAsync(admin, name: "Testberaterin Loeschung");
        await Scenario.EnsureAsync(await admin.PutAsJsonAsync($"/api/v1/counsellors/{counsellorId}", new
        {
            displayName = "Testberaterin Loeschung", languages = new[] { "de", "tr" }, topics = new[] { "family", "education" }, active = true, userId,
        }), HttpStatusCode.OK);
        var (reference, _) = await BookAsync(Id(SlotAt(slots, "2026-12-03T09:00")), "loeschung.testperson@example.org");
        await DispatchAsync(api);
        var opened = await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = reference });
        await Scenario.EnsureAsync(opened, HttpStatusCode.Created);
        var code = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();

        await Scenario.EnsureAsync(await dpo.PostAsync($"/api/v1/privacy/cases/{code}/erase", null), HttpStatusCode.OK);
        api.Clock.Reset(Instant.FromUtc(2026, 12, 2, 8, 0));
        await DispatchAsync(api);

        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{reference}' AND manage_token_sealed IS NOT NULL"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'reminder' AND state = 'cancelled' AND last_error = 'data-erased'"));
        var folder = Path.Combine(Path.GetDirectoryName(api.DatabasePath)!, "mail-pickup");
        Assert.Single(Directory.GetFiles(folder, "*.eml")); // the confirmation only
    }

    private string OutboxText()
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM outbox_message";
        using var reader = command.ExecuteReader();
        var text = new StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }
        }

        return text.ToString();
    }

    private async Task<(string Reference, string Token)> BookAsync(Guid slotId, string email)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(slotId, name: "Testperson Ayşe Beispiel", email: email, language: "de"));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }
}
