using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Persistence;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Retention, access and erasure requests, and backups.</summary>
public sealed class PrivacyRequestTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient admin;
    private readonly string dpoName;
    private readonly string counsellorName;
    private HttpClient dpo;
    private HttpClient counsellor;
    private readonly Guid counsellorId;

    public PrivacyRequestTests()
    {
        admin = api.CreateClientAs(Roles.Admin, Roles.Staff);
        (dpo, _, dpoName) = api.CreateClientAsAsync(Roles.Dpo).GetAwaiter().GetResult();
        var (client, userId, name) = api.CreateClientAsAsync(Roles.Counsellor).GetAwaiter().GetResult();
        (counsellor, counsellorName) = (client, name);
        var created = admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberaterin Datenschutz", languages = new[] { "de", "tr" }, topics = new[] { "family" }, userId }).GetAwaiter().GetResult();
        counsellorId = created.Content.ReadFromJsonAsync<JsonObject>().GetAwaiter().GetResult()!["id"]!.GetValue<Guid>();
        var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .Select(d => new { weekday = d, from = "09:00", to = "12:00", slotMinutes = 45, mode = "in-person", location = "Raum 1", capacity = 20 });
        admin.PutAsJsonAsync($"/api/v1/counsellors/{counsellorId}/hours", new { weekly }).GetAwaiter().GetResult().EnsureSuccessStatusCode();
        admin.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" })
            .GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Retention_ErasesExactlyWhatIsDue_AndNothingElse()
    {
        var slots = (await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-01&to=2026-12-14"))!;
        var early = slots.First(s => s["start"]!.GetValue<string>().StartsWith("2026-12-01", StringComparison.Ordinal))["id"]!.GetValue<Guid>();
        var late = slots.First(s => s["start"]!.GetValue<string>().StartsWith("2026-12-14", StringComparison.Ordinal))["id"]!.GetValue<Guid>();
        var plain = await Scenario.BookAsync(api.CreateClient(), early);
        var becameCase = await Scenario.BookAsync(api.CreateClient(), early);
        var later = await Scenario.BookAsync(api.CreateClient(), late);
        await Scenario.EnsureAsync(await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = becameCase["reference"]!.GetValue<string>() }),
            HttpStatusCode.Created);
        var closed = await OpenCaseAsync("Testklientin Geschlossen", "Notiz zur geschlossenen Akte.");
        var open = await OpenCaseAsync("Testklient Offen", "Notiz zur offenen Akte.");
        await Scenario.EnsureAsync(await counsellor.PostAsync($"/api/v1/cases/{closed.Id}/close", null), HttpStatusCode.OK);

        await MoveClockAsync(Instant.FromUtc(2027, 1, 5, 8, 0)); // 35 days after 1 December, 22 after 14 December
        var dry = await Retention(dryRun: true);
        Assert.Equal(3, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE personal_data IS NOT NULL"));
        var first = await Retention(dryRun: false);

        Assert.Equal(1, dry["bookings"]!.GetValue<int>());
        Assert.Equal([plain["reference"]!.GetValue<string>()], dry["bookingReferences"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(1, first["bookings"]!.GetValue<int>());
        Assert.Empty(first["cases"]!.AsArray());
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{plain["reference"]}' AND personal_data IS NOT NULL"));
        Assert.Equal(2, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE personal_data IS NOT NULL"));
        Assert.Equal(2, Scenario.Count(api, "SELECT COUNT(*) FROM case_note"));

        await MoveClockAsync(Instant.FromUtc(2029, 12, 3, 8, 0)); // three years after the case was closed on 30 November 2026
        var second = await Retention(dryRun: false);

        Assert.Equal([closed.Code], second["cases"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(1, second["bookings"]!.GetValue<int>());
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM case_note WHERE case_id = '{closed.Id}'"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM client WHERE case_id = '{closed.Id}'"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM case_file WHERE id = '{closed.Id}' AND erased_on IS NOT NULL AND code = '{closed.Code}'"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM case_topic WHERE case_id = '{closed.Id}'"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM case_note"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{later["reference"]}' AND personal_data IS NOT NULL"));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{becameCase["reference"]}' AND personal_data IS NOT NULL"));
        var notes = await counsellor.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{open.Id}/notes");
        Assert.Equal("Notiz zur offenen Akte.", notes!.Single()["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task AccessExport_OfOneClient_HoldsNothingOfAnother()
    {
        var x = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz nur für X: Wohnungssuche ALPHA-7.");
        var y = await OpenCaseAsync("Yelda Zortun-Testklientin", "Notiz nur für Y: Schulwechsel BETA-9.");
        await counsellor.GetAsync($"/api/v1/cases/{x.Id}/client");

        var export = await dpo.GetStringAsync($"/api/v1/privacy/cases/{x.Code}/export");
        var page = await dpo.GetStringAsync($"/api/v1/privacy/cases/{x.Code}/export.html");

        foreach (var text in new[] { export, System.Net.WebUtility.HtmlDecode(page) })
        {
            Assert.Contains("Xaver Quxmann-Testklient", text, StringComparison.Ordinal);
            Assert.Contains("ALPHA-7", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Yelda", text, StringComparison.Ordinal);
            Assert.DoesNotContain("BETA-9", text, StringComparison.Ordinal);
            Assert.DoesNotContain(y.Code, text, StringComparison.Ordinal);
        }

        Assert.Contains("client.reveal", export, StringComparison.Ordinal);
        Assert.Equal(2, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'privacy.access-request' AND subject_id = '{x.Id}'"));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync($"/api/v1/privacy/cases/{x.Code}/export")).StatusCode);
    }

    [Fact]
    public async Task AccessExport_ListsTheDesksReadOfTheReferralLetter()
    {
        var x = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz.");
        var created = await counsellor.PostAsJsonAsync($"/api/v1/cases/{x.Id}/referrals", new
        {
            partnerId = Guid.Parse("01a21000-0000-7000-8000-000000000004"), purpose = "Erfundener Zweck", sharedCategories = new[] { "contact" },
            followUpOn = "2026-12-10", consent = new { method = "written", givenAt = "2026-11-30" },
        });
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        var referral = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await admin.GetAsync($"/api/v1/referrals/{referral}/letter"), HttpStatusCode.OK);

        var export = await dpo.GetFromJsonAsync<JsonObject>($"/api/v1/privacy/cases/{x.Code}/export");

        Assert.Contains("referral.letter", export!["reads"]!.AsArray().Select(r => r!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AccessExport_ListsAReveal_BehindMoreThanAThousandLaterEntriesAboutTheCase()
    {
        var x = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz.");
        await Scenario.EnsureAsync(await counsellor.GetAsync($"/api/v1/cases/{x.Id}/client"), HttpStatusCode.OK);
        await Scenario.AddAuditEntriesAsync(api, 1100, "case.share", "case", x.Id.ToString());

        var export = await dpo.GetFromJsonAsync<JsonObject>($"/api/v1/privacy/cases/{x.Code}/export");

        Assert.Contains("client.reveal", export!["reads"]!.AsArray().Select(r => r!["action"]!.GetValue<string>()));
    }

    [Trait("Database", "Sqlite")] // reads the SQLite file's bytes; sealing happens before SQL, alike on both providers
    [Fact]
    public async Task LegalHoldReason_IsSealed_ShownInTheRefusal_AndGoneWhenLifted()
    {
        var held = await OpenCaseAsync("Xaver Quxmann-Testklient", "Notiz.");
        await Scenario.EnsureAsync(await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{held.Code}/legal-hold",
            new { reason = "Verfahren gegen Xaver QWXHOLD" }), HttpStatusCode.OK);

        var refused = await dpo.PostAsync($"/api/v1/privacy/cases/{held.Code}/erase", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("QWXHOLD", (await Scenario.ProblemAsync(refused)).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(-1, Scenario.DatabaseFolderBytes(api).AsSpan().IndexOf("QWXHOLD"u8));
        var withoutReason = await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{held.Code}/legal-hold/lift", new { reason = "" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.NotNull((await Scenario.ProblemAsync(withoutReason))["errors"]!["reason"]);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM case_file WHERE legal_hold_sealed IS NOT NULL"));

        await Scenario.EnsureAsync(await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{held.Code}/legal-hold/lift",
            new { reason = "Verfahren eingestellt QWXLIFT" }), HttpStatusCode.OK);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM case_file WHERE legal_hold_reason IS NOT NULL OR legal_hold_sealed IS NOT NULL"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM case_file WHERE legal_hold_lifted_sealed IS NOT NULL"));
        Assert.Equal(-1, Scenario.DatabaseFolderBytes(api).AsSpan().IndexOf("QWXLIFT"u8));
    }

    [Fact]
    public async Task AccessExport_HoldsTheResidentsCancellationReason()
    {
        var slots = (await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-01&to=2026-12-14"))!;
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]["id"]!.GetValue<Guid>());
        var opened = await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = booked["reference"]!.GetValue<string>() });
        await Scenario.EnsureAsync(opened, HttpStatusCode.Created);
        var code = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
        await Scenario.EnsureAsync(await api.CreateClient().SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{booked["reference"]}/cancel",
            booked["manageToken"]!.GetValue<string>(), new { reason = "Erfundener Grund QWXEXPORT" })), HttpStatusCode.OK);

        var export = await dpo.GetFromJsonAsync<JsonObject>($"/api/v1/privacy/cases/{code}/export");
        var page = System.Net.WebUtility.HtmlDecode(await dpo.GetStringAsync($"/api/v1/privacy/cases/{code}/export.html"));

        Assert.Equal("Erfundener Grund QWXEXPORT", export!["booking"]!["statusReason"]!.GetValue<string>());
        Assert.Contains("Erfundener Grund QWXEXPORT", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_OfACaseFromABooking_RemovesTheBookingsStoredIdempotencyAnswer()
    {
        var slots = (await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-01&to=2026-12-14"))!;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(Scenario.Booking(slots[0]["id"]!.GetValue<Guid>())) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var booked = (await (await api.CreateClient().SendAsync(request)).Content.ReadFromJsonAsync<JsonObject>())!;
        var opened = await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = booked["reference"]!.GetValue<string>() });
        await Scenario.EnsureAsync(opened, HttpStatusCode.Created);
        var code = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM idempotency_key"));

        await Scenario.EnsureAsync(await dpo.PostAsync($"/api/v1/privacy/cases/{code}/erase", null), HttpStatusCode.OK);

        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM idempotency_key"));
    }

    [Fact]
    public async Task Erasure_IsRefusedUnderLegalHoldOrOpenReferral_AndOtherwiseLeavesATombstone()
    {
        var held = await OpenCaseAsync("Testklient Sperre", "Notiz.");
        var referred = await OpenCaseAsync("Testklientin Weiterleitung", "Notiz.");
        var erased = await OpenCaseAsync("Testklient Loeschung", "Notiz zum Loeschen GAMMA-3.");
        await Scenario.EnsureAsync(await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{held.Code}/legal-hold", new { reason = "Laufendes Verfahren (Test)" }),
            HttpStatusCode.OK);
        await Scenario.EnsureAsync(await counsellor.PostAsJsonAsync($"/api/v1/cases/{referred.Id}/referrals", new
        {
            partnerId = Guid.Parse("01a21000-0000-7000-8000-000000000004"),
            purpose = "Test",
            sharedCategories = new[] { "topics" },
            followUpOn = "2026-12-10",
            consent = new { method = "written", givenAt = "2026-11-30" },
        }), HttpStatusCode.Created);

        var refusedHold = await dpo.PostAsync($"/api/v1/privacy/cases/{held.Code}/erase", null);
        var refusedReferral = await dpo.PostAsync($"/api/v1/privacy/cases/{referred.Code}/erase", null);
        var done = await dpo.PostAsync($"/api/v1/privacy/cases/{erased.Code}/erase", null);
        var notes = await counsellor.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{erased.Id}/notes");
        var identity = await counsellor.GetAsync($"/api/v1/cases/{erased.Id}/client");
        var export = await dpo.GetFromJsonAsync<JsonObject>($"/api/v1/privacy/cases/{erased.Code}/export");
        await Scenario.EnsureAsync(await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{held.Code}/legal-hold/lift",
            new { reason = "Verfahren eingestellt (erfunden)" }), HttpStatusCode.OK);
        var afterLift = await dpo.PostAsync($"/api/v1/privacy/cases/{held.Code}/erase", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedHold.StatusCode);
        Assert.Contains("legal hold", (await Scenario.ProblemAsync(refusedHold))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refusedReferral.StatusCode);
        await Scenario.EnsureAsync(done, HttpStatusCode.OK);
        Assert.Empty(notes!);
        Assert.Equal(HttpStatusCode.Gone, identity.StatusCode);
        Assert.True(export!["erased"]!.GetValue<bool>());
        Assert.Null(export["client"]);
        Assert.Equal(erased.Code, export["caseCode"]!.GetValue<string>());
        await Scenario.EnsureAsync(afterLift, HttpStatusCode.OK);
        Assert.Equal(2, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'privacy.erasure' AND outcome = 'refused'"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE outcome LIKE '%GAMMA%' OR outcome LIKE '%Loeschung%'"));
    }

    [Trait("Database", "Sqlite")] // the backup verb copies the SQLite file; PostgreSQL backups are pg_dump's
    [Fact]
    public async Task Backup_DuringAStreamOfBookings_IsSoundAndHoldsEveryBookingAcknowledgedBefore()
    {
        var slots = (await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-01&to=2026-12-14"))!
            .Select(s => s["id"]!.GetValue<Guid>()).ToList();
        var acknowledged = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var resident = api.CreateClient();
        var stream = Task.Run(async () =>
        {
            for (var i = 0; i < 400 && !stop.IsCancellationRequested; i++)
            {
                var response = await resident.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[i % slots.Count], name: $"Testperson Strom {i}"));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    acknowledged.Enqueue((await response.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>());
                }
            }
        });
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (acknowledged.Count < 20 && !stream.IsCompleted && waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            await Task.Delay(20);
        }

        Assert.True(acknowledged.Count >= 20, $"only {acknowledged.Count} bookings acknowledged before the backup");

        var before = acknowledged.ToArray();
        var path = Path.Combine(Path.GetDirectoryName(api.DatabasePath)!, "backup", "beratung-backup.db");
        string integrity;
        using (SystemScope.Enter())
        {
            integrity = await api.Services.GetRequiredService<DatabaseBackup>().WriteAsync(path, CancellationToken.None);
        }

        await stop.CancelAsync();
        await stream;

        Assert.Equal("ok", integrity);
        using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        copy.Open();
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT reference FROM booking";
        var stored = new HashSet<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.All(before, reference => Assert.Contains(reference, stored));
        Assert.Throws<InvalidOperationException>(() => api.Services.GetRequiredService<DatabaseBackup>().WriteAsync(path, CancellationToken.None).GetAwaiter().GetResult());
    }

    private async Task MoveClockAsync(Instant to)
    {
        api.Clock.Reset(to);
        dpo = await api.SignInAsync(dpoName);
        counsellor = await api.SignInAsync(counsellorName);
    }

    private async Task<JsonObject> Retention(bool dryRun)
    {
        var response = await dpo.PostAsync($"/api/v1/privacy/retention?dryRun={dryRun.ToString().ToLowerInvariant()}", null);
        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<(Guid Id, string Code)> OpenCaseAsync(string name, string note)
    {
        var response = await counsellor.PostAsJsonAsync("/api/v1/cases", new { client = new { name }, topics = new[] { "family" } });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var id = body["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await counsellor.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new { text = note }), HttpStatusCode.Created);
        return (id, body["code"]!.GetValue<string>());
    }
}
