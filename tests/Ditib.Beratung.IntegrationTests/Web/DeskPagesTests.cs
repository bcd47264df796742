using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The desk's pages over HTTP without script: Heute, the walk-in booking, the printed day list and Offen. The clock
/// stands at Monday 30 November 2026, 09:00 in Berlin; bookings made here hold invented names and contact data.
/// </summary>
public sealed class DeskPagesTests : IDisposable
{
    private const string Concern = "Erfundenes Anliegen zur Druckprobe";
    private const string Phone = "+49 170 5550199";
    private const string Email = "druckprobe@example.invalid";

    private readonly ApiFactory api = new();
    private readonly HttpClient admin;

    public DeskPagesTests() => admin = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Heute_ShowsEachCounsellorInAColumn_WithFreePlacesAndNoConcernOrContact()
    {
        var (first, _) = await Scenario.CounsellorWithSlotsAsync(admin, name: "Testberaterin Anna Erfunden");
        await Scenario.CounsellorWithSlotsAsync(admin, name: "Testberater Bert Erfunden");
        await BookViaDeskApiAsync(await SlotAtAsync(first, "2026-12-01T09:00"), "Erfundene Anruferin");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);

        var page = await desk.GetAsync("/staff/today?date=2026-12-01");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var columns = page.Document.QuerySelectorAll(".desk-column h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Testberater Bert Erfunden", "Testberaterin Anna Erfunden"], columns);
        Assert.Contains("Erfundene Anruferin", page.Text, StringComparison.Ordinal);
        Assert.Equal(7, page.Document.QuerySelectorAll("a[href^='/staff/today/book/']").Length); // 2 × 4 slots, one taken
        Assert.DoesNotContain(Concern, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, page.Text, StringComparison.Ordinal);
        Assert.NotNull(page.Document.QuerySelector("a[href='/staff/today?date=2026-11-30']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/staff/today?date=2026-12-02']"));
    }

    [Fact]
    public async Task Heute_BadDate_AnswersWithTheFieldError()
    {
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);

        var page = await desk.GetAsync("/staff/today?date=2026-13-40");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("#date", Assert.Single(page.Document.QuerySelectorAll(".staff-errors a")).GetAttribute("href"));
    }

    [Fact]
    public async Task WalkIn_InsideTheMinimumNotice_IsBookedByTheDesk_AndShowsReferenceAndLinkOnce()
    {
        var (_, slotId) = await CounsellorWithSlotSoonAsync(capacity: 2);
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var today = await desk.GetAsync("/staff/today");
        var bookLink = today.Document.QuerySelector($"a[href='/staff/today/book/{slotId}']");
        Assert.NotNull(bookLink);
        var form = await desk.GetAsync(bookLink.GetAttribute("href")!);

        var answer = await desk.Browser.SubmitAsync(form, form.Form("main form[method=post]"), WalkIn("Erfundene Laufkundin"));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var reference = answer.Document.QuerySelector("#booked-reference")!.TextContent.Trim();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", reference);
        Assert.Contains($"/manage/{reference}?token=", answer.Document.QuerySelector("#manage-link")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("data:image/png;base64,", answer.Document.QuerySelector(".booked-link img")!.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{reference}' AND booked_by = 'staff' AND status = 'confirmed'"));
        var day = await desk.GetAsync("/staff/today");
        Assert.Contains(reference, day.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("token=", day.Text, StringComparison.Ordinal);

        // The resident form's rule still holds for residents: the same place is inside the minimum notice for them.
        var resident = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, resident.StatusCode);
    }

    [Fact]
    public async Task WalkIn_WithoutNameOrConsent_AnswersFieldErrors_AndBooksNothing()
    {
        var (_, slotId) = await CounsellorWithSlotSoonAsync();
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var form = await desk.GetAsync($"/staff/today/book/{slotId}");
        var values = WalkIn(" ");
        values.Remove("Form.ConsentAccepted");

        var answer = await desk.Browser.SubmitAsync(form, form.Form("main form[method=post]"), values);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["#name", "#consent"], answer.Document.QuerySelectorAll(".staff-errors a").Select(a => a.GetAttribute("href")));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task WalkIn_IntoAPlaceTakenMeanwhile_IsRefusedWithAClearMessage()
    {
        var (_, slotId) = await CounsellorWithSlotSoonAsync();
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var form = await desk.GetAsync($"/staff/today/book/{slotId}");
        await BookViaDeskApiAsync(slotId, "Erfundene Anruferin");

        var answer = await desk.Browser.SubmitAsync(form, form.Form("main form[method=post]"), WalkIn("Erfundene Laufkundin"));

        Assert.Equal(HttpStatusCode.Conflict, answer.Status);
        Assert.Contains("Dieser Platz ist nicht mehr frei", answer.Document.QuerySelector(".staff-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Null(answer.Document.QuerySelector("main form[method=post]"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task Attendance_BeforeTheAppointmentBegins_IsRefused_AndOnceBegunIsRecorded()
    {
        var (_, slotId) = await CounsellorWithSlotSoonAsync();
        var reference = await BookViaDeskApiAsync(slotId, "Erfundene Anruferin");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var before = await desk.GetAsync("/staff/today");
        Assert.Empty(before.Document.QuerySelectorAll("button[value=attended]"));

        var early = await PostAttendanceAsync(desk, before, "/staff/today?handler=Attendance", reference, "attended");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.Status);
        Assert.Contains("erst eingetragen werden, wenn der Termin begonnen hat", early.Document.QuerySelector(".staff-errors")!.TextContent,
            StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'confirmed'"));

        api.Clock.Advance(Duration.FromMinutes(20)); // 09:20 in Berlin: the appointment has begun
        var begun = await desk.GetAsync("/staff/today");
        var marked = await desk.Browser.SubmitAsync(begun, begun.Form("form.desk-outcome"), new Dictionary<string, string> { ["outcome"] = "attended" });

        Assert.Equal(HttpStatusCode.SeeOther, marked.Status);
        Assert.Equal("/staff/today?date=2026-11-30&done=attended", marked.Location);
        Assert.Equal("Als erschienen eingetragen.", (await desk.Browser.FollowAsync(marked)).Document.QuerySelector(".staff-success")!.TextContent.Trim());
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'attended'"));
    }

    [Fact]
    public async Task DayList_HoldsTimeNameRoomAndCounsellor_ButNoConcernPhoneOrEmail()
    {
        var (counsellor, _) = await Scenario.CounsellorWithSlotsAsync(admin, name: "Testberaterin Anna Erfunden");
        await BookViaDeskApiAsync(await SlotAtAsync(counsellor, "2026-12-01T09:45"), "Erfundene Anruferin");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);

        var print = await desk.GetAsync("/staff/today/print?date=2026-12-01");

        Assert.Equal(HttpStatusCode.OK, print.Status);
        var row = Assert.Single(print.Document.QuerySelectorAll("table.day-list tbody tr"));
        Assert.Equal(["09:45 – 10:30", "Erfundene Anruferin", "Raum 2", "Testberaterin Anna Erfunden"],
            row.Children.Select(c => c.TextContent.Trim().Replace("\u2066", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal)));
        Assert.DoesNotContain(Concern, print.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Phone, print.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("5550199", print.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, print.Document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offen_ListsBegunAppointmentsWithoutOutcome_OldestFirst_AndNeverMarksThemByItself()
    {
        var (counsellor, soon) = await CounsellorWithSlotSoonAsync();
        var later = await BookViaDeskApiAsync(await SlotAtAsync(counsellor, "2026-12-01T09:00"), "Erfundene Zweite");
        var first = await BookViaDeskApiAsync(soon, "Erfundene Erste");
        var early = await StaffSession.SignInAsync(api, Roles.Staff);
        Assert.Contains("Keine offenen Termine", (await early.GetAsync("/staff/open")).Text, StringComparison.Ordinal);

        api.Clock.Advance(Duration.FromDays(2)); // both appointments are over, nobody recorded anything
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var open = await desk.GetAsync("/staff/open");

        Assert.Equal(HttpStatusCode.OK, open.Status);
        Assert.Equal([first, later], open.Document.QuerySelectorAll("table.agenda .reference").Select(r => r.TextContent.Trim()));
        Assert.Equal(2, open.Document.QuerySelectorAll(".open-day h2").Length);
        Assert.Equal(2, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'confirmed'"));

        var marked = await desk.Browser.SubmitAsync(open, open.Form("table.agenda form"), new Dictionary<string, string> { ["outcome"] = "no-show" });

        Assert.Equal(HttpStatusCode.SeeOther, marked.Status);
        var after = await desk.Browser.FollowAsync(marked);
        Assert.Equal("Als nicht erschienen eingetragen.", after.Document.QuerySelector(".staff-success")!.TextContent.Trim());
        Assert.Equal([later], after.Document.QuerySelectorAll("table.agenda .reference").Select(r => r.TextContent.Trim()));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE reference = '{first}' AND status = 'no-show'"));
    }

    [Fact]
    public async Task Offen_UnknownReference_AnswersNotFoundOnThePage()
    {
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var open = await desk.GetAsync("/staff/open");

        var answer = await PostAttendanceAsync(desk, open, "/staff/open?handler=Attendance", "ZZZZ-ZZZZ", "attended");

        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
        Assert.Contains("nicht gefunden", answer.Document.QuerySelector(".staff-errors")!.TextContent, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> WalkIn(string name) => new()
    {
        ["Form.Name"] = name,
        ["Form.Phone"] = Phone,
        ["Form.Email"] = "",
        ["Form.Language"] = "tr",
        ["Form.Topic"] = "family",
        ["Form.Concern"] = Concern,
        ["Form.ConsentAccepted"] = "true",
    };

    /// <summary>A counsellor with her December slots and one more today at 09:15 in Berlin, a quarter of an hour from now: inside the minimum notice.</summary>
    private async Task<(Guid CounsellorId, Guid SlotId)> CounsellorWithSlotSoonAsync(int capacity = 1)
    {
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(admin, name: "Testberaterin Anna Erfunden");
        var created = await admin.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots",
            new { start = "2026-11-30T09:15", minutes = 45, mode = "in-person", location = "Raum 3", capacity });
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        return (id, (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
    }

    private async Task<Guid> SlotAtAsync(Guid counsellorId, string localStart)
    {
        var slots = await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-01&to=2026-12-14");
        return Outbox.Id(Outbox.SlotAt(slots!, localStart));
    }

    private async Task<string> BookViaDeskApiAsync(Guid slotId, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/agenda/bookings",
            Scenario.Booking(slotId, name: name, phone: Phone, email: Email, concern: Concern));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>();
    }

    /// <summary>Sends an attendance the page does not offer (as a crafted request would), with the page's antiforgery token.</summary>
    private static async Task<Page> PostAttendanceAsync(StaffSession desk, Page page, string action, string reference, string outcome)
    {
        var token = page.Document.QuerySelector("input[name=__form]")!.GetAttribute("value")!;
        var response = await desk.Client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["reference"] = reference, ["outcome"] = outcome, ["date"] = "2026-11-30", ["__form"] = token,
        }));
        return await PageBrowser.ReadAsync(response);
    }
}
