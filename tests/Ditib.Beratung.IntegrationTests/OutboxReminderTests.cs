using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Reminders at the configured lead (24 hours), on the fake clock: once, only for bookings still confirmed and made in time.</summary>
public sealed class OutboxReminderTests : IDisposable
{
    private const string Address = "erinnerung.testperson@example.org";

    // The slot of 3 December 2026, 09:00 in Berlin, is 08:00 UTC; its reminder is due 24 hours earlier.
    private static readonly Instant ReminderDue = Instant.FromUtc(2026, 12, 2, 8, 0);

    private readonly TestSmtpServer smtp = new();
    private readonly ApiFactory api = new();
    private readonly HttpClient staff;
    private readonly List<JsonObject> slots;

    public OutboxReminderTests()
    {
        smtp.Configure(api);
        api.Settings["Beratung:PublicBaseUrl"] = BaseUrl;
        staff = api.CreateClientAs(Roles.Admin, Roles.Staff);
        slots = Scenario.CounsellorWithSlotsAsync(staff).GetAwaiter().GetResult().Slots;
    }

    public void Dispose()
    {
        api.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task Reminder_GoesOutOnce_AtTheLeadTime_NotBefore()
    {
        var (reference, token) = await BookAsync("2026-12-03T09:00");
        await DispatchAsync(api);

        api.Clock.Reset(ReminderDue - Duration.FromSeconds(1));
        await DispatchAsync(api);
        var beforeDue = Reminders();
        api.Clock.Reset(ReminderDue);
        await DispatchAsync(api);
        api.Clock.Advance(Duration.FromHours(1));
        await DispatchAsync(api);
        await DispatchAsync(api);

        Assert.Empty(beforeDue);
        var reminder = Assert.Single(Reminders());
        Assert.Contains("Erinnerung", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("3. Dezember 2026", Text(reminder), StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/manage/{reference}?token={token}&culture=de", Text(reminder), StringComparison.Ordinal);
        Assert.Equal("REQUEST", Calendar(reminder).Calendar.Method);
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task Reminder_IsNotSent_ForACancelledBooking()
    {
        var (reference, token) = await BookAsync("2026-12-03T09:00");
        await Scenario.EnsureAsync(await staff.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token, new { })),
            HttpStatusCode.OK);

        api.Clock.Reset(ReminderDue + Duration.FromMinutes(5));
        await DispatchAsync(api);

        Assert.Empty(Reminders());
        Assert.Equal(2, smtp.To(Address).Count); // the confirmation and the cancellation
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'reminder' AND state <> 'cancelled'"));
    }

    [Fact]
    public async Task Reminder_IsNotSent_ForABookingMadeInsideTheReminderWindow()
    {
        api.Clock.Reset(ReminderDue + Duration.FromHours(2)); // 22 hours before the start: inside the window, outside the minimum notice
        await BookAsync("2026-12-03T09:00");

        await DispatchAsync(api);
        api.Clock.Advance(Duration.FromHours(12));
        await DispatchAsync(api);

        Assert.Empty(Reminders());
        Assert.Single(smtp.To(Address));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'reminder'"));
    }

    [Fact]
    public async Task Reminder_FollowsARescheduledBooking_ToItsNewTime()
    {
        var (reference, token) = await BookAsync("2026-12-03T09:00");
        await Scenario.EnsureAsync(await staff.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token,
            new { slotId = Id(SlotAt(slots, "2026-12-07T09:00")) })), HttpStatusCode.OK);

        api.Clock.Reset(ReminderDue);
        await DispatchAsync(api);
        var atOldTime = Reminders();
        api.Clock.Reset(Instant.FromUtc(2026, 12, 6, 8, 0));
        await DispatchAsync(api);

        Assert.Empty(atOldTime);
        var reminder = Assert.Single(Reminders());
        Assert.Contains("7. Dezember 2026", Text(reminder), StringComparison.Ordinal);
        Assert.Equal(1, Calendar(reminder).Calendar.Events.Single().Sequence);
    }

    private List<MimeKit.MimeMessage> Reminders() =>
        smtp.To(Address).Where(m => (m.Subject ?? "").StartsWith("Erinnerung", StringComparison.Ordinal)).ToList();

    private async Task<(string Reference, string Token)> BookAsync(string localStart)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings",
            Scenario.Booking(Id(SlotAt(slots, localStart)), name: "Testperson Ayşe Beispiel", email: Address, language: "de"));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }
}
