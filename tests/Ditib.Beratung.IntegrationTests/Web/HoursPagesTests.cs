using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The hours pages over HTTP without script: who may open them, saving the template and exceptions, the publish
/// preview's count against what publishing creates, and an absence recorded by the desk and by the counsellor.
/// </summary>
public sealed class HoursPagesTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient admin;

    public HoursPagesTests() => admin = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData(Roles.Counsellor, "/staff/hours", HttpStatusCode.OK)]
    [InlineData(Roles.Counsellor, "/staff/hours/absence", HttpStatusCode.OK)]
    [InlineData(Roles.Counsellor, "/staff/absence", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, "/staff/absence", HttpStatusCode.OK)]
    [InlineData(Roles.Staff, "/staff/hours", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Staff, "/staff/hours/absence", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, "/staff/hours", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Admin, "/staff/absence", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Dpo, "/staff/hours", HttpStatusCode.Forbidden)]
    [InlineData(Roles.Dpo, "/staff/absence", HttpStatusCode.Forbidden)]
    public async Task Page_AnswersItsRolesAndRefusesOthers(string role, string url, HttpStatusCode expected)
    {
        var session = await StaffSession.SignInAsync(api, role);

        var page = await session.GetAsync(url);

        Assert.Equal(expected, page.Status);
        Assert.Equal("no-store", page.Response.Headers.CacheControl?.ToString());
    }

    [Theory]
    [InlineData("/staff/hours")]
    [InlineData("/staff/hours/absence")]
    [InlineData("/staff/absence")]
    public async Task Page_WhenAnonymous_GoesToSignIn(string url)
    {
        var page = await new PageBrowser(api).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/staff/sign-in", new Uri(new Uri("https://localhost"), page.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Hours_WithoutLinkedProfile_SaysSoAndShowsNoForm()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Counsellor);

        var page = await session.GetAsync("/staff/hours");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.Document.QuerySelectorAll("main form"));
        Assert.Contains("mit keinem Beratungsprofil verbunden", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_ShowsTheTemplate_AndSavesEditedRowsAndExceptions()
    {
        var (session, id) = await CounsellorAsync();
        var page = await session.GetAsync("/staff/hours");
        Assert.Equal(5, page.Document.QuerySelectorAll("select[name$='.Weekday'] option[selected]").Length);

        var saved = await session.Browser.SubmitAsync(page, page.Form("form.hours-form"), new Dictionary<string, string>
        {
            // Monday kept, Tuesday removed, the third row changed to a Saturday; the other rows are not sent (so left out).
            ["weekly[0].Weekday"] = "monday", ["weekly[0].From"] = "09:00", ["weekly[0].To"] = "12:00", ["weekly[0].SlotMinutes"] = "45",
            ["weekly[0].Mode"] = "in-person", ["weekly[0].Location"] = "Raum 2", ["weekly[0].Capacity"] = "1",
            ["weekly[1].Weekday"] = "tuesday", ["weekly[1].From"] = "09:00", ["weekly[1].To"] = "12:00", ["weekly[1].SlotMinutes"] = "45",
            ["weekly[1].Mode"] = "in-person", ["weekly[1].Capacity"] = "1", ["weekly[1].Remove"] = "true",
            ["weekly[2].Weekday"] = "saturday", ["weekly[2].From"] = "10:00", ["weekly[2].To"] = "11:00", ["weekly[2].SlotMinutes"] = "30",
            ["weekly[2].Mode"] = "phone", ["weekly[2].Capacity"] = "1",
            ["exceptions[0].Date"] = "2026-12-24", ["exceptions[0].Closed"] = "true",
            ["exceptions[1].Date"] = "2026-12-31", ["exceptions[1].From"] = "09:00", ["exceptions[1].To"] = "10:00",
            ["exceptions[1].SlotMinutes"] = "60", ["exceptions[1].Mode"] = "video", ["exceptions[1].Capacity"] = "3",
            ["exceptions[2].Date"] = "2026-12-31", ["exceptions[2].From"] = "14:00", ["exceptions[2].To"] = "15:00",
            ["exceptions[2].SlotMinutes"] = "60", ["exceptions[2].Mode"] = "in-person", ["exceptions[2].Capacity"] = "1",
        });

        Assert.Equal(HttpStatusCode.SeeOther, saved.Status);
        Assert.Equal("/staff/hours?saved=true", saved.Location);
        var hours = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/counsellors/{id}/hours"))!;
        Assert.Equal(["monday", "saturday"], hours["weekly"]!.AsArray().Select(w => w!["weekday"]!.GetValue<string>()));
        Assert.Equal("phone", hours["weekly"]![1]!["mode"]!.GetValue<string>());
        var exceptions = hours["exceptions"]!.AsArray();
        Assert.Equal(2, exceptions.Count);
        Assert.True(exceptions[0]!["closed"]!.GetValue<bool>());
        Assert.Equal(2, exceptions[1]!["hours"]!.AsArray().Count);
        var after = await session.Browser.FollowAsync(saved);
        Assert.Contains("Die Sprechzeiten sind gespeichert", after.Text, StringComparison.Ordinal);
        Assert.Equal("2026-12-31", after.Document.QuerySelector("#exception-2-date")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Hours_BadTime_AnswersWithAnErrorLinkedToTheField_AndKeepsTheOldHours()
    {
        var (session, id) = await CounsellorAsync();
        var page = await session.GetAsync("/staff/hours");

        var answer = await session.Browser.SubmitAsync(page, page.Form("form.hours-form"), new Dictionary<string, string>
        {
            ["weekly[0].Weekday"] = "monday", ["weekly[0].From"] = "09:00", ["weekly[0].To"] = "25:00", ["weekly[0].SlotMinutes"] = "45",
            ["weekly[0].Mode"] = "in-person", ["weekly[0].Capacity"] = "1",
        });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        var link = Assert.Single(answer.Document.QuerySelectorAll(".staff-errors a"));
        Assert.Equal("#weekly-0-to", link.GetAttribute("href"));
        Assert.Equal("true", answer.Document.QuerySelector("#weekly-0-to")!.GetAttribute("aria-invalid"));
        Assert.Equal("25:00", answer.Document.QuerySelector("#weekly-0-to")!.GetAttribute("value"));
        var hours = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/counsellors/{id}/hours"))!;
        Assert.Equal(5, hours["weekly"]!.AsArray().Count);
    }

    [Fact]
    public async Task Hours_MoreRows_KeepsWhatWasTypedAndAddsEmptyRows_WithoutSaving()
    {
        var (session, id) = await CounsellorAsync();
        var page = await session.GetAsync("/staff/hours");
        var form = page.Form("form.hours-form");
        form.SetAttribute("action", page.Document.QuerySelector("button[formaction]")!.GetAttribute("formaction"));

        var answer = await session.Browser.SubmitAsync(page, form, new Dictionary<string, string>
        {
            ["weekly[0].Weekday"] = "friday", ["weekly[0].From"] = "08:00", ["weekly[0].To"] = "09:00", ["weekly[0].SlotMinutes"] = "30",
            ["weekly[0].Mode"] = "video", ["weekly[0].Capacity"] = "2",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("08:00", answer.Document.QuerySelector("#weekly-0-from")!.GetAttribute("value"));
        Assert.Equal(1 + IndexModelBlankRows, answer.Document.QuerySelectorAll("select[name$='.Weekday']").Length);
        var hours = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/counsellors/{id}/hours"))!;
        Assert.Equal("09:00", hours["weekly"]![0]!["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publish_PreviewCount_IsWhatPublishingCreates()
    {
        var (session, id) = await CounsellorAsync();
        var page = await session.GetAsync("/staff/hours");
        var before = Scenario.Count(api, "SELECT COUNT(*) FROM slot");

        var preview = await session.Browser.SubmitAsync(page, page.Form("form[action*=PreviewPublish]"),
            new Dictionary<string, string> { ["publishFrom"] = "2026-12-15", ["publishTo"] = "2026-12-31" });

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("entstehen 52 neue Termine", preview.Document.QuerySelector("#publish-preview")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, Scenario.Count(api, "SELECT COUNT(*) FROM slot"));

        var published = await session.Browser.SubmitAsync(preview, preview.Form("#publish-preview form"));

        Assert.Equal(HttpStatusCode.SeeOther, published.Status);
        Assert.Equal("/staff/hours?published=52", published.Location);
        Assert.Equal(before + 52, Scenario.Count(api, $"SELECT COUNT(*) FROM slot"));
        Assert.Contains("52 Termine wurden veröffentlicht", (await session.Browser.FollowAsync(published)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_BadRange_AnswersWithTheFieldError()
    {
        var (session, _) = await CounsellorAsync();
        var page = await session.GetAsync("/staff/hours");

        var answer = await session.Browser.SubmitAsync(page, page.Form("form[action*=PreviewPublish]"),
            new Dictionary<string, string> { ["publishFrom"] = "2026-12-31", ["publishTo"] = "2026-12-01" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("#publish-to", Assert.Single(answer.Document.QuerySelectorAll(".staff-errors a")).GetAttribute("href"));
        Assert.Null(answer.Document.QuerySelector("#publish-preview"));
    }

    [Fact]
    public async Task Absence_ByTheDesk_PreviewCountsTheAffected_AndConfirmCancelsThem()
    {
        var (_, id) = await CounsellorAsync();
        var booked = await BookAsync(id, "2026-12-03T09:00");
        await BookAsync(id, "2026-12-04T10:30");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var page = await desk.GetAsync("/staff/absence");

        var preview = await desk.Browser.SubmitAsync(page, page.Form("main form[action*=Preview]"), new Dictionary<string, string>
        {
            ["counsellorId"] = id.ToString(), ["from"] = "2026-12-03", ["to"] = "2026-12-04", ["reason"] = "Ausfall der Beraterin (Test)",
        });

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains("8 Termine abgesagt; 2 Ratsuchende sind betroffen", preview.Text, StringComparison.Ordinal);
        Assert.Equal(2, preview.Document.QuerySelectorAll(".absence-table tbody tr").Length);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'cancelled-by-centre'"));

        var done = await desk.Browser.SubmitAsync(preview, preview.Form("#absence-report form"));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("8 Termine sind abgesagt; 2 Ratsuchende werden", done.Text, StringComparison.Ordinal);
        Assert.Equal(2, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'cancelled-by-centre'"));
        Assert.Equal(2, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'cancellation'"));
        Assert.Contains(booked, done.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Erfundene Testperson", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Absence_ByTheDesk_WithoutCounsellorOrReason_AnswersFieldErrors()
    {
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var page = await desk.GetAsync("/staff/absence");

        var answer = await desk.Browser.SubmitAsync(page, page.Form("main form[action*=Preview]"),
            new Dictionary<string, string> { ["counsellorId"] = "", ["from"] = "2026-12-03", ["to"] = "2026-12-04", ["reason"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(["#absence-counsellor"], answer.Document.QuerySelectorAll(".staff-errors a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Absence_ByTheCounsellor_CancelsOnlyHerOwnSlots()
    {
        var (session, id) = await CounsellorAsync();
        var (other, _) = await Scenario.CounsellorWithSlotsAsync(admin, name: "Andere Testberaterin");
        var page = await session.GetAsync("/staff/hours/absence");

        var preview = await session.Browser.SubmitAsync(page, page.Form("main form[action*=Preview]"),
            new Dictionary<string, string> { ["from"] = "2026-12-03", ["to"] = "2026-12-03", ["reason"] = "Urlaub (Test)" });
        var done = await session.Browser.SubmitAsync(preview, preview.Form("#absence-report form"));

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(4, Scenario.Count(api, $"SELECT COUNT(*) FROM slot WHERE status = 'cancelled' AND counsellor_id = '{id}'"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM slot WHERE status = 'cancelled' AND counsellor_id = '{other}'"));
    }

    private const int IndexModelBlankRows = Ditib.Beratung.Web.Pages.Staff.Hours.IndexModel.BlankRows;

    /// <summary>A counsellor signed in to the pages, linked to a profile with Mon–Fri hours published for 1–14 December 2026.</summary>
    private async Task<(StaffSession Session, Guid CounsellorId)> CounsellorAsync()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Counsellor);
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(admin, name: "Eigene Testberaterin");
        var linked = await admin.PutAsJsonAsync($"/api/v1/counsellors/{id}",
            new { displayName = "Eigene Testberaterin", languages = new[] { "de", "tr" }, topics = new[] { "family" }, active = true, userId = session.UserId });
        await Scenario.EnsureAsync(linked, HttpStatusCode.OK);
        return (session, id);
    }

    private async Task<string> BookAsync(Guid counsellorId, string localStart)
    {
        var slots = await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellorId}/slots?from=2026-12-01&to=2026-12-14");
        var booking = await Scenario.BookAsync(admin, Outbox.Id(Outbox.SlotAt(slots!, localStart)));
        return booking["reference"]!.GetValue<string>();
    }
}
