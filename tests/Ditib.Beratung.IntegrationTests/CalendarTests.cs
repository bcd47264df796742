using System.Net;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

public sealed class CalendarTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient client;

    public CalendarTests() => client = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task CalendarFile_FollowsTheBookingThroughRescheduleAndCancel()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        var (reference, token) = (booked["reference"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>());

        var first = await CalendarAsync(reference, token);
        Assert.Equal("REQUEST", first.Method);
        var firstEvent = Assert.Single(first.Events);
        Assert.Equal(0, firstEvent.Sequence);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc), firstEvent.Start!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 45, 0, DateTimeKind.Utc), firstEvent.End!.AsUtc);
        Assert.Equal("Europe/Berlin", firstEvent.Start.TzId);

        await Scenario.EnsureAsync(await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/reschedule", token,
            new { slotId = slots[4]["id"]!.GetValue<Guid>() })), HttpStatusCode.OK);
        var moved = Assert.Single((await CalendarAsync(reference, token)).Events);
        Assert.Equal(firstEvent.Uid, moved.Uid);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), moved.Start!.AsUtc);

        await Scenario.EnsureAsync(await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token, new { })),
            HttpStatusCode.OK);
        var cancelled = await CalendarAsync(reference, token);
        Assert.Equal("CANCEL", cancelled.Method);
        var cancelledEvent = Assert.Single(cancelled.Events);
        Assert.Equal(firstEvent.Uid, cancelledEvent.Uid);
        Assert.Equal(2, cancelledEvent.Sequence);
        Assert.Equal("CANCELLED", cancelledEvent.Status);
    }

    [Fact]
    public async Task CalendarFile_WithoutToken_Returns404()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());

        var response = await client.GetAsync($"/api/v1/bookings/{booked["reference"]}/calendar.ics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<Ical.Net.Calendar> CalendarAsync(string reference, string token)
    {
        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}/calendar.ics", token));
        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        foreach (var property in new[] { "VERSION:2.0", "PRODID:", "UID:", "DTSTAMP" })
        {
            Assert.Contains(property, text, StringComparison.Ordinal);
        }

        return Ical.Net.Calendar.Load(text)!;
    }
}
