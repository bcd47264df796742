using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// The desk finds a caller's booking by its reference and cancels or moves it on the resident's behalf
/// (<c>/api/v1/agenda/bookings/{reference}</c>): the resident is told as usual, in their language, and the staff member
/// is the audit trail's actor.
/// </summary>
public sealed class DeskBookingTests : IDisposable
{
    private const string Address = "turkce.anrufer@example.org";

    private readonly TestSmtpServer smtp = new();
    private readonly ApiFactory api = new();
    private readonly HttpClient desk;
    private readonly string deskUser;
    private readonly List<JsonObject> slots;

    public DeskBookingTests()
    {
        smtp.Configure(api);
        api.Settings["Beratung:PublicBaseUrl"] = BaseUrl;
        (desk, _, deskUser) = api.CreateClientAsAsync(Roles.Staff).GetAwaiter().GetResult();
        (_, slots) = Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin)).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        api.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task Get_ByALooselyTypedReference_ShowsWhenWhereWhoAndState_WithoutConcernOrContact_AndIsAudited()
    {
        var (reference, _) = await BookAsync("2026-12-03T09:00");

        var response = await desk.GetAsync($"/api/v1/agenda/bookings/{reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)}");

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var booking = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(reference, booking["reference"]!.GetValue<string>());
        Assert.Equal("confirmed", booking["status"]!.GetValue<string>());
        Assert.Equal("2026-12-03T09:00:00+01:00", booking["slot"]!["start"]!.GetValue<string>());
        Assert.Equal("Raum 2", booking["slot"]!["location"]!.GetValue<string>());
        Assert.Equal("Testberaterin Erfunden", booking["slot"]!["counsellor"]!.GetValue<string>());
        Assert.Equal("tr", booking["language"]!.GetValue<string>());
        Assert.Equal("Erfundene Anruferin", booking["name"]!.GetValue<string>());
        Assert.Equal(["email"], booking["messageChannels"]!.AsArray().Select(c => c!.GetValue<string>()));
        var text = booking.ToJsonString();
        Assert.DoesNotContain("Erfundenes Anliegen", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Address, text, StringComparison.Ordinal);
        Assert.DoesNotContain("5550100", text, StringComparison.Ordinal);
        Assert.Equal(1, AuditCount("booking.desk-read"));
    }

    [Fact]
    public async Task Cancel_CancelsAsTheResidentsWish_TellsTheResidentInTheirLanguage_AndAuditsTheStaffMember()
    {
        var (reference, token) = await BookAsync("2026-12-03T09:00");
        await DispatchAsync(api);

        var response = await desk.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/cancel", new { reason = "Anruf: Termin passt nicht" });
        await DispatchAsync(api);

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal("cancelled-by-resident", (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
        var resident = await api.CreateClient().SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token));
        Assert.Equal("Anruf: Termin passt nicht", (await resident.Content.ReadFromJsonAsync<JsonObject>())!["statusReason"]!.GetValue<string>());
        var cancelled = Assert.Single(smtp.To(Address), m => Calendar(m).Calendar.Method == "CANCEL");
        Assert.Contains("Randevunuz iptal edildi", cancelled.Subject, StringComparison.Ordinal);
        Assert.Equal(1, AuditCount("booking.cancel-for-caller"));
    }

    [Fact]
    public async Task Reschedule_InsideTheOnlineCutoffAndTheMinimumNotice_Moves_TellsTheResident_AndAuditsTheStaffMember()
    {
        var (reference, token) = await BookAsync("2026-12-01T09:00");
        await DispatchAsync(api);
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 7, 30));
        var target = Id(SlotAt(slots, "2026-12-01T09:45"));
        var online = await api.CreateClient().SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token,
            new { slotId = target }));
        var deskNow = await api.SignInAsync(deskUser);

        var response = await deskNow.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/reschedule", new { slotId = target });
        await DispatchAsync(api);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, online.StatusCode);
        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var moved = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("2026-12-01T09:45:00+01:00", moved["slot"]!["start"]!.GetValue<string>());
        Assert.Equal("confirmed", moved["status"]!.GetValue<string>());
        var message = Assert.Single(smtp.To(Address), m => (m.Subject ?? "").Contains("değiştirildi", StringComparison.Ordinal));
        Assert.Contains("Randevunuz değiştirildi", message.Subject, StringComparison.Ordinal);
        Assert.Equal(1, AuditCount("booking.reschedule-for-caller"));
    }

    [Fact]
    public async Task Cancel_OnceTheAppointmentHasBegun_Is422_AndChangesNothing()
    {
        var (reference, _) = await BookAsync("2026-12-01T09:00");
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 8, 5));
        var deskNow = await api.SignInAsync(deskUser);

        var response = await deskNow.PostAsync($"/api/v1/agenda/bookings/{reference}/cancel", null);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status <> 'confirmed'"));
        Assert.Equal(0, AuditCount("booking.cancel-for-caller"));
    }

    [Fact]
    public async Task Endpoints_UnknownReference404_CancelledOne409_BadInput400NamingTheField()
    {
        var (reference, _) = await BookAsync("2026-12-03T09:00");
        await Scenario.EnsureAsync(await desk.PostAsync($"/api/v1/agenda/bookings/{reference}/cancel", null), HttpStatusCode.OK);

        var unknown = await desk.PostAsync("/api/v1/agenda/bookings/ZZZZ-ZZZZ/cancel", null);
        var unknownGet = await desk.GetAsync("/api/v1/agenda/bookings/ZZZZ-ZZZZ");
        var again = await desk.PostAsync($"/api/v1/agenda/bookings/{reference}/cancel", null);
        var moveCancelled = await desk.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/reschedule", new { slotId = Id(slots[5]) });
        var noSlot = await desk.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/reschedule", new { slotId = Guid.Empty });
        var longReason = await desk.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/cancel", new { reason = new string('x', 501) });
        var malformed = await desk.GetAsync("/api/v1/agenda/bookings/kein-zeichen");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (unknown.StatusCode, unknownGet.StatusCode));
        Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (again.StatusCode, moveCancelled.StatusCode));
        Assert.NotNull((await Scenario.ProblemAsync(noSlot))["errors"]!["slotId"]);
        Assert.NotNull((await Scenario.ProblemAsync(longReason))["errors"]!["reason"]);
        var problem = await Scenario.ProblemAsync(malformed);
        Assert.NotNull(problem["errors"]!["reference"]);
        Assert.DoesNotContain("kein-zeichen", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Counsellor)]
    [InlineData(Roles.Dpo)]
    [InlineData(Roles.Admin)]
    public async Task Endpoints_WithoutTheStaffRole_Are403_AndChangeNothing(string role)
    {
        var (reference, _) = await BookAsync("2026-12-03T09:00");
        var other = api.CreateClientAs(role);

        var get = await other.GetAsync($"/api/v1/agenda/bookings/{reference}");
        var cancel = await other.PostAsync($"/api/v1/agenda/bookings/{reference}/cancel", null);
        var move = await other.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/reschedule", new { slotId = Id(slots[5]) });

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], [get.StatusCode, cancel.StatusCode, move.StatusCode]);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status <> 'confirmed'"));
    }

    [Fact]
    public async Task ResidentEndpoints_WithAStaffTokenAndNoManageToken_Stay404()
    {
        var (reference, _) = await BookAsync("2026-12-03T09:00");

        var get = await desk.GetAsync($"/api/v1/bookings/{reference}");
        var cancel = await desk.PostAsync($"/api/v1/bookings/{reference}/cancel", null);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, cancel.StatusCode));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status <> 'confirmed'"));
    }

    private long AuditCount(string action) =>
        Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = '{action}' AND actor_name = '{deskUser}' AND subject_type = 'booking'");

    private async Task<(string Reference, string Token)> BookAsync(string localStart)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(Id(SlotAt(slots, localStart)), name: "Erfundene Anruferin", email: Address, language: "tr"));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }
}
