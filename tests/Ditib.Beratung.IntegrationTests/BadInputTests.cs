using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Every kind of bad input gets its own problem-details answer naming the field, and nothing is stored.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient client;

    public BadInputTests() => client = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData("topic=astrology&from=2026-12-01&to=2026-12-02", "topic")]
    [InlineData("topic=fam%00ily&from=2026-12-01&to=2026-12-02", "topic")]
    [InlineData("from=2026-12-01&to=2026-12-02&language=tr%00", "language")]
    [InlineData("language=xx&from=2026-12-01&to=2026-12-02", "language")]
    [InlineData("from=2026-12-10&to=2026-12-01", "to")]
    [InlineData("from=2026-12-01&to=2027-02-01", "to")]
    [InlineData("from=01.12.2026&to=2026-12-02", "from")]
    [InlineData("from=2026-12-01", "to")]
    [InlineData("mode=teleport&from=2026-12-01&to=2026-12-02", "mode")]
    [InlineData("from=2026-12-01&to=2026-12-02&limit=0", "limit")]
    [InlineData("from=2026-12-01&to=2026-12-02&limit=201", "limit")]
    [InlineData("from=2026-12-01&to=2026-12-02&limit=many", "limit")]
    [InlineData("from=2026-12-01&to=2026-12-02&after=nonsense", "after")]
    [InlineData("from=2026-12-01&to=2026-12-02&after=99999999999999999999-0123456789abcdef0123456789abcdef", "after")]
    public async Task SlotSearch_WithBadQuery_Returns400NamingTheField(string query, string field)
    {
        var response = await client.GetAsync($"/api/v1/slots?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task UnknownCode_Returns400_EchoingAtMost100CharactersOfIt()
    {
        var response = await client.GetAsync($"/api/v1/slots?topic={new string('x', 5000)}&from=2026-12-01&to=2026-12-02");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await Scenario.ProblemAsync(response))["errors"]!["topic"]![0]!.GetValue<string>();
        Assert.Contains(new string('x', 100) + "…", message, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 101), message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlotSearch_With62Days_IsAccepted()
    {
        var response = await client.GetAsync("/api/v1/slots?from=2026-12-01&to=2027-01-31");

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
    }

    public static TheoryData<string, string> InvalidBookings => new()
    {
        { """{"name":"Testperson","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "slotId" },
        { """{"slotId":"@slot","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "name" },
        { """{"slotId":"@slot","name":"Testperson","language":"tr","topic":"family"}""", "consent" },
        { """{"slotId":"@slot","name":"Testperson","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":false}}""", "consent.accepted" },
        { """{"slotId":"@slot","name":"Testperson","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2019-01","accepted":true}}""", "consent.privacyNoticeVersion" },
        { """{"slotId":"@slot","name":"Testperson","email":"not-an-address","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "email" },
        { """{"slotId":"@slot","name":"Testperson","phone":"call me maybe","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "phone" },
        { """{"slotId":"@slot","name":"@long","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "name" },
        { """{"slotId":"@slot","name":"Testperson","language":"tr","topic":"family","concern":"@verylong","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "concern" },
        { """{"slotId":"@slot","name":"Testperson","language":"klingon","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "language" },
        { """{"slotId":"@slot","name":"Testperson","language":"tr","topic":"astrology","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "topic" },
        { """{"slotId":"not-a-guid","name":"Testperson","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "slotId" },
        { """{"slotId":"@slot","name":"Testperson","interpreterNeeded":"maybe","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "interpreterNeeded" },
        { """{"slotId":"@slot","name":"Kundin,\n\nIhr Konto wird gesperrt! Daten bestätigen: http://example.invalid","email":"fremd@example.invalid","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "name" },
        { """{"slotId":"@slot","name":"Erfundene\u2028Person","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "name" },
        { """{"slotId":"@slot","name":"Testperson" """, "body" },
        { """{"slotId":"@slot","name":"Erfundene\u0000Person","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "name" },
        { """{"slotId":"@slot","name":"Testperson","concern":"\u0000","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11","accepted":true}}""", "concern" },
        { """{"slotId":"@slot","name":"Testperson","language":"tr","topic":"family","consent":{"privacyNoticeVersion":"2026-11\u0000","accepted":true}}""", "consent.privacyNoticeVersion" },
    };

    [Theory]
    [MemberData(nameof(InvalidBookings))]
    public async Task Book_WithInvalidBody_Returns400NamingTheFieldAndStoresNothing(string template, string field)
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var json = template.Replace("@slot", slots[0]["id"]!.GetValue<string>(), StringComparison.Ordinal)
            .Replace("@verylong", new string('x', 1001), StringComparison.Ordinal)
            .Replace("@long", new string('x', 101), StringComparison.Ordinal);

        var response = await client.PostAsync("/api/v1/bookings", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, problem.ToJsonString());
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    /// <summary>
    /// U+0000 (JSON "\u0000") in any text of a body, nested and in arrays too, is refused naming the field on both
    /// providers (PostgreSQL's text cannot hold it), and nothing is stored.
    /// </summary>
    [Theory]
    [InlineData("POST", "/api/v1/counsellors", """{"displayName":"Erfundene\u0000Beraterin","languages":["de"],"topics":["family"]}""", "displayName", "counsellor")]
    [InlineData("POST", "/api/v1/counsellors", """{"displayName":"Erfundene Beraterin","languages":["de","t\u0000r"],"topics":["family"]}""", "languages[1]", "counsellor")]
    [InlineData("POST", "/api/v1/partners", """{"name":"Erfundener\u0000Verein","kind":"association","topics":["family"]}""", "name", "partner")]
    [InlineData("POST", "/api/v1/users", """{"username":"erfunden\u0000","password":"Erfunden-Passwort-2026","roles":["staff"]}""", "username", "app_user")]
    [InlineData("PUT", "/api/v1/counsellors/@counsellor/hours",
        """{"weekly":[{"weekday":"monday","from":"09:00","to":"12:00","slotMinutes":45,"mode":"in-person","location":"Raum\u00002","capacity":1}]}""",
        "weekly[0].location", "consultation_window")]
    [InlineData("POST", "/api/v1/auth/token", """{"username":"erfunden\u0000","password":"Erfunden-Passwort-2026"}""", "username", "audit_entry")]
    public async Task Body_WithNulInAText_Returns400NamingTheFieldAndStoresNothing(string method, string path, string json, string field, string table)
    {
        var (counsellor, _) = await Scenario.CounsellorWithSlotsAsync(client);
        var before = Scenario.Count(api, $"SELECT COUNT(*) FROM {table}");
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("@counsellor", counsellor.ToString(), StringComparison.Ordinal))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };

        var response = await client.SendAsync(request);

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, Scenario.Count(api, $"SELECT COUNT(*) FROM {table}"));
    }

    [Theory]
    [InlineData("""{"client":{"name":"Erfundene\u0000Fallperson"},"topics":["family"]}""", "client.name")]
    [InlineData("""{"client":{"name":"Erfundene Fallperson","relatedPersons":[{"relation":"child","name":"Erfundenes\u0000Kind"}]},"topics":["family"]}""",
        "client.relatedPersons[0].name")]
    [InlineData("""{"bookingReference":"K7QM\u00003XPA"}""", "bookingReference")]
    public async Task OpenCase_WithNulInAText_Returns400NamingTheFieldAndStoresNothing(string json, string field)
    {
        var (counsellor, _, _) = await api.CreateClientAsAsync(Roles.Counsellor);

        var response = await counsellor.PostAsync("/api/v1/cases", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM case_file"));
    }

    [Fact]
    public async Task Book_SlotInThePast_Returns422()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 9, 0));

        var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[0]["id"]!.GetValue<Guid>()));

        await AssertProblem(response, HttpStatusCode.UnprocessableEntity, "slotId");
    }

    [Fact]
    public async Task Book_SlotInsideTheMinimumNotice_Returns422()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        api.Clock.Reset(Instant.FromUtc(2026, 12, 1, 7, 1)); // 08:01 local, the slot starts at 09:00

        var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[0]["id"]!.GetValue<Guid>()));

        await AssertProblem(response, HttpStatusCode.UnprocessableEntity, "slotId");
    }

    [Fact]
    public async Task Book_FullSlot_Returns409()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        await Scenario.BookAsync(client, slotId);

        var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await Scenario.ProblemAsync(response);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task Book_CancelledSlot_Returns409()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        await Scenario.EnsureAsync(await client.PostAsJsonAsync($"/api/v1/slots/{slotId}/cancel", new { reason = "Raum belegt" }), HttpStatusCode.OK);

        var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        await Scenario.ProblemAsync(response);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking"));
    }

    [Fact]
    public async Task Book_UnknownSlot_Returns404()
    {
        var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(Guid.CreateVersion7()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Scenario.ProblemAsync(response);
    }

    [Fact]
    public async Task Book_TopicTheCounsellorDoesNotAdviseOn_Returns422()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);

        var response = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[0]["id"]!.GetValue<Guid>(), topic: "dementia"));

        await AssertProblem(response, HttpStatusCode.UnprocessableEntity, "topic");
    }

    [Fact]
    public async Task Book_TooLargeBody_IsRefused()
    {
        var response = await client.PostAsync("/api/v1/bookings",
            new StringContent($$"""{"name":"{{new string('x', 200_000)}}"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await Scenario.ProblemAsync(response);
    }

    [Theory]
    [InlineData("""{"weekly":[{"weekday":"funday","from":"09:00","to":"12:00","slotMinutes":45,"mode":"in-person","capacity":1}]}""", "weekly[0].weekday")]
    [InlineData("""{"weekly":[{"weekday":"monday","from":"9 Uhr","to":"12:00","slotMinutes":45,"mode":"in-person","capacity":1}]}""", "weekly[0].from")]
    [InlineData("""{"weekly":[{"weekday":"monday","from":"09:00","to":"12:00","slotMinutes":2,"mode":"in-person","capacity":1}]}""", "weekly[0].slotMinutes")]
    [InlineData("""{"weekly":[{"weekday":"monday","from":"09:00","to":"12:00","slotMinutes":45,"mode":"in-person","capacity":0}]}""", "weekly[0].capacity")]
    [InlineData("""{"weekly":[],"exceptions":[{"date":"2026-02-30","closed":true}]}""", "exceptions[0].date")]
    public async Task Hours_WithBadEntry_Returns400NamingTheField(string json, string field)
    {
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(client);

        var response = await client.PutAsync($"/api/v1/counsellors/{id}/hours", new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertProblem(response, HttpStatusCode.BadRequest, field);
    }

    [Fact]
    public async Task Hours_Overlapping_Returns422AndKeepsTheOldHours()
    {
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(client);
        const string json = """
            {"weekly":[{"weekday":"monday","from":"09:00","to":"12:00","slotMinutes":45,"mode":"in-person","capacity":1},
                       {"weekday":"monday","from":"11:00","to":"13:00","slotMinutes":30,"mode":"phone","capacity":1}]}
            """;

        var response = await client.PutAsync($"/api/v1/counsellors/{id}/hours", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await Scenario.ProblemAsync(response);
        var hours = await client.GetFromJsonAsync<JsonObject>($"/api/v1/counsellors/{id}/hours");
        Assert.Equal(5, hours!["weekly"]!.AsArray().Count);
    }

    [Fact]
    public async Task Counsellor_WithUnknownLanguageAndNoTopics_Returns400()
    {
        var response = await client.PostAsJsonAsync("/api/v1/counsellors", new { displayName = "Test", languages = new[] { "xx" }, topics = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Scenario.ProblemAsync(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("languages[0]"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("topics"), errors.ToJsonString());
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM counsellor"));
    }

    [Fact]
    public async Task UnknownCounsellor_Returns404()
    {
        var response = await client.GetAsync($"/api/v1/counsellors/{Guid.CreateVersion7()}/hours");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await Scenario.ProblemAsync(response);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, problem.ToJsonString());
    }
}
