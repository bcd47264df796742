using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

public sealed class StatisticsTests : IDisposable
{
    private const string Period = "from=2026-11-01&to=2026-12-31";

    private readonly ApiFactory api = new();
    private readonly HttpClient admin;
    private readonly HttpClient dpo;

    public StatisticsTests()
    {
        admin = api.CreateClientAs(Roles.Admin);
        dpo = api.CreateClientAs(Roles.Dpo);
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Statistics_ThreeFamilyBookingsInDecember_ShownAsBelowFiveAndNoTotalRevealsThem()
    {
        await BookDecemberAsync(family: 3, education: 6);
        await OpenCaseAsync("family", "social-benefits");

        var response = await dpo.GetAsync($"/api/v1/statistics?{Period}");

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var byTopic = Table(body, "bookings-by-topic");
        Assert.Equal(["2026-11", "2026-12"], Strings(byTopic["columns"]));
        Assert.Equal(["0", "<5"], Strings(Row(byTopic, "family")["cells"]));
        Assert.Equal("–", Row(byTopic, "family")["total"]!.GetValue<string>());
        Assert.Equal(["0", "6"], Strings(Row(byTopic, "education")["cells"]));
        Assert.Equal("6", Row(byTopic, "education")["total"]!.GetValue<string>());
        Assert.Equal(["0", "–"], Strings(byTopic["columnTotals"]));
        Assert.Equal("–", byTopic["grandTotal"]!.GetValue<string>());

        // All nine bookings are in Turkish: that cell would give the December total away, so it is withheld too.
        var byLanguage = Table(body, "bookings-by-language");
        Assert.Equal(["0", "–"], Strings(Row(byLanguage, "tr")["cells"]));
        Assert.Equal(["0", "–"], Strings(byLanguage["columnTotals"]));
        var outcomes = Table(body, "booking-outcomes-by-topic");
        Assert.Equal(["<5", "0", "0", "0", "0"], Strings(Row(outcomes, "family")["cells"]));
        Assert.Equal("–", outcomes["grandTotal"]!.GetValue<string>());
        var published = body["tables"]!.AsArray().Take(3).SelectMany(Numbers).ToList();
        Assert.DoesNotContain("3", published);
        Assert.DoesNotContain("9", published);

        var opened = Table(body, "cases-opened-by-topic");
        Assert.Equal(["<5", "0"], Strings(Row(opened, "social-benefits")["cells"]));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'statistics.read' AND subject_type = 'statistics'"));
    }

    [Fact]
    public async Task StatisticsCsv_ForAdmin_IsACsvDownloadWithEveryCellAndTotal()
    {
        await BookDecemberAsync(family: 3, education: 6);

        var response = await admin.GetAsync($"/api/v1/statistics.csv?{Period}");

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("statistik-2026-11-01-2026-12-31.csv", response.Content.Headers.ContentDisposition?.FileNameStar
            ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n");
        Assert.Equal("table,row,column,value", lines[0]);
        Assert.Contains("bookings-by-topic,family,2026-12,<5", lines);
        Assert.Contains("bookings-by-topic,family,total,–", lines);
        Assert.Contains("bookings-by-topic,education,2026-12,6", lines);
        Assert.Contains("bookings-by-topic,total,2026-12,–", lines);
        Assert.Contains("bookings-by-topic,total,total,–", lines);
        Assert.Contains("referrals-by-partner,total,completed,0", lines);
        Assert.Equal("", lines[^1]);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'statistics.read'"));
    }

    [Fact]
    public async Task Statistics_OtherRoles_Forbidden_Anonymous_Unauthorized()
    {
        var staff = api.CreateClientAs(Roles.Staff);
        var counsellor = api.CreateClientAs(Roles.Counsellor);

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync($"/api/v1/statistics?{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await counsellor.GetAsync($"/api/v1/statistics.csv?{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync($"/api/v1/statistics?{Period}")).StatusCode);
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'statistics.read'"));
    }

    [Theory]
    [InlineData("from=2026-12-31&to=2026-12-01", "To")]
    [InlineData("from=2026-12-02&to=2026-12-31", "From")]
    [InlineData("from=2026-12-01&to=2026-12-30", "To")]
    [InlineData("from=2026-12-01&to=2027-12-31", "To")]
    [InlineData("from=2026-12-01", "To")]
    [InlineData("from=01.12.2026&to=2026-12-31", "From")]
    public async Task Statistics_BadDates_Return400NamingTheField(string query, string field)
    {
        var response = await dpo.GetAsync($"/api/v1/statistics?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Scenario.ProblemAsync(response);
        Assert.NotNull(problem["errors"]![field]);
    }

    private async Task BookDecemberAsync(int family, int education)
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(admin, capacity: 10);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        var resident = api.CreateClient();
        foreach (var topic in Enumerable.Repeat("family", family).Concat(Enumerable.Repeat("education", education)))
        {
            await Scenario.EnsureAsync(await resident.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId, topic: topic)), HttpStatusCode.Created);
        }
    }

    private async Task OpenCaseAsync(params string[] topics)
    {
        var (counsellor, userId, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberaterin Statistik", languages = new[] { "de" }, topics = new[] { "family" }, userId }), HttpStatusCode.Created);
        await Scenario.EnsureAsync(await counsellor.PostAsJsonAsync("/api/v1/cases",
            new { client = new { name = "Erfundene Statistikperson" }, topics }), HttpStatusCode.Created);
    }

    private static JsonObject Table(JsonObject body, string name) =>
        body["tables"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == name)!.AsObject();

    private static JsonObject Row(JsonObject table, string label) =>
        table["rows"]!.AsArray().Single(r => r!["label"]!.GetValue<string>() == label)!.AsObject();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    private static IEnumerable<string> Numbers(JsonNode? table) =>
        table!["rows"]!.AsArray().SelectMany(r => Strings(r!["cells"]).Append(r!["total"]!.GetValue<string>()))
            .Concat(Strings(table["columnTotals"])).Append(table["grandTotal"]!.GetValue<string>());
}
