using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Inputs and sequences that a review and a hostile test run found; each must stay a clear 4xx.</summary>
public sealed class HardeningTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient client;

    public HardeningTests() => client = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData("POST", "/api/v1/counsellors", "{}", "languages")]
    [InlineData("POST", "/api/v1/counsellors", """{"displayName":"x","topics":["family"]}""", "languages")]
    [InlineData("POST", "/api/v1/counsellors", """{"displayName":"\u200B","languages":["de"],"topics":["family"]}""", "displayName")]
    [InlineData("PUT", "/api/v1/counsellors/{id}", """{"displayName":"x","active":true}""", "languages")]
    [InlineData("PUT", "/api/v1/counsellors/{id}/hours", "{}", "weekly")]
    [InlineData("PUT", "/api/v1/counsellors/{id}/hours", """{"weekly":[null]}""", "weekly[0]")]
    [InlineData("PUT", "/api/v1/counsellors/{id}/hours", """{"weekly":[],"exceptions":[null]}""", "exceptions[0]")]
    [InlineData("PUT", "/api/v1/counsellors/{id}/hours", """{"weekly":[],"exceptions":[{"date":"2026-12-24","closed":false,"hours":[null]}]}""", "exceptions[0].hours[0]")]
    [InlineData("PUT", "/api/v1/counsellors/{id}/hours", """{"weekly":[{"weekday":"monday,tuesday","from":"09:00","to":"10:00","slotMinutes":30,"mode":"phone","capacity":1}]}""", "weekly[0].weekday")]
    [InlineData("PUT", "/api/v1/counsellors/{id}/hours", """{"weekly":[{"weekday":"monday","from":"09:00","to":"24:00","slotMinutes":30,"mode":"phone","capacity":1}]}""", "weekly[0].to")]
    [InlineData("POST", "/api/v1/counsellors/{id}/slots/publish", """{"from":"9999-12-01","to":"9999-12-31"}""", "from")]
    [InlineData("POST", "/api/v1/counsellors/{id}/slots", """{"start":"2027-03-05T24:00","minutes":30,"mode":"phone","capacity":1}""", "start")]
    [InlineData("POST", "/api/v1/counsellors/{id}/slots", """{"start":"9999-12-31T22:00","minutes":60,"mode":"phone","capacity":1}""", "start")]
    [InlineData("GET", "/api/v1/slots?from=9999-12-30&to=9999-12-31", null, "from")]
    [InlineData("GET", "/api/v1/slots?from=1999-12-30&to=1999-12-31", null, "from")]
    [InlineData("GET", "/api/v1/slots?from=2027-01-01%00&to=2027-01-02", null, "from")]
    [InlineData("GET", "/api/v1/agenda?date=9999-12-31", null, "date")]
    [InlineData("GET", "/api/v1/counsellors/{id}/slots?from=9999-12-31&to=9999-12-31", null, "from")]
    public async Task BadInput_Returns400NamingTheField(string method, string url, string? json, string field)
    {
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(client);
        var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{id}", id.ToString(), StringComparison.Ordinal));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.True(problem["errors"]?.AsObject().ContainsKey(field) == true, problem.ToJsonString());
    }

    [Fact]
    public async Task AnOddAcceptHeader_StillGetsAProblemDetailsBody()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = new StringContent("{\"slotId\": 5", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Accept", "text/x-nothing-we-make");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey("slotId"));
    }

    [Fact]
    public async Task Book_InALanguageTheCounsellorDoesNotSpeak_NeedsAnInterpreter()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity: 2);
        var slotId = slots[0]["id"]!.GetValue<Guid>();

        var without = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId, language: "fr"));
        var with = await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId, language: "fr", interpreterNeeded: true));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, without.StatusCode);
        Assert.True((await Scenario.ProblemAsync(without))["errors"]!.AsObject().ContainsKey("language"));
        await Scenario.EnsureAsync(with, HttpStatusCode.Created);
    }

    [Fact]
    public async Task AdHocSlot_AcrossMidnight_EndsTheNextDay()
    {
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(client);

        var response = await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots",
            new { start = "2026-12-05T23:30", minutes = 60, mode = "phone", capacity = 1 });

        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var slot = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("2026-12-06T00:30:00+01:00", slot["end"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reference_TypedInLowerCase_StillFindsTheBooking()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        var typed = $" {booked["reference"]!.GetValue<string>().ToLowerInvariant()} ";

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{Uri.EscapeDataString(typed)}",
            booked["manageToken"]!.GetValue<string>()));

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Cancel_WithoutABody_IsAccepted()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());

        var response = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{booked["reference"]}/cancel",
            booked["manageToken"]!.GetValue<string>()));

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Publish_TooManySlotsAtOnce_Returns422AndCreatesNone()
    {
        var (id, _) = await Scenario.CounsellorWithSlotsAsync(client);
        var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(d => new { weekday = d, from = "00:00", to = "23:55", slotMinutes = 5, mode = "phone", location = (string?)null, capacity = 1 });
        await Scenario.EnsureAsync(await client.PutAsJsonAsync($"/api/v1/counsellors/{id}/hours", new { weekly }), HttpStatusCode.OK);

        var response = await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots/publish", new { from = "2027-01-01", to = "2027-03-31" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        await Scenario.ProblemAsync(response);
        Assert.Equal(40, Scenario.Count(api, "SELECT COUNT(*) FROM slot"));
    }

    [Fact]
    public async Task Database_RefusesLoweringCapacityBelowTakenPlaces_AndReopeningAnOverlappingSlot()
    {
        var (counsellorId, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity: 2);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        await Scenario.BookAsync(client, slotId);
        await Scenario.BookAsync(client, slotId);
        await Scenario.EnsureAsync(await client.PostAsJsonAsync($"/api/v1/slots/{slots[1]["id"]}/cancel", new { reason = "Test" }), HttpStatusCode.OK);
        await Scenario.EnsureAsync(await client.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots",
            new { start = "2026-12-01T09:50", minutes = 30, mode = "phone", capacity = 1 }), HttpStatusCode.Created);

        using var connection = api.OpenDatabase();
        var capacity = Assert.ThrowsAny<DbException>(() => Execute(connection, $"UPDATE slot SET capacity = 1 WHERE id = '{slotId}'"));
        var reopen = Assert.ThrowsAny<DbException>(() => Execute(connection, $"UPDATE slot SET status = 'open' WHERE id = '{slots[1]["id"]}'"));

        Assert.Contains("slot_full", capacity.Message, StringComparison.Ordinal);
        Assert.Contains("slot_overlap", reopen.Message, StringComparison.Ordinal);
    }

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
