using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Contract;

/// <summary>
/// Every answer of a run through the whole API (happy and unhappy paths, every role) is held against the OpenAPI
/// document the API serves: status declared for the operation, media type declared, body valid against the schema.
/// The run is its own, on its own database, so the result does not depend on other tests or their order.
/// </summary>
public sealed class OpenApiContractTests : IClassFixture<OpenApiContractTests.Run>
{
    private readonly Run run;

    public OpenApiContractTests(Run run) => this.run = run;

    [Fact]
    public void EveryAnswer_MatchesTheDocument()
    {
        var problems = run.Answers.SelectMany(run.Contract.Check).Distinct().ToList();

        Assert.True(run.Answers.Count > 150, $"only {run.Answers.Count} answers recorded");
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void TheRun_CallsEveryOperationOfTheDocument()
    {
        var called = run.Answers.Select(run.Contract.OperationOf).OfType<string>().ToHashSet();

        var missing = run.Contract.Operations.Where(o => !called.Contains(o)).ToList();

        Assert.True(missing.Count == 0, "not exercised by OpenApiContractTests.Run: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheRun_SeesTheUnhappyStatuses()
    {
        var statuses = run.Answers.Select(a => a.Status).ToHashSet();

        var missing = new[] { 200, 201, 400, 401, 403, 404, 409, 410, 415, 422 }.Where(s => !statuses.Contains(s));

        Assert.Empty(missing);
    }

    /// <summary>The run: every operation at least once, with the answers recorded.</summary>
    public sealed class Run : IAsyncLifetime, IDisposable
    {
        private readonly ApiFactory api = new();
        private readonly ConcurrentQueue<RecordedAnswer> answers = new();

        public List<RecordedAnswer> Answers { get; private set; } = [];

        public OpenApiContract Contract { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            api.ClientHandlers = () => [new RecordingHandler(answers)];
            Contract = new OpenApiContract(await api.CreateClient().GetStringAsync("/openapi/v1.json"));
            await WalkAsync();
            Answers = [.. answers];
        }

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => api.Dispose();

        private async Task WalkAsync()
        {
            var anonymous = api.NewClient();
            var (admin, adminId, _) = await api.CreateClientAsAsync(Roles.Admin);
            var (staff, _, _) = await api.CreateClientAsAsync(Roles.Staff);
            var (dpo, _, _) = await api.CreateClientAsAsync(Roles.Dpo);
            var (counsellor, counsellorUser, _) = await api.CreateClientAsAsync(Roles.Counsellor);
            var (colleague, colleagueUser, _) = await api.CreateClientAsAsync(Roles.Counsellor);

            // Reference data, sign-in, wrong media type, missing token.
            await anonymous.GetAsync("/api/v1/topics");
            await anonymous.GetAsync("/api/v1/languages");
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "niemand", password = "Falsches-Passwort-123" });
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "" });
            await anonymous.PostAsync("/api/v1/auth/token", new StringContent("username=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
            await anonymous.PostAsync("/api/v1/auth/token", new StringContent("{", Encoding.UTF8, "application/json"));
            await anonymous.GetAsync("/api/v1/counsellors");
            await staff.GetAsync("/api/v1/users");

            // Counsellors, hours, slots.
            var created = await admin.PostAsJsonAsync("/api/v1/counsellors",
                new { displayName = "Vertragsberaterin Erfunden", languages = new[] { "de", "tr" }, topics = new[] { "family" }, userId = counsellorUser });
            var counsellorId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            var colleagueCreated = await admin.PostAsJsonAsync("/api/v1/counsellors",
                new { displayName = "Kollegin Erfunden", languages = new[] { "de" }, topics = new[] { "family" }, userId = colleagueUser });
            var colleagueId = (await colleagueCreated.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            await admin.PostAsJsonAsync("/api/v1/counsellors", new { displayName = "", languages = Array.Empty<string>(), topics = Array.Empty<string>() });
            await admin.GetAsync("/api/v1/counsellors");
            await admin.GetAsync($"/api/v1/counsellors/{counsellorId}");
            await admin.GetAsync($"/api/v1/counsellors/{Guid.NewGuid()}");
            await counsellor.GetAsync("/api/v1/counsellors/me");
            await admin.GetAsync("/api/v1/counsellors/me");
            await admin.PutAsJsonAsync($"/api/v1/counsellors/{counsellorId}",
                new { displayName = "Vertragsberaterin Erfunden", languages = new[] { "de", "tr" }, topics = new[] { "family", "education" }, userId = counsellorUser });
            var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
                .Select(d => new { weekday = d, from = "09:00", to = "12:00", slotMinutes = 45, mode = "in-person", location = "Raum 2", capacity = 1 });
            await counsellor.PutAsJsonAsync($"/api/v1/counsellors/{counsellorId}/hours", new { weekly, exceptions = Array.Empty<object>() });
            await counsellor.PutAsJsonAsync($"/api/v1/counsellors/{colleagueId}/hours", new { weekly, exceptions = Array.Empty<object>() });
            await counsellor.GetAsync($"/api/v1/counsellors/{counsellorId}/hours");
            await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" });
            await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots/publish", new { from = "2026-12-14", to = "2026-12-01" });
            await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots",
                new { start = "2026-12-05T10:00", minutes = 30, mode = "phone", location = (string?)null, capacity = 1 });
            await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots", new { start = "morgen", minutes = 30, mode = "phone" });
            var own = await counsellor.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-01&to=2026-12-14");
            await counsellor.GetAsync($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-14&to=2026-12-01");
            var slots = own!.Select(s => s["id"]!.GetValue<Guid>()).ToList();

            // Residents: search, book, look, move, cancel, calendar.
            await anonymous.GetAsync("/api/v1/slots?topic=family&language=tr&from=2026-12-01&to=2026-12-14&limit=2");
            await anonymous.GetAsync("/api/v1/slots?from=2026-12-10&to=2026-12-01");
            await anonymous.GetAsync($"/api/v1/slots/{slots[0]}");
            await anonymous.GetAsync($"/api/v1/slots/{Guid.NewGuid()}");
            var booking = await BookAsync(anonymous, slots[0], "family");
            await anonymous.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[0]));
            await anonymous.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(Guid.NewGuid()));
            await anonymous.PostAsJsonAsync("/api/v1/bookings", new { slotId = slots[1], name = "", consent = new { privacyNoticeVersion = "alt", accepted = false } });
            await anonymous.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[1], topic: "seniors"));
            await anonymous.PostAsync("/api/v1/bookings", new StringContent("<booking/>", Encoding.UTF8, "application/xml"));
            var (reference, token) = (booking["reference"]!.GetValue<string>(), booking["manageToken"]!.GetValue<string>());
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", "falsch"));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}/calendar.ics", token));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}/calendar.ics", null));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token, new { slotId = slots[2] }));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token, new { slotId = Guid.Empty }));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token, new { reason = "Passt nicht" }));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token, new { reason = "Nochmal" }));
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token, new { slotId = slots[3] }));

            // The desk: agenda, booking on behalf, attendance, outbox, slot cancelling.
            var desk = await staff.PostAsJsonAsync("/api/v1/agenda/bookings", Scenario.Booking(slots[4], email: null));
            var deskReference = (await desk.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>();
            await staff.PostAsJsonAsync("/api/v1/agenda/bookings", Scenario.Booking(slots[4]));
            await staff.GetAsync("/api/v1/agenda?date=2026-12-01");
            await staff.GetAsync("/api/v1/agenda?date=gestern");
            await counsellor.GetAsync($"/api/v1/agenda?date=2026-12-01&counsellorId={colleagueId}");
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/attendance", new { outcome = "attended" });
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/attendance", new { outcome = "vielleicht" });
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/attendance", new { outcome = "attended" });
            await staff.PostAsJsonAsync("/api/v1/agenda/bookings/ZZZZ-ZZZZ/attendance", new { outcome = "attended" });
            var pending = await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/outbox?state=pending&limit=5");
            await staff.GetAsync("/api/v1/outbox?state=verloren");
            await staff.PostAsync($"/api/v1/outbox/{pending![0]["id"]}/retry", null);
            await staff.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/retry", null);
            await counsellor.PostAsync($"/api/v1/outbox/{Guid.NewGuid()}/retry", null);

            // The desk for a caller: look up loosely, move, cancel.
            await staff.GetAsync($"/api/v1/agenda/bookings/{deskReference.ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)}");
            await staff.GetAsync("/api/v1/agenda/bookings/ZZZZ-ZZZZ");
            await staff.GetAsync("/api/v1/agenda/bookings/kaputt");
            await counsellor.GetAsync($"/api/v1/agenda/bookings/{deskReference}");
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/reschedule", new { slotId = slots[5] });
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/reschedule", new { slotId = Guid.Empty });
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/reschedule", new { slotId = slots[5] });
            await dpo.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/reschedule", new { slotId = slots[4] });
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/cancel", new { reason = "Anruf: Termin passt nicht" });
            await staff.PostAsJsonAsync($"/api/v1/agenda/bookings/{deskReference}/cancel", new { reason = "Nochmal" });
            await staff.PostAsync("/api/v1/agenda/bookings/ZZZZ-ZZZZ/cancel", null);
            await counsellor.PostAsync($"/api/v1/agenda/bookings/{deskReference}/cancel", null);
            await staff.PostAsJsonAsync($"/api/v1/slots/{slots[6]}/cancel", new { reason = "Krank" });
            await staff.PostAsJsonAsync($"/api/v1/slots/{slots[6]}/cancel", new { reason = "Krank" });
            await staff.PostAsJsonAsync($"/api/v1/slots/{Guid.NewGuid()}/cancel", new { reason = "Krank" });
            await counsellor.PostAsJsonAsync($"/api/v1/slots/{slots[7]}/cancel", new { reason = "" });
            await staff.PostAsJsonAsync($"/api/v1/counsellors/{colleagueId}/absences?dryRun=true", new { from = "2026-12-10", to = "2026-12-11", reason = "Erfundene Abwesenheit" });
            await staff.PostAsJsonAsync($"/api/v1/counsellors/{colleagueId}/absences?dryRun=true", new { from = "2026-12-11", to = "2026-12-10", reason = "" });
            await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{colleagueId}/absences?dryRun=true", new { from = "2026-12-10", to = "2026-12-11", reason = "Fremd" });
            await dpo.PostAsJsonAsync($"/api/v1/counsellors/{colleagueId}/absences?dryRun=true", new { from = "2026-12-10", to = "2026-12-11", reason = "Fremd" });

            // Cases and notes.
            var caseBooking = await BookAsync(anonymous, slots[8], "family");
            var opened = await counsellor.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "Erfundene Klientin", phone = "0203 5550100" }, topics = new[] { "family" } });
            var caseId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            var fromBooking = await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = caseBooking["reference"]!.GetValue<string>() });
            var code = (await fromBooking.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
            await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = caseBooking["reference"]!.GetValue<string>() });
            await counsellor.PostAsJsonAsync("/api/v1/cases", new { bookingReference = "ZZZZ-ZZZZ" });
            await counsellor.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "X" } });
            await staff.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "X" }, topics = new[] { "family" } });
            await counsellor.GetAsync("/api/v1/cases?status=open&own=true");
            await counsellor.GetAsync($"/api/v1/cases/{caseId}");
            await colleague.GetAsync($"/api/v1/cases/{caseId}");
            await staff.GetAsync($"/api/v1/cases/{caseId}");
            await counsellor.GetAsync("/api/v1/cases?own=vielleicht");
            var note = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "Erste Notiz, Tel. 0203 5550100." });
            var noteId = (await note.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "Korrektur.", supersedes = noteId });
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "Korrektur.", supersedes = Guid.NewGuid() });
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "" });
            await colleague.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = "Fremd." });
            await counsellor.GetAsync($"/api/v1/cases/{caseId}/notes");
            await colleague.GetAsync($"/api/v1/cases/{caseId}/notes");
            await counsellor.GetAsync($"/api/v1/cases/{caseId}/client");
            await staff.GetAsync($"/api/v1/cases/{caseId}/client");
            await counsellor.PutAsJsonAsync($"/api/v1/cases/{caseId}/client", new
            {
                name = "Erfundene Klientin", relatedPersons = new[] { new { relation = "child", name = "Erfundenes Kind" } },
            });
            await counsellor.PutAsJsonAsync($"/api/v1/cases/{caseId}/client", new { name = "" });
            await colleague.PutAsJsonAsync($"/api/v1/cases/{caseId}/client", new { name = "Fremd" });
            await staff.PutAsJsonAsync($"/api/v1/cases/{caseId}/client", new { name = "Fremd" });
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/share", new { counsellorId = colleagueId });
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/share", new { counsellorId = colleagueId });
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/share", new { });
            await colleague.PostAsJsonAsync($"/api/v1/cases/{caseId}/unshare", new { counsellorId = colleagueId });
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/unshare", new { counsellorId = colleagueId });
            await counsellor.PostAsync($"/api/v1/cases/{caseId}/close", null);
            await counsellor.PostAsync($"/api/v1/cases/{caseId}/close", null);
            await counsellor.PostAsync($"/api/v1/cases/{caseId}/reopen", null);

            // Partners and referrals.
            var partners = await counsellor.GetFromJsonAsync<List<JsonObject>>("/api/v1/partners?topic=family");
            await counsellor.GetAsync("/api/v1/partners?topic=unbekannt");
            var partnerId = partners![0]["id"]!.GetValue<Guid>();
            await counsellor.GetAsync($"/api/v1/partners/{partnerId}");
            await counsellor.GetAsync($"/api/v1/partners/{Guid.NewGuid()}");
            var partner = new
            {
                name = "Testverein Vertragsprüfung e.V.", kind = "association", topics = new[] { "family" }, contactPerson = (string?)null,
                email = (string?)null, phone = (string?)null, street = (string?)null, postcodeAndCity = (string?)null,
            };
            var newPartner = await admin.PostAsJsonAsync("/api/v1/partners", partner);
            await admin.PostAsJsonAsync("/api/v1/partners", partner);
            await counsellor.PostAsJsonAsync("/api/v1/partners", partner);
            var newPartnerId = (await newPartner.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            await admin.PutAsJsonAsync($"/api/v1/partners/{newPartnerId}", partner with { name = "Testverein Vertragsprüfung (neu) e.V." });
            await admin.PutAsJsonAsync($"/api/v1/partners/{newPartnerId}", new { name = "" });
            await admin.PutAsJsonAsync($"/api/v1/partners/{newPartnerId}", partner with
            {
                contactPerson = "Erfundene Ansprechperson", email = "vertrag@example.invalid", phone = "0203 5550188", street = "Vertragsweg 1",
                postcodeAndCity = "47000 Beispielhausen",
            });
            await admin.PutAsJsonAsync($"/api/v1/partners/{newPartnerId}", partner with { street = "Zeile\nZwei", phone = "ruf an" });
            await counsellor.GetAsync($"/api/v1/cases/{caseId}/partner-suggestions");
            await colleague.GetAsync($"/api/v1/cases/{caseId}/partner-suggestions");
            var referral = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
            {
                partnerId, purpose = "Beratung (Test)", sharedCategories = new[] { "topics" }, followUpOn = "2026-12-10",
                consent = new { method = "written", givenAt = "2026-12-01T10:00:00+01:00" },
            });
            var referralId = (await referral.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals",
                new { partnerId, purpose = "Ohne Einwilligung", sharedCategories = new[] { "topics" }, followUpOn = "2026-12-10" });
            await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { partnerId, purpose = "" });
            await counsellor.GetAsync($"/api/v1/cases/{caseId}/referrals");
            await counsellor.GetAsync($"/api/v1/cases/{Guid.NewGuid()}/referrals");
            await staff.GetAsync($"/api/v1/referrals/{referralId}/letter");
            await staff.GetAsync($"/api/v1/referrals/{Guid.NewGuid()}/letter");
            await staff.PostAsync($"/api/v1/referrals/{referralId}/accept", null);
            await counsellor.PostAsync($"/api/v1/referrals/{referralId}/send", null);
            await staff.PostAsync($"/api/v1/referrals/{referralId}/accept", null);
            await staff.PostAsJsonAsync($"/api/v1/referrals/{referralId}/complete", new { outcome = "Geholfen" });
            await staff.PostAsJsonAsync($"/api/v1/referrals/{referralId}/decline", new { reason = "Zu spät" });
            await counsellor.PostAsync($"/api/v1/referrals/{referralId}/withdraw", null);
            await staff.GetAsync("/api/v1/referrals?status=completed");
            await staff.GetAsync("/api/v1/referrals?due=irgendwann");

            // Data protection, audit, statistics.
            await dpo.GetAsync($"/api/v1/privacy/cases/{code}/export");
            await dpo.GetAsync($"/api/v1/privacy/cases/{code}/export.html");
            await dpo.GetAsync("/api/v1/privacy/cases/F-1999-0001/export");
            await dpo.GetAsync("/api/v1/privacy/cases/F-1999-0001/export.html");
            await dpo.GetAsync("/api/v1/privacy/cases/kein-code/export");
            await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{code}/legal-hold", new { reason = "Verfahren (Test)" });
            await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{code}/legal-hold", new { reason = "" });
            await dpo.PostAsync($"/api/v1/privacy/cases/{code}/erase", null);
            await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{code}/legal-hold/lift", new { reason = "" });
            await dpo.PostAsJsonAsync($"/api/v1/privacy/cases/{code}/legal-hold/lift", new { reason = "Verfahren beendet (Test)" });
            await dpo.PostAsJsonAsync("/api/v1/privacy/cases/F-1999-0001/legal-hold/lift", new { reason = "Verfahren beendet (Test)" });
            await dpo.PostAsync($"/api/v1/privacy/cases/{code}/erase", null);
            await dpo.PostAsync("/api/v1/privacy/cases/F-1999-0001/erase", null);
            await dpo.PostAsync("/api/v1/privacy/retention?dryRun=true", null);
            await counsellor.PostAsync("/api/v1/privacy/retention", null);
            await dpo.GetAsync("/api/v1/audit?limit=5");
            await dpo.GetAsync("/api/v1/audit?limit=0");
            await dpo.GetAsync("/api/v1/audit/verify");
            await staff.GetAsync("/api/v1/audit/verify");
            await dpo.GetAsync("/api/v1/statistics?from=2026-11-01&to=2026-12-31");
            await dpo.GetAsync("/api/v1/statistics?from=2026-11-02&to=2026-12-31");
            await admin.GetAsync("/api/v1/statistics.csv?from=2026-11-01&to=2026-12-31");
            await admin.GetAsync("/api/v1/statistics.csv?from=2026-11-02&to=2026-12-31");

            // Accounts: create, deactivate, activate, unlock, passwords.
            await admin.GetAsync("/api/v1/users");
            var user = await admin.PostAsJsonAsync("/api/v1/users", new { username = "vertrag.test", password = "Lange-Testphrase-Vertrag-71", roles = new[] { "staff" } });
            var userId = (await user.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            await admin.PostAsJsonAsync("/api/v1/users", new { username = "vertrag.test", password = "Lange-Testphrase-Vertrag-71", roles = new[] { "staff" } });
            await admin.PostAsJsonAsync("/api/v1/users", new { username = "x", password = "kurz", roles = new[] { "king" } });
            await admin.PostAsync($"/api/v1/users/{userId}/deactivate", null);
            await admin.PostAsync($"/api/v1/users/{userId}/deactivate", null);
            await admin.PostAsync($"/api/v1/users/{userId}/activate", null);
            await admin.PostAsync($"/api/v1/users/{userId}/activate", null);
            await admin.PostAsync($"/api/v1/users/{userId}/unlock", null);
            await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/unlock", null);
            await admin.PostAsJsonAsync($"/api/v1/users/{userId}/password", new { password = "Neue-Lange-Testphrase-Vertrag-72" });
            await admin.PostAsJsonAsync($"/api/v1/users/{userId}/password", new { password = "kurz" });
            await admin.GetAsync($"/api/v1/users/{userId}");
            await admin.GetAsync($"/api/v1/users/{Guid.NewGuid()}");
            await admin.PostAsync($"/api/v1/users/{adminId}/deactivate", null);
            await admin.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = new[] { "staff", "counsellor" } });
            await admin.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = new[] { "king" } });
            await admin.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/roles", new { roles = new[] { "staff" } });
            await admin.PutAsJsonAsync($"/api/v1/users/{adminId}/roles", new { roles = new[] { "staff" } });
            await admin.PostAsync($"/api/v1/users/{userId}/two-factor/reset", null);
            await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/two-factor/reset", null);
            await admin.PostAsync($"/api/v1/users/{userId}/sessions/end", null);
            await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/sessions/end", null);
            await counsellor.PostAsync($"/api/v1/users/{userId}/sessions/end", null);
            await counsellor.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = "falsch-falsch-falsch", newPassword = "Noch-Eine-Lange-Testphrase-73" });
            await counsellor.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ApiFactory.TestPassword, newPassword = "Noch-Eine-Lange-Testphrase-73" });
            var (spare, _, _) = await api.CreateClientAsAsync(Roles.Staff);
            await spare.PostAsync("/api/v1/auth/two-factor/recovery-codes", null);
            await spare.PostAsync("/api/v1/auth/sign-out-everywhere", null);
            await spare.PostAsync("/api/v1/auth/sign-out-everywhere", null);

            // After the appointment: the manage link is gone.
            var late = await BookAsync(anonymous, slots[9], "family");
            api.Clock.AdvanceDays(30);
            await anonymous.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{late["reference"]}", late["manageToken"]!.GetValue<string>()));
            await staff.GetAsync("/api/v1/counsellors");
            await (await api.CreateClientAsAsync(Roles.Staff)).Client.GetAsync("/api/v1/counsellors");
        }

        private static async Task<JsonObject> BookAsync(HttpClient client, Guid slotId, string topic)
        {
            var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId, topic: topic));
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }
    }
}
