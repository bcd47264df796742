using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// A counsellor's absence over HTTP: the preview counts who is affected and changes nothing; recording it cancels her
/// slots, turns the bookings into "cancelled by the centre" and tells each resident in their language, once.
/// </summary>
public sealed class AbsenceTests : IDisposable
{
    private readonly TestSmtpServer smtp = new();
    private readonly ApiFactory api = new();
    private readonly HttpClient desk;
    private readonly HttpClient counsellor;
    private readonly Guid own;
    private readonly Guid other;
    private readonly List<JsonObject> ownSlots;

    public AbsenceTests()
    {
        smtp.Configure(api);
        api.Settings["Beratung:PublicBaseUrl"] = BaseUrl;
        var setup = api.CreateClientAs(Roles.Admin);
        desk = api.CreateClientAs(Roles.Staff);
        Guid userId;
        (counsellor, userId, _) = api.CreateClientAsAsync(Roles.Counsellor).GetAwaiter().GetResult();
        (own, ownSlots) = Scenario.CounsellorWithSlotsAsync(setup, name: "Eigene Testberaterin").GetAwaiter().GetResult();
        (other, _) = Scenario.CounsellorWithSlotsAsync(setup, name: "Andere Testberaterin").GetAwaiter().GetResult();
        setup.PutAsJsonAsync($"/api/v1/counsellors/{own}",
                new { displayName = "Eigene Testberaterin", languages = new[] { "de", "tr" }, topics = new[] { "family" }, active = true, userId })
            .GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        api.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task Absence_DryRun_CountsSlotsAndResidents_AndChangesNothing()
    {
        var turkish = await BookAsync("2026-12-03T09:00", "turkce@example.org", "tr");
        var german = await BookAsync("2026-12-04T11:15", "deutsch@example.org", "de");
        await BookAsync("2026-12-07T09:00", "spaeter@example.org", "de");

        var report = await AbsenceAsync(counsellor, own, dryRun: true);

        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.Equal(8, report["slots"]!.GetValue<int>());
        Assert.Equal(2, report["bookings"]!.GetValue<int>());
        var affected = report["affected"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal([turkish.Reference, german.Reference], affected.Select(a => a["reference"]!.GetValue<string>()));
        Assert.Equal(["tr", "de"], affected.Select(a => a["language"]!.GetValue<string>()));
        Assert.All(affected, a => Assert.Equal(["email"], a["channels"]!.AsArray().Select(c => c!.GetValue<string>())));
        Assert.Equal("2026-12-03T09:00:00+01:00", affected[0]["start"]!.GetValue<string>());
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM slot WHERE status = 'cancelled'"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status <> 'confirmed'"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'cancellation'"));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'counsellor.absence'"));
    }

    [Fact]
    public async Task Absence_ByTheDesk_CancelsByTheCentre_AndTellsEachResidentInTheirLanguage()
    {
        var turkish = await BookAsync("2026-12-03T09:00", "turkce@example.org", "tr");
        var german = await BookAsync("2026-12-04T11:15", "deutsch@example.org", "de");
        var later = await BookAsync("2026-12-07T09:00", "spaeter@example.org", "de");
        await DispatchAsync(api);

        var report = await AbsenceAsync(desk, own, dryRun: false);
        await DispatchAsync(api);

        Assert.False(report["dryRun"]!.GetValue<bool>());
        Assert.Equal((8, 2), (report["slots"]!.GetValue<int>(), report["bookings"]!.GetValue<int>()));
        Assert.Equal("cancelled-by-centre", (await GetBookingAsync(turkish))["status"]!.GetValue<string>());
        Assert.Equal("cancelled-by-centre", (await GetBookingAsync(german))["status"]!.GetValue<string>());
        Assert.Equal("Erkrankt (Test)", (await GetBookingAsync(german))["statusReason"]!.GetValue<string>());
        Assert.Equal("confirmed", (await GetBookingAsync(later))["status"]!.GetValue<string>());

        var turkishCancel = Assert.Single(smtp.To("turkce@example.org"), m => Calendar(m).Calendar.Method == "CANCEL");
        Assert.Contains("Maalesef randevunuzu iptal etmek zorunda kaldık", Text(turkishCancel), StringComparison.Ordinal);
        var germanCancel = Assert.Single(smtp.To("deutsch@example.org"), m => Calendar(m).Calendar.Method == "CANCEL");
        Assert.Contains("Leider müssen wir Ihren Termin absagen", Text(germanCancel), StringComparison.Ordinal);
        Assert.Single(smtp.To("spaeter@example.org"));

        Assert.Equal(8, Scenario.Count(api, $"SELECT COUNT(*) FROM slot WHERE status = 'cancelled' AND counsellor_id = '{own}'"));
        Assert.Equal(1, Scenario.Count(api,
            $"SELECT COUNT(*) FROM audit_entry WHERE action = 'counsellor.absence' AND subject_id = '{own}' AND outcome LIKE 'success: 8 slot(s), 2 booking(s)%'"));
    }

    [Fact]
    public async Task Absence_RecordedTwice_CancelsAndTellsNothingTheSecondTime()
    {
        await BookAsync("2026-12-03T09:00", "turkce@example.org", "tr");

        await AbsenceAsync(counsellor, own, dryRun: false);
        var again = await AbsenceAsync(counsellor, own, dryRun: false);

        Assert.Equal((0, 0), (again["slots"]!.GetValue<int>(), again["bookings"]!.GetValue<int>()));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'cancellation'"));
    }

    [Fact]
    public async Task Absence_LeavesSlotsThatHaveBegun_AndCanBePublishedOverWithoutReturning()
    {
        api.Clock.Reset(NodaTime.Instant.FromUtc(2026, 12, 3, 9, 20));   // 10:20 in Berlin: 09:00 and 09:45 have begun
        var lateDesk = api.CreateClientAs(Roles.Staff);

        var report = await AbsenceAsync(lateDesk, own, dryRun: false, from: "2026-12-03", to: "2026-12-03");
        var publish = await lateDesk.PostAsJsonAsync($"/api/v1/counsellors/{own}/slots/publish", new { from = "2026-12-03", to = "2026-12-03" });

        Assert.Equal(2, report["slots"]!.GetValue<int>());
        Assert.Equal(0, (await publish.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<int>());
    }

    [Fact]
    public async Task Absence_WithoutDryRun_IsOnlyAPreview()
    {
        var response = await desk.PostAsJsonAsync($"/api/v1/counsellors/{own}/absences", Body());

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["dryRun"]!.GetValue<bool>());
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM slot WHERE status = 'cancelled'"));
    }

    [Fact]
    public async Task Absence_ForAnotherCounsellor_Returns403_AndAnUnknownOne404()
    {
        var others = await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{other}/absences?dryRun=true", Body());
        var unknown = await desk.PostAsJsonAsync($"/api/v1/counsellors/{Guid.CreateVersion7()}/absences?dryRun=true", Body());

        Assert.Equal(HttpStatusCode.Forbidden, others.StatusCode);
        await Scenario.ProblemAsync(others);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await Scenario.ProblemAsync(unknown);
    }

    [Theory]
    [InlineData(Roles.Dpo, HttpStatusCode.Forbidden)]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    public async Task Absence_WrongRoleOrAnonymous_IsRefused(string? role, HttpStatusCode expected)
    {
        var client = role is null ? api.CreateClient() : api.CreateClientAs(role);

        var response = await client.PostAsJsonAsync($"/api/v1/counsellors/{own}/absences?dryRun=false", Body());

        Assert.Equal(expected, response.StatusCode);
        await Scenario.ProblemAsync(response);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM slot WHERE status = 'cancelled'"));
    }

    [Theory]
    [InlineData("2026-12-03", "2026-12-04", "", HttpStatusCode.BadRequest, "reason")]
    [InlineData("2026-12-04", "2026-12-03", "Urlaub", HttpStatusCode.BadRequest, "to")]
    [InlineData("2026-12-01", "2027-03-31", "Urlaub", HttpStatusCode.BadRequest, "to")]
    [InlineData("03.12.2026", "2026-12-04", "Urlaub", HttpStatusCode.BadRequest, "from")]
    [InlineData("2026-11-02", "2026-11-27", "Urlaub", HttpStatusCode.UnprocessableEntity, "to")]
    public async Task Absence_BadInput_AnswersProblemDetailsNamingTheField(string from, string to, string reason, HttpStatusCode status, string field)
    {
        var response = await desk.PostAsJsonAsync($"/api/v1/counsellors/{own}/absences?dryRun=false", new { from, to, reason });

        Assert.Equal(status, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, problem.ToJsonString());
    }

    [Fact]
    public async Task Publish_DryRun_CountsWhatPublishingThenCreates_AndCreatesNothing()
    {
        var range = new { from = "2026-12-15", to = "2026-12-31" };
        var before = Scenario.Count(api, "SELECT COUNT(*) FROM slot");

        var preview = await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{own}/slots/publish?dryRun=true", range);
        var unchanged = Scenario.Count(api, "SELECT COUNT(*) FROM slot");
        var publish = await counsellor.PostAsJsonAsync($"/api/v1/counsellors/{own}/slots/publish", range);

        var previewed = (await preview.Content.ReadFromJsonAsync<JsonObject>())!;
        var published = (await publish.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.True(previewed["dryRun"]!.GetValue<bool>());
        Assert.Equal(before, unchanged);
        Assert.Equal(52, previewed["created"]!.GetValue<int>());     // 13 weekdays × 4 slots
        Assert.Equal(previewed["created"]!.GetValue<int>(), published["created"]!.GetValue<int>());
        Assert.Equal(before + 52, Scenario.Count(api, "SELECT COUNT(*) FROM slot"));
    }

    [Fact]
    public async Task OwnProfile_IsFoundByTheLinkedAccount_AndIs404WithoutOne()
    {
        var mine = await counsellor.GetFromJsonAsync<JsonObject>("/api/v1/counsellors/me");
        var none = await desk.GetAsync("/api/v1/counsellors/me");

        Assert.Equal(own, mine!["id"]!.GetValue<Guid>());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        await Scenario.ProblemAsync(none);
    }

    private static object Body(string from = "2026-12-03", string to = "2026-12-04") => new { from, to, reason = "Erkrankt (Test)" };

    private async Task<JsonObject> AbsenceAsync(HttpClient client, Guid counsellorId, bool dryRun, string from = "2026-12-03", string to = "2026-12-04")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/absences?dryRun={(dryRun ? "true" : "false")}", Body(from, to));
        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task<(string Reference, string Token)> BookAsync(string localStart, string email, string language)
    {
        var response = await desk.PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(Id(SlotAt(ownSlots, localStart)), email: email, phone: null, language: language));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }

    private async Task<JsonObject> GetBookingAsync((string Reference, string Token) booking) =>
        (await (await desk.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{booking.Reference}", booking.Token)))
            .Content.ReadFromJsonAsync<JsonObject>())!;
}
