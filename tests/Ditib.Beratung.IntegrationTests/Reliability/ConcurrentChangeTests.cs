using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Reliability;

/// <summary>
/// Races beyond plain booking: reschedules and cancellations of the same booking, publishing overlapping hours, and
/// publishing against slot cancellations, on one host and on two hosts sharing one database file (where only
/// <c>BEGIN IMMEDIATE</c> and the schema's triggers stand between them).
/// </summary>
public sealed class ConcurrentChangeTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly ApiFactory second = new();
    private readonly HttpClient desk;

    public ConcurrentChangeTests()
    {
        desk = api.CreateClientAs(Roles.Admin, Roles.Staff);
        second.UseDatabaseOf(api);
    }

    public void Dispose()
    {
        second.Dispose();
        api.Dispose();
    }

    /// <summary>Clients for the race: both on the first host, or alternating between the two hosts.</summary>
    private HttpClient[] Hosts(bool twoHosts, bool signedIn)
    {
        if (!twoHosts)
        {
            return [signedIn ? desk : api.CreateClient()];
        }

        var other = second.CreateClient();
        if (signedIn)
        {
            other.DefaultRequestHeaders.Authorization = desk.DefaultRequestHeaders.Authorization;
        }

        return [signedIn ? desk : api.CreateClient(), other];
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentReschedulesAndCancels_OfOneBooking_EndInOneConsistentState(bool twoHosts)
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(desk);
        var ids = slots.Select(s => s["id"]!.GetValue<Guid>()).ToArray();
        var clients = Hosts(twoHosts, signedIn: false);

        // Each round: bookings X (slot 0) and Y (slot 1); X moves to 2 or 3, Y to 3 or 4 (so both want slot 3), each is cancelled too.
        for (var round = 0; round < ids.Length / 5; round++)
        {
            var s = ids.Skip(round * 5).Take(5).ToArray();
            var x = await Scenario.BookAsync(desk, s[0]);
            var y = await Scenario.BookAsync(desk, s[1]);
            var attempts = new List<(JsonObject Booking, string Kind, Guid? Target)>
            {
                (x, "reschedule", s[2]), (x, "reschedule", s[3]), (x, "cancel", null), (x, "cancel", null),
                (y, "reschedule", s[3]), (y, "reschedule", s[4]), (y, "cancel", null),
            };

            var responses = await Task.WhenAll(attempts.Select((a, i) => SendAsync(clients[i % clients.Length], a.Booking, a.Kind, a.Target)));

            Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.ServiceUnavailable }));
            foreach (var (booking, start) in new[] { (x, s[0]), (y, s[1]) })
            {
                var mine = attempts.Select((a, i) => (a, r: responses[i])).Where(p => p.a.Booking == booking && p.r.StatusCode == HttpStatusCode.OK).ToList();
                var (status, slotId, sequence) = Stored(booking["reference"]!.GetValue<string>());
                Assert.Equal(mine.Count, sequence);
                Assert.True(mine.Count(p => p.a.Kind == "cancel") <= 1, $"round {round}: two cancellations succeeded");
                if (status == "confirmed")
                {
                    Assert.DoesNotContain(mine, p => p.a.Kind == "cancel");
                    var moves = mine.Select(p => p.a.Target!.Value).ToList();
                    Assert.Contains(slotId, moves.Count == 0 ? [start] : moves);
                }
                else
                {
                    Assert.Equal("cancelled-by-resident", status);
                    Assert.Single(mine, p => p.a.Kind == "cancel");
                }
            }
        }

        AssertNoSlotOverCapacity();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ConcurrentPublishingOfOverlappingHours_LeavesNoOverlappingOpenSlots_AndRepublishingCreatesNothing(bool twoHosts)
    {
        var (counsellorId, _) = await Scenario.CounsellorWithSlotsAsync(desk);
        var clients = Hosts(twoHosts, signedIn: true);
        // Two templates whose slots overlap without matching: 45 minutes from 09:00 and 30 minutes from 09:10.
        object Hours(int minutes, string from) => new
        {
            weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" }
                .Select(d => new { weekday = d, from, to = "13:00", slotMinutes = minutes, mode = "phone", location = (string?)null, capacity = 1 }),
        };
        var ranges = new[] { ("2026-12-01", "2026-12-31"), ("2026-12-10", "2027-01-20"), ("2026-12-20", "2027-01-31") };

        var calls = Enumerable.Range(0, 18).Select(i =>
        {
            var client = clients[i % clients.Length];
            return (i % 3) switch
            {
                0 => client.PutAsJsonAsync($"/api/v1/counsellors/{counsellorId}/hours", i % 2 == 0 ? Hours(45, "09:00") : Hours(30, "09:10")),
                _ => client.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots/publish",
                    new { from = ranges[i % ranges.Length].Item1, to = ranges[i % ranges.Length].Item2 }),
            };
        }).ToList();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(0, OverlappingOpenSlots());
        var created = 0;
        foreach (var (response, i) in responses.Select((r, i) => (r, i)).Where(p => p.i % 3 != 0 && p.r.StatusCode == HttpStatusCode.OK))
        {
            created += (await response.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<int>();
        }

        Assert.Equal(40 + created, Scenario.Count(api, "SELECT COUNT(*) FROM slot"));

        // With the hours now fixed, overlapping publishes racing each other fill the gaps once; after that, nothing is new.
        var fill = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => clients[i % clients.Length].PostAsJsonAsync(
            $"/api/v1/counsellors/{counsellorId}/slots/publish", new { from = ranges[i % ranges.Length].Item1, to = ranges[i % ranges.Length].Item2 })));
        Assert.All(fill, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.Equal(0, OverlappingOpenSlots());
        foreach (var (from, to) in ranges)
        {
            var again = await desk.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots/publish", new { from, to });
            await Scenario.EnsureAsync(again, HttpStatusCode.OK);
            Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<int>());
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PublishRacingSlotCancellations_NeverReopensACancelledTime_AndLeavesNoOverlap(bool twoHosts)
    {
        var (counsellorId, slots) = await Scenario.CounsellorWithSlotsAsync(desk);
        var clients = Hosts(twoHosts, signedIn: true);
        var booked = await Scenario.BookAsync(desk, slots[0]["id"]!.GetValue<Guid>());
        var toCancel = slots.Where((_, i) => i % 3 == 0).Select(s => s["id"]!.GetValue<Guid>()).ToList();

        var cancels = toCancel.Select((id, i) =>
            clients[i % clients.Length].PostAsJsonAsync($"/api/v1/slots/{id}/cancel", new { reason = "Erfundener Ausfall" }));
        var publishes = Enumerable.Range(0, 8).Select(i =>
            clients[(i + 1) % clients.Length].PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots/publish",
                new { from = "2026-12-01", to = i % 2 == 0 ? "2026-12-14" : "2026-12-21" }));
        var responses = await Task.WhenAll(cancels.Concat(publishes));

        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        var cancelled = responses.Take(toCancel.Count).Select((r, i) => (r, id: toCancel[i])).Where(p => p.r.StatusCode == HttpStatusCode.OK)
            .Select(p => p.id.ToString()).ToList();
        Assert.Equal(cancelled.Count, Scenario.Count(api, "SELECT COUNT(*) FROM slot WHERE status = 'cancelled'"));
        Assert.Equal(0, OverlappingOpenSlots());
        // Nothing open was published again over a time the centre cancelled: the 1–14 December grid is as it was.
        Assert.Equal(40 - cancelled.Count, Scenario.Count(api,
            "SELECT COUNT(*) FROM slot WHERE status = 'open' AND start_at < '2026-12-15T00:00:00.000000000Z'"));
        var (status, _, _) = Stored(booked["reference"]!.GetValue<string>());
        Assert.Equal(cancelled.Contains(slots[0]["id"]!.GetValue<Guid>().ToString()) ? "cancelled-by-centre" : "confirmed", status);
        var again = await desk.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots/publish", new { from = "2026-12-01", to = "2026-12-21" });
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<int>());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, JsonObject booking, string kind, Guid? target)
    {
        var url = $"/api/v1/bookings/{booking["reference"]}/{kind}";
        object body = kind == "cancel" ? new { reason = "Erfundener Grund" } : new { slotId = target };
        return client.SendAsync(Scenario.WithToken(HttpMethod.Post, url, booking["manageToken"]!.GetValue<string>(), body));
    }

    private (string Status, Guid SlotId, long Sequence) Stored(string reference)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, slot_id, sequence FROM booking WHERE reference = @reference";
        command.AddParameter("@reference", reference);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return (reader.GetString(0), Guid.Parse(reader.GetString(1)), reader.GetInt64(2));
    }

    private void AssertNoSlotOverCapacity() => Assert.Equal(0, Scenario.Count(api, """
        SELECT COUNT(*) FROM slot s
        WHERE (SELECT COUNT(*) FROM booking b WHERE b.slot_id = s.id AND b.status = 'confirmed') > s.capacity
        """));

    private long OverlappingOpenSlots() => Scenario.Count(api, """
        SELECT COUNT(*) FROM slot a JOIN slot b
          ON a.counsellor_id = b.counsellor_id AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at
        WHERE a.status = 'open' AND b.status = 'open'
        """);
}
