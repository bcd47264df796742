using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests;

public sealed class BookingFlowTests : IDisposable
{
    private readonly ApiFactory api = new();
    private HttpClient client;

    public BookingFlowTests() => client = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task ReferenceData_ListsTopicsAndLanguagesInFourLanguages()
    {
        var topics = await client.GetFromJsonAsync<List<JsonObject>>("/api/v1/topics");
        var family = topics!.Single(t => t["code"]!.GetValue<string>() == "family");
        Assert.Equal(["de", "tr", "ar", "en"], family["names"]!.AsObject().Select(p => p.Key));
        Assert.Equal("Aile ve çocuklar", family["names"]!["tr"]!.GetValue<string>());
        Assert.Contains(topics!, t => t["code"]!.GetValue<string>() == "violence-protection");

        var languages = await client.GetFromJsonAsync<List<JsonObject>>("/api/v1/languages");
        Assert.Contains(languages!, l => l["code"]!.GetValue<string>() == "ku");
    }

    [Fact]
    public async Task Search_ListsOpenSlotsSortedWithLocalTimesAndZone()
    {
        await Scenario.CounsellorWithSlotsAsync(client);

        var slots = await Scenario.SearchAsync(client, "topic=family&language=tr&from=2026-12-01&to=2026-12-14");

        Assert.Equal(40, slots!.Count); // 10 weekdays x 4 slots of 45 minutes between 09:00 and 12:00
        var first = slots[0];
        Assert.Equal("2026-12-01T09:00:00+01:00", first["start"]!.GetValue<string>());
        Assert.Equal("2026-12-01T09:45:00+01:00", first["end"]!.GetValue<string>());
        Assert.Equal("Europe/Berlin", first["zone"]!.GetValue<string>());
        Assert.Equal("Testberaterin Erfunden", first["counsellor"]!.GetValue<string>());
        Assert.Equal(1, first["remainingCapacity"]!.GetValue<int>());
        Assert.Equal(["de", "tr"], first["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        var starts = slots.Select(s => DateTimeOffset.Parse(s["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.Order(), starts);
    }

    [Fact]
    public async Task Search_InPages_ReturnsEverySlotOnceInOrder()
    {
        await Scenario.CounsellorWithSlotsAsync(client);
        await Scenario.CounsellorWithSlotsAsync(client, name: "Testberater Zweiter");
        var all = await Scenario.SearchAsync(client, "from=2026-12-01&to=2026-12-14&limit=200");

        var paged = new List<JsonObject>();
        var pages = 0;
        string? next = null;
        do
        {
            var page = (await client.GetFromJsonAsync<JsonObject>(
                $"/api/v1/slots?from=2026-12-01&to=2026-12-14&limit=7{(next is null ? "" : $"&after={next}")}"))!;
            var items = page["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
            Assert.InRange(items.Count, 1, 7);
            paged.AddRange(items);
            next = page["next"]?.GetValue<string>();
            pages++;
        }
        while (next is not null);

        Assert.Equal(80, all.Count); // two counsellors at the same hours: equal starts are ordered by id across pages
        Assert.Equal(12, pages);
        Assert.Equal(all.Select(s => s["id"]!.GetValue<Guid>()), paged.Select(s => s["id"]!.GetValue<Guid>()));
        Assert.Equal(50, (await Scenario.SearchAsync(client, "from=2026-12-01&to=2026-12-14")).Count);
    }

    [Fact]
    public async Task Search_FiltersByTopicAndLanguage()
    {
        await Scenario.CounsellorWithSlotsAsync(client);

        Assert.Empty(await Scenario.SearchAsync(client, "topic=dementia&from=2026-12-01&to=2026-12-14"));
        Assert.Empty(await Scenario.SearchAsync(client, "language=ar&from=2026-12-01&to=2026-12-14"));
        Assert.NotEmpty(await Scenario.SearchAsync(client, "language=de&from=2026-12-01&to=2026-12-01"));
    }

    [Fact]
    public async Task Search_LeavesOutSlotsInsideTheMinimumNoticeAndFullSlots()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        await Scenario.BookAsync(client, slots[1]["id"]!.GetValue<Guid>());
        // 1 December 08:00 local: the 09:00 slot is inside the two-hour notice, the 09:45 one is full.
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 7, 0));

        var listed = await Scenario.SearchAsync(client, "from=2026-12-01&to=2026-12-01");

        Assert.Equal(["2026-12-01T10:30:00+01:00", "2026-12-01T11:15:00+01:00"], listed!.Select(s => s["start"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Book_Returns201WithReferenceTokenAndLocation()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var slotId = slots[0]["id"]!.GetValue<Guid>();

        var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId));

        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var reference = body["reference"]!.GetValue<string>();
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", reference);
        Assert.True(body["manageToken"]!.GetValue<string>().Length >= 22); // >= 128 bits in base64url
        Assert.Equal("confirmed", body["status"]!.GetValue<string>());
        Assert.Equal(0, body["slot"]!["remainingCapacity"]!.GetValue<int>());
        Assert.Equal($"/api/v1/bookings/{reference}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task GetBooking_WithToken_ReturnsTheResidentsOwnData()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        var reference = booked["reference"]!.GetValue<string>();

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", booked["manageToken"]!.GetValue<string>()));

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var booking = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Erfundene Testperson", booking["name"]!.GetValue<string>());
        Assert.Equal("testperson@example.invalid", booking["email"]!.GetValue<string>());
        Assert.Equal("confirmed", booking["status"]!.GetValue<string>());
        Assert.Equal(slots[0]["start"]!.GetValue<string>(), booking["slot"]!["start"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task GetBooking_WithoutTheRightToken_Returns404(string? token)
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{booked["reference"]}", token));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.DoesNotContain("Erfundene", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBooking_AfterTheAppointment_Returns410()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 8, 45)); // the slot 09:00-09:45 local has just ended

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{booked["reference"]}",
            booked["manageToken"]!.GetValue<string>()));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        await Scenario.ProblemAsync(response);
    }

    [Fact]
    public async Task Cancel_BeforeTheCutoff_FreesThePlace()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        var booked = await Scenario.BookAsync(client, slotId);

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{booked["reference"]}/cancel",
            booked["manageToken"]!.GetValue<string>(), new { reason = "Termin passt nicht" }));

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("cancelled-by-resident", body["status"]!.GetValue<string>());
        Assert.Equal(1, body["slot"]!["remainingCapacity"]!.GetValue<int>());
        await Scenario.BookAsync(client, slotId); // the place can be booked again
    }

    [Fact]
    public async Task Cancel_AfterTheCutoff_Returns422AndChangesNothing()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 7, 30)); // 08:30 local, 30 minutes before the start

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{booked["reference"]}/cancel",
            booked["manageToken"]!.GetValue<string>(), new { reason = (string?)null }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await Scenario.ProblemAsync(response);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status = 'confirmed'"));
    }

    [Fact]
    public async Task Cancel_Twice_Returns409()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        var url = $"/api/v1/bookings/{booked["reference"]}/cancel";
        var token = booked["manageToken"]!.GetValue<string>();
        await Scenario.EnsureAsync(await client.SendAsync(Scenario.WithToken(HttpMethod.Post, url, token, new { })), HttpStatusCode.OK);

        var again = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, url, token, new { }));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Reschedule_MovesTheBookingAndFreesTheOldSlot()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var (from, to) = (slots[0]["id"]!.GetValue<Guid>(), slots[5]["id"]!.GetValue<Guid>());
        var booked = await Scenario.BookAsync(client, from);

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{booked["reference"]}/reschedule",
            booked["manageToken"]!.GetValue<string>(), new { slotId = to }));

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(to, body["slot"]!["id"]!.GetValue<Guid>());
        Assert.Equal(1, body["sequence"]!.GetValue<int>());
        Assert.Equal(1, (await client.GetFromJsonAsync<JsonObject>($"/api/v1/slots/{from}"))!["remainingCapacity"]!.GetValue<int>());
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonObject>($"/api/v1/slots/{to}"))!["remainingCapacity"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reschedule_IntoAFullSlot_Returns409AndLeavesTheBookingUntouched()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var (from, full) = (slots[0]["id"]!.GetValue<Guid>(), slots[1]["id"]!.GetValue<Guid>());
        var booked = await Scenario.BookAsync(client, from);
        await Scenario.BookAsync(client, full);

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{booked["reference"]}/reschedule",
            booked["manageToken"]!.GetValue<string>(), new { slotId = full }));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await Scenario.ProblemAsync(response);
        var still = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{booked["reference"]}",
            booked["manageToken"]!.GetValue<string>()));
        var body = (await still.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(from, body["slot"]!["id"]!.GetValue<Guid>());
        Assert.Equal("confirmed", body["status"]!.GetValue<string>());
        Assert.Equal(0, body["sequence"]!.GetValue<int>());
    }

    [Fact]
    public async Task IdempotencyKey_SameBody_ReturnsTheFirstAnswer_OtherBody_Returns409()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity: 3);
        var slotId = slots[0]["id"]!.GetValue<Guid>();

        async Task<HttpResponseMessage> Send(object body)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "test-key-0001-erfunden");
            return await client.SendAsync(request);
        }

        var first = await Send(Scenario.Booking(slotId));
        var second = await Send(Scenario.Booking(slotId));
        var other = await Send(Scenario.Booking(slotId, name: "Andere Testperson"));

        await Scenario.EnsureAsync(first, HttpStatusCode.Created);
        await Scenario.EnsureAsync(second, HttpStatusCode.Created);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Theory]
    [InlineData("demo-1")]
    [InlineData("123456789012345")]
    public async Task IdempotencyKey_ShorterThan16Characters_Returns400NamingTheHeader(string key)
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(Scenario.Booking(slots[0]["id"]!.GetValue<Guid>())) };
        request.Headers.Add("Idempotency-Key", key);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await Scenario.ProblemAsync(response)).ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task IdempotencyKey_AfterTheBookingIsCancelled_ItsStoredAnswerIsGone(bool byTheCentre)
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity: 3);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        var key = Guid.NewGuid().ToString();
        async Task<JsonObject> Send()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(Scenario.Booking(slotId)) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(request);
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        }

        var first = await Send();
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM idempotency_key"));
        var cancelled = byTheCentre
            ? await client.PostAsJsonAsync($"/api/v1/slots/{slotId}/cancel", new { reason = "Beraterin erkrankt" })
            : await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{first["reference"]}/cancel", first["manageToken"]!.GetValue<string>(), new { }));
        await Scenario.EnsureAsync(cancelled, HttpStatusCode.OK);

        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM idempotency_key"));
        var replay = await Send();
        Assert.NotEqual(first["manageToken"]?.GetValue<string>(), replay["manageToken"]?.GetValue<string>());
    }

    [Fact]
    public async Task ManageLink_AfterErasure_Answers410Erased_NotAServerError()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        var (reference, token) = (booked["reference"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>());
        await Scenario.EraseBookingAsync(api, reference);

        var read = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token));
        var cancel = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token, new { }));
        var wrongToken = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", "erfunden"));

        Assert.Equal(HttpStatusCode.Gone, read.StatusCode);
        var problem = await Scenario.ProblemAsync(read);
        Assert.Contains("erased", problem["detail"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("master key", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Gone, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongToken.StatusCode);
    }

    [Fact]
    public async Task CancelSlot_CancelsItsBookingsAsCancelledByTheCentre()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity: 2);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        var booked = await Scenario.BookAsync(client, slotId);
        await Scenario.BookAsync(client, slotId);

        var response = await client.PostAsJsonAsync($"/api/v1/slots/{slotId}/cancel", new { reason = "Beraterin erkrankt" });

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonObject>())!["cancelledBookings"]!.GetValue<int>());
        var booking = await (await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{booked["reference"]}",
            booked["manageToken"]!.GetValue<string>()))).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("cancelled-by-centre", booking!["status"]!.GetValue<string>());
        Assert.Equal("Beraterin erkrankt", booking["statusReason"]!.GetValue<string>());
        var search = await Scenario.SearchAsync(client, "from=2026-12-01&to=2026-12-01");
        Assert.DoesNotContain(search!, s => s["id"]!.GetValue<Guid>() == slotId);
    }

    [Fact]
    public async Task Publish_TheSameRangeTwice_CreatesNothingNew()
    {
        var (id, slots) = await Scenario.CounsellorWithSlotsAsync(client);

        var again = await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" });

        await Scenario.EnsureAsync(again, HttpStatusCode.OK);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<JsonObject>())!["created"]!.GetValue<int>());
        Assert.Equal(40, slots.Count);
        Assert.Equal(40, Scenario.Count(api, "SELECT COUNT(*) FROM slot"));
    }

    [Fact]
    public async Task Hours_ClosedException_HasNoSlotsThatDay()
    {
        var created = await client.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberater Feiertag", languages = new[] { "de" }, topics = new[] { "general" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var hours = new
        {
            weekly = new[] { new { weekday = "thursday", from = "09:00", to = "11:00", slotMinutes = 60, mode = "phone", location = (string?)null, capacity = 1 } },
            exceptions = new object[]
            {
                new { date = "2026-12-24", closed = true },
                new { date = "2026-12-17", closed = false, hours = new[] { new { from = "14:00", to = "15:00", slotMinutes = 30, mode = "video", location = (string?)null, capacity = 1 } } },
            },
        };
        await Scenario.EnsureAsync(await client.PutAsJsonAsync($"/api/v1/counsellors/{id}/hours", hours), HttpStatusCode.OK);

        await Scenario.EnsureAsync(await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots/publish", new { from = "2026-12-10", to = "2026-12-31" }), HttpStatusCode.OK);

        var starts = (await client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{id}/slots?from=2026-12-10&to=2026-12-31"))!
            .Select(s => s["start"]!.GetValue<string>()).ToList();
        Assert.Equal(
        [
            "2026-12-10T09:00:00+01:00", "2026-12-10T10:00:00+01:00",
            "2026-12-17T14:00:00+01:00", "2026-12-17T14:30:00+01:00",
            "2026-12-31T09:00:00+01:00", "2026-12-31T10:00:00+01:00",
        ], starts);
    }

    [Fact]
    public async Task AdHocSlot_OverlappingAnOpenSlot_Returns409()
    {
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(client);

        var clash = await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots",
            new { start = "2026-12-01T09:30", minutes = 30, mode = "phone", capacity = 1 });
        var free = await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots",
            new { start = "2026-12-01T14:00", minutes = 30, mode = "phone", capacity = 1 });

        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        await Scenario.EnsureAsync(free, HttpStatusCode.Created);
        Assert.Equal("2026-12-01T14:00:00+01:00", (await free.Content.ReadFromJsonAsync<JsonObject>())!["start"]!.GetValue<string>());
    }

    [Fact]
    public async Task Staff_BookOnBehalf_AgendaAndAttendance()
    {
        var (id, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 7, 30)); // 08:30: the 09:00 slot is inside residents' notice
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        client = (await api.CreateClientAsAsync(Roles.Staff)).Client; // yesterday's token has expired

        var resident = await api.CreateClient().PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId));
        var staff = await client.PostAsJsonAsync("/api/v1/agenda/bookings", Scenario.Booking(slotId, name: "Anrufende Testperson"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, resident.StatusCode);
        await Scenario.EnsureAsync(staff, HttpStatusCode.Created);
        var reference = (await staff.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>();

        var agenda = await client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/agenda?date=2026-12-01&counsellorId={id}");
        Assert.Equal(4, agenda!.Count);
        var entry = agenda[0]["bookings"]!.AsArray().Single()!;
        Assert.Equal("Anrufende Testperson", entry["name"]!.GetValue<string>());
        Assert.Equal("staff", entry["bookedBy"]!.GetValue<string>());

        var early = await client.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/attendance", new { outcome = "attended" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 8, 10));
        var attended = await client.PostAsJsonAsync($"/api/v1/agenda/bookings/{reference}/attendance", new { outcome = "attended" });
        await Scenario.EnsureAsync(attended, HttpStatusCode.OK);
        Assert.Equal("attended", (await attended.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
    }
}
