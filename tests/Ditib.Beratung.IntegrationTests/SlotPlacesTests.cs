using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// The places a slot has taken are kept on the slot by triggers (migration 0011) for the search to read: after every
/// kind of booking change the kept figure equals the count of the bookings that hold a place.
/// </summary>
public sealed class SlotPlacesTests : IDisposable
{
    private static readonly string Mismatches = $"""
        SELECT COUNT(*) FROM slot s
        WHERE s.places_taken <> (SELECT COUNT(*) FROM booking b
                                 WHERE b.slot_id = s.id AND b.status IN ({string.Join(", ", BookingStatuses.HoldingAPlace.Select(h => $"'{h.ToCode()}'"))}))
        """;

    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task PlacesTaken_EqualsTheCountOfPlaceHoldingBookings_AfterBookCancelRescheduleEraseAttendAndExpire()
    {
        var desk = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(desk, capacity: 3);
        var first = slots[0]["id"]!.GetValue<Guid>();
        var second = slots[1]["id"]!.GetValue<Guid>();
        var third = slots[2]["id"]!.GetValue<Guid>();
        var resident = api.CreateClient();

        var a = await Scenario.BookAsync(resident, first);
        var b = await Scenario.BookAsync(resident, first);
        var c = await Scenario.BookAsync(resident, first);
        var d = await Scenario.BookAsync(resident, second);
        await Scenario.BookAsync(resident, third);
        AssertKept(first, taken: 3);
        AssertKept(second, taken: 1);

        await SendAsync(resident, a, "cancel", new { });
        AssertKept(first, taken: 2);

        await SendAsync(resident, b, "reschedule", new { slotId = second });
        AssertKept(first, taken: 1);
        AssertKept(second, taken: 2);

        await Scenario.EnsureAsync(await desk.PostAsJsonAsync($"/api/v1/slots/{third}/cancel", new { reason = "Beraterin erkrankt" }),
            HttpStatusCode.OK);
        AssertKept(third, taken: 0);

        await Scenario.EraseBookingAsync(api, c["reference"]!.GetValue<string>());
        AssertKept(first, taken: 1);

        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 9, 0)); // 10:00 in Duisburg: the first two slots have begun
        desk = (await api.CreateClientAsAsync(Roles.Staff)).Client;
        await Scenario.EnsureAsync(
            await desk.PostAsJsonAsync($"/api/v1/agenda/bookings/{d["reference"]}/attendance", new { outcome = "no-show" }), HttpStatusCode.OK);
        AssertKept(second, taken: 2);

        api.Clock.Reset(Instant.FromUtc(2027, 1, 5, 8, 0)); // retention erases the bookings of December's first days
        var dpo = (await api.CreateClientAsAsync(Roles.Dpo)).Client;
        await Scenario.EnsureAsync(await dpo.PostAsync("/api/v1/privacy/retention?dryRun=false", null), HttpStatusCode.OK);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE personal_data IS NOT NULL"));
        AssertKept(first, taken: 1);
        AssertKept(second, taken: 2);
        Assert.Equal(0, Scenario.Count(api, Mismatches));
    }

    private void AssertKept(Guid slotId, int taken)
    {
        Assert.Equal(taken, Scenario.Count(api, $"SELECT places_taken FROM slot WHERE id = '{slotId}'"));
        Assert.Equal(0, Scenario.Count(api, Mismatches));
    }

    private static async Task SendAsync(HttpClient client, JsonObject booking, string action, object body) =>
        await Scenario.EnsureAsync(await client.SendAsync(Scenario.WithToken(HttpMethod.Post,
            $"/api/v1/bookings/{booking["reference"]}/{action}", booking["manageToken"]!.GetValue<string>(), body)), HttpStatusCode.OK);
}
