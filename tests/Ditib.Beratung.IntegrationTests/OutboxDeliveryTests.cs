using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using static Ditib.Beratung.IntegrationTests.Support.Outbox;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Confirmations and cancellations reach residents through a real SMTP server, once each, with their calendar file.</summary>
public sealed class OutboxDeliveryTests : IDisposable
{
    private const string Address = "ayse.beispiel@example.org";

    private readonly TestSmtpServer smtp = new();
    private readonly ApiFactory api = new();
    private readonly HttpClient staff;

    public OutboxDeliveryTests()
    {
        smtp.Configure(api);
        api.Settings["Beratung:PublicBaseUrl"] = BaseUrl;
        staff = api.CreateClientAs(Roles.Admin, Roles.Staff);
    }

    public void Dispose()
    {
        api.Dispose();
        smtp.Dispose();
    }

    [Fact]
    public async Task Booking_SendsOneConfirmation_WithACalendarRequestAtTheSlotsStart()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        var slot = SlotAt(slots, "2026-12-03T09:00");
        var (reference, token) = await BookAsync(slot, Address, "de");

        var first = await DispatchAsync(api);
        var second = await DispatchAsync(api);

        var message = Assert.Single(smtp.To(Address));
        Assert.Single(smtp.Received);
        Assert.Equal(1, first.Sent);
        Assert.Equal(0, second.Total);
        Assert.Matches("^[0-9a-f-]{36}@beratung\\.invalid$", message.MessageId);
        Assert.Contains(reference, message.Subject + Text(message), StringComparison.Ordinal);
        Assert.Contains("Donnerstag, 3. Dezember 2026", Text(message), StringComparison.Ordinal);
        Assert.Contains("09:00 – 09:45", Text(message), StringComparison.Ordinal);
        Assert.Contains("Raum 2", Text(message), StringComparison.Ordinal);
        Assert.Contains($"{BaseUrl}/manage/{reference}?token={token}&culture=de", Text(message), StringComparison.Ordinal);

        var (calendar, partMethod) = Calendar(message);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal("REQUEST", partMethod);
        var vevent = Assert.Single(calendar.Events);
        Assert.Equal(StartUtc(slot), vevent.Start!.AsUtc);
        Assert.Equal(0, vevent.Sequence);
        Assert.Equal((await ServedCalendarAsync(reference, token)).Events.Single().Uid, vevent.Uid);
    }

    [Fact]
    public async Task Cancellation_SendsACalendarCancel_WithTheSameUidAndAHigherSequence()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        var (reference, token) = await BookAsync(SlotAt(slots, "2026-12-03T09:00"), Address, "de");
        await DispatchAsync(api);

        await Scenario.EnsureAsync(await staff.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token,
            new { reason = "Erfundener Grund" })), HttpStatusCode.OK);
        await DispatchAsync(api);
        await DispatchAsync(api);

        var messages = smtp.To(Address);
        Assert.Equal(2, messages.Count);
        var (request, _) = Calendar(messages[0]);
        var (cancel, partMethod) = Calendar(messages[1]);
        Assert.Equal("CANCEL", cancel.Method);
        Assert.Equal("CANCEL", partMethod);
        Assert.Equal(request.Events.Single().Uid, cancel.Events.Single().Uid);
        Assert.True(cancel.Events.Single().Sequence > request.Events.Single().Sequence);
        Assert.Equal((await ServedCalendarAsync(reference, token)).Events.Single().Sequence, cancel.Events.Single().Sequence);
        Assert.Contains("abgesagt", messages[1].Subject ?? "", StringComparison.Ordinal);
        Assert.NotEqual(messages[0].MessageId, messages[1].MessageId);
    }

    [Fact]
    public async Task ConfirmationStillWaiting_WhenTheBookingIsCancelled_IsNotSent_OnlyTheCancellationIs()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        var (reference, token) = await BookAsync(SlotAt(slots, "2026-12-03T09:00"), Address, "de");
        await Scenario.EnsureAsync(await staff.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token,
            new { reason = "Erfundener Grund" })), HttpStatusCode.OK);

        await DispatchAsync(api);

        var cancel = Assert.Single(smtp.To(Address));
        Assert.Equal("CANCEL", Calendar(cancel).Calendar.Method);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'confirmation' AND state = 'cancelled' AND last_error = 'superseded'"));
    }

    [Fact]
    public async Task Reschedule_SendsARequestForTheNewTime_WithTheNextSequence()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        var (reference, token) = await BookAsync(SlotAt(slots, "2026-12-03T09:00"), Address, "de");
        var target = SlotAt(slots, "2026-12-04T10:30");
        await Scenario.EnsureAsync(await staff.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token,
            new { slotId = Id(target) })), HttpStatusCode.OK);

        await DispatchAsync(api);

        // The confirmation for the old time had not gone out yet: it is no longer true, so only the change is sent.
        var messages = smtp.To(Address);
        var moved = Assert.Single(messages);
        Assert.Contains("verlegt", moved.Subject ?? "", StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM outbox_message WHERE kind = 'confirmation' AND state = 'cancelled' AND last_error = 'superseded'"));
        var (calendar, _) = Calendar(moved);
        Assert.Equal("REQUEST", calendar.Method);
        Assert.Equal(1, calendar.Events.Single().Sequence);
        Assert.Equal(StartUtc(target), calendar.Events.Single().Start!.AsUtc);
    }

    [Fact]
    public async Task SlotCancelledByTheCentre_NotifiesEveryAffectedResidentExactlyOnce()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff, capacity: 3);
        var slot = SlotAt(slots, "2026-12-03T09:00");
        var addresses = new[] { "erste.testperson@example.org", "zweite.testperson@example.org", "dritte.testperson@example.org" };
        foreach (var address in addresses)
        {
            await BookAsync(slot, address, "de");
        }

        var (otherReference, _) = await BookAsync(SlotAt(slots, "2026-12-04T09:00"), "andere.testperson@example.org", "de");
        await DispatchAsync(api);

        await Scenario.EnsureAsync(await staff.PostAsJsonAsync($"/api/v1/slots/{Id(slot)}/cancel", new { reason = "Beraterin erkrankt (Test)" }),
            HttpStatusCode.OK);
        await DispatchAsync(api);
        await DispatchAsync(api);

        foreach (var address in addresses)
        {
            var cancellations = smtp.To(address).Where(m => Calendar(m).Calendar.Method == "CANCEL").ToList();
            var cancellation = Assert.Single(cancellations);
            Assert.Contains("Leider müssen wir Ihren Termin absagen", Text(cancellation), StringComparison.Ordinal);
            Assert.Equal(2, smtp.To(address).Count);
        }

        Assert.Single(smtp.To("andere.testperson@example.org"));
        Assert.Equal(7, smtp.Received.Count);
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM outbox_message o JOIN booking b ON b.id = o.booking_id WHERE b.reference = '{otherReference}' AND o.kind = 'cancellation'"));
    }

    [Fact]
    public async Task Messages_AreInTheBookingsLanguage_TurkishAndArabic()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        var (turkishReference, _) = await BookAsync(SlotAt(slots, "2026-12-03T09:00"), "turkce@example.org", "tr");
        var (arabicReference, arabicToken) = await BookAsync(SlotAt(slots, "2026-12-03T09:45"), "arabi@example.org", "ar", interpreterNeeded: true);

        await DispatchAsync(api);

        var turkish = Assert.Single(smtp.To("turkce@example.org"));
        Assert.Contains("Randevunuz alındı", Text(turkish), StringComparison.Ordinal);
        Assert.Contains("3 Aralık 2026 Perşembe", Text(turkish), StringComparison.Ordinal);
        Assert.Contains("Danışmanlık randevunuz", turkish.Subject, StringComparison.Ordinal);
        Assert.Equal("tr", turkish.BodyParts.OfType<MimeKit.TextPart>().Single(p => p.IsPlain).Headers["Content-Language"]);
        Assert.Contains(turkishReference, Text(turkish), StringComparison.Ordinal);

        var arabic = Assert.Single(smtp.To("arabi@example.org"));
        Assert.Contains("تم حجز موعدك", Text(arabic), StringComparison.Ordinal);
        Assert.Contains("موعد الاستشارة", arabic.Subject, StringComparison.Ordinal);
        Assert.Contains("(03.12.2026)", Text(arabic), StringComparison.Ordinal);
        Assert.Contains($"/manage/{arabicReference}?token={arabicToken}&culture=ar", Text(arabic), StringComparison.Ordinal);
        Assert.Equal("ar", arabic.BodyParts.OfType<MimeKit.TextPart>().Single(p => p.IsPlain).Headers["Content-Language"]);
        Assert.DoesNotContain("Ihr Termin", Text(arabic), StringComparison.Ordinal);
    }

    private async Task<(string Reference, string Token)> BookAsync(JsonObject slot, string email, string language, bool interpreterNeeded = false)
    {
        var response = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(Id(slot), name: "Testperson Ayşe Beispiel",
            email: email, language: language, interpreterNeeded: interpreterNeeded));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["reference"]!.GetValue<string>(), body["manageToken"]!.GetValue<string>());
    }

    private async Task<Ical.Net.Calendar> ServedCalendarAsync(string reference, string token)
    {
        var response = await staff.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}/calendar.ics", token));
        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        return Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }
}
