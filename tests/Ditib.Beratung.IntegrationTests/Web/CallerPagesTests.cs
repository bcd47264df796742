using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The desk's caller pages and Nicht zugestellt over HTTP without script: who may open them, a reference typed loosely,
/// moving and cancelling through the forms, and a message that could not be delivered, sent again.
/// </summary>
public sealed class CallerPagesTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly List<JsonObject> slots;

    public CallerPagesTests() => (_, slots) = Scenario.CounsellorWithSlotsAsync(api.CreateClientAs(Roles.Admin)).GetAwaiter().GetResult();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Find_ALooselyTypedReference_GoesToTheBookingPage_WhichShowsNoConcernOrContact()
    {
        var reference = await BookAsync("2026-12-03T09:00");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var find = await desk.GetAsync("/staff/bookings");

        var found = await desk.Browser.SubmitAsync(find, find.Form("main form"),
            new Dictionary<string, string> { ["reference"] = $" {reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal)} " });
        var page = await desk.Browser.FollowAsync(found);

        Assert.Equal($"/staff/bookings/{reference}", found.Location);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"Buchung {reference}", page.Heading);
        Assert.Contains("Erfundene Anruferin", page.Text, StringComparison.Ordinal);
        Assert.Contains("Donnerstag, 3. Dezember 2026", page.Text, StringComparison.Ordinal);
        Assert.Contains("Testberaterin Erfunden", page.Text, StringComparison.Ordinal);
        Assert.Contains("Türkisch", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Erfundenes Anliegen", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("5550100", page.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.invalid", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_NotAReference_Answers400InTheForm_AndTheBookingPageOfAnUnknownOne404()
    {
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);

        var malformed = await desk.GetAsync("/staff/bookings?reference=abc");
        var unknown = await desk.GetAsync("/staff/bookings/zzzz zzzz");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.Status);
        Assert.Equal(["#reference"], ErrorLinks(malformed));
        Assert.Equal(HttpStatusCode.Redirect, unknown.Status);
        var missing = await desk.Browser.FollowAsync(unknown);
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("keine Buchung", missing.Text, StringComparison.Ordinal);
        Assert.NotNull(missing.Document.QuerySelector("input#reference"));
    }

    [Fact]
    public async Task Move_ThroughTheForm_MovesTheBooking_AndAuditsTheStaffMember()
    {
        var reference = await BookAsync("2026-12-03T09:00");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var page = await desk.GetAsync($"/staff/bookings/{reference}");
        var target = Id(SlotAt(slots, "2026-12-04T10:30"));
        Assert.NotNull(page.Document.QuerySelector($"input[name=slotId][value='{target}']"));

        var moved = await desk.Browser.SubmitAsync(page, page.Form("form[action*='handler=Move']"),
            new Dictionary<string, string> { ["slotId"] = target.ToString() });
        var after = await desk.Browser.FollowAsync(moved);

        Assert.Equal(HttpStatusCode.SeeOther, moved.Status);
        Assert.Contains("Der Termin ist verlegt.", after.Text, StringComparison.Ordinal);
        Assert.Contains("Freitag, 4. Dezember 2026", after.Text, StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api,
            $"SELECT COUNT(*) FROM booking WHERE reference = '{reference}' AND slot_id = '{target}' AND status = 'confirmed'"));
        Assert.Equal(1, Scenario.Count(api,
            $"SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.reschedule-for-caller' AND actor_name = '{desk.Username}'"));
    }

    [Fact]
    public async Task Move_WithoutAChoice_Is400NamingTheField_AndCancel_WithAReason_Cancels()
    {
        var reference = await BookAsync("2026-12-03T09:00");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var page = await desk.GetAsync($"/staff/bookings/{reference}");

        var unchosen = await desk.Browser.SubmitAsync(page, page.Form("form[action*='handler=Move']"));
        var cancelled = await desk.Browser.SubmitAsync(page, page.Form("form[action*='handler=Cancel']"),
            new Dictionary<string, string> { ["reason"] = "Anruf: kann nicht kommen" });
        var after = await desk.Browser.FollowAsync(cancelled);

        Assert.Equal(HttpStatusCode.BadRequest, unchosen.Status);
        Assert.Equal(["#slot"], ErrorLinks(unchosen));
        Assert.Equal(HttpStatusCode.SeeOther, cancelled.Status);
        Assert.Contains("Der Termin ist abgesagt.", after.Text, StringComparison.Ordinal);
        Assert.Contains("abgesagt (von der Person)", after.Text, StringComparison.Ordinal);
        Assert.Empty(after.Document.QuerySelectorAll("main form[method=post]"));
        Assert.Equal(1, Scenario.Count(api,
            $"SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.cancel-for-caller' AND actor_name = '{desk.Username}'"));
    }

    [Fact]
    public async Task BookingPage_OfAnErasedBooking_Is410_AndCancellingItChangesNothing()
    {
        var reference = await BookAsync("2026-12-03T09:00");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);
        var page = await desk.GetAsync($"/staff/bookings/{reference}");
        await Scenario.EraseBookingAsync(api, reference);

        var erased = await desk.GetAsync($"/staff/bookings/{reference}");
        var cancelled = await desk.Browser.SubmitAsync(page, page.Form("form[action*='handler=Cancel']"));

        Assert.Equal(HttpStatusCode.Gone, erased.Status);
        Assert.Contains("gelöscht", erased.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, cancelled.Status);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status <> 'confirmed'"));
    }

    [Fact]
    public async Task Undelivered_ListsAFailedMessageWithThePhone_AuditsTheReading_AndSendsItAgain()
    {
        var reference = await BookAsync("2026-12-03T09:00");
        Execute("UPDATE outbox_message SET state = 'failed', last_error = 'smtp-550', finished_at = '2026-11-30T08:05:00.000000000Z' WHERE kind = 'confirmation'");
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);

        var page = await desk.GetAsync("/staff/undelivered");
        Assert.True(page.Status == HttpStatusCode.OK, page.Text);
        var retried = await desk.Browser.SubmitAsync(page, page.Form("main form[method=post]"));
        var after = await desk.Browser.FollowAsync(retried);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var row = page.Document.QuerySelector("tbody tr")!;
        Assert.Equal($"/staff/bookings/{reference}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("tel:+491705550100", row.QuerySelector("a[href^='tel:']")!.GetAttribute("href"));
        Assert.Contains("Bestätigung", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Montag, 30. November 2026, 09:05", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.phone-read' AND actor_name = '{desk.Username}'"));
        Assert.Equal(HttpStatusCode.SeeOther, retried.Status);
        Assert.Contains($"Die Nachricht zu {reference} wird erneut gesendet.", after.Text, StringComparison.Ordinal);
        Assert.Contains("Alle Nachrichten wurden zugestellt.", after.Text, StringComparison.Ordinal);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE state = 'failed'"));
    }

    private async Task<string> BookAsync(string localStart)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(Id(SlotAt(slots, localStart)), name: "Erfundene Anruferin", language: "tr"));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>();
    }

    private static IEnumerable<string?> ErrorLinks(Page page) =>
        page.Document.QuerySelectorAll(".staff-errors a").Select(a => a.GetAttribute("href"));

    private void Execute(string sql)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
