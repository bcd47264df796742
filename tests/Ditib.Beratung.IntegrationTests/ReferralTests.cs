using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

public sealed class ReferralTests : IDisposable
{
    private const string NoteText = "Interne Notiz QWERTZ-NOTIZTEXT zum Verlauf.";
    private static readonly Guid Caritas = Guid.Parse("01a21000-0000-7000-8000-000000000004");
    private static readonly Guid JewishCommunity = Guid.Parse("01a21000-0000-7000-8000-000000000012");

    private readonly ApiFactory api = new();
    private readonly HttpClient admin;
    private readonly HttpClient staff;
    private readonly HttpClient counsellor;
    private readonly HttpClient otherCounsellor;
    private readonly Guid caseId;

    public ReferralTests()
    {
        admin = api.CreateClientAs(Roles.Admin);
        staff = api.CreateClientAs(Roles.Staff);
        counsellor = LinkedCounsellor("Testberaterin Referral");
        otherCounsellor = LinkedCounsellor("Testberater Fremd");
        var opened = counsellor.PostAsJsonAsync("/api/v1/cases", new
        {
            client = new { name = "Zeliha Quxtestfrau", phone = "+49 203 5550142", email = "zeliha.qux@example.invalid", address = "Probeweg 3, 47169 Duisburg" },
            topics = new[] { "family", "social-benefits" },
        }).GetAwaiter().GetResult();
        opened.EnsureSuccessStatusCode();
        caseId = opened.Content.ReadFromJsonAsync<JsonObject>().GetAwaiter().GetResult()!["id"]!.GetValue<Guid>();
        counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/notes", new { text = NoteText }).GetAwaiter().GetResult().EnsureSuccessStatusCode();
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task Partners_BySeededTopic_OnlyThoseTakingReferrals()
    {
        var violence = await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/partners?topic=violence-protection");
        var all = await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/partners");
        var suggestions = await counsellor.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{caseId}/partner-suggestions");

        Assert.Equal(["Frauennetzwerk Du-Nord", "Runder Tisch Gewaltschutzgesetz"], violence!.Select(p => p["name"]!.GetValue<string>()));
        Assert.Equal(22, all!.Count);
        Assert.Equal("Caritas Duisburg", suggestions![0]["name"]!.GetValue<string>());
        Assert.All(suggestions, p => Assert.True(p["takesReferrals"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Admin_AddsChangesAndRetiresPartners_OthersMayNot()
    {
        var body = new { name = "Testverein Beispielhilfe e.V.", kind = "association", topics = new[] { "family" }, email = "kontakt@example.invalid" };
        var byStaff = await staff.PostAsJsonAsync("/api/v1/partners", body);
        var created = await admin.PostAsJsonAsync("/api/v1/partners", body);
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var retired = await admin.PutAsJsonAsync($"/api/v1/partners/{id}", new { name = "Testverein Beispielhilfe e.V.", kind = "association", topics = new[] { "family" }, retired = true });

        Assert.Equal(HttpStatusCode.Forbidden, byStaff.StatusCode);
        await Scenario.EnsureAsync(retired, HttpStatusCode.OK);
        Assert.DoesNotContain((await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/partners"))!, p => p["id"]!.GetValue<Guid>() == id);
    }

    [Fact]
    public async Task FullPath_DraftSentAcceptedCompleted_WithFollowUpsForStaff()
    {
        var id = await CreateAsync(["contact", "topics"], followUpOn: "2026-12-01");

        var sentByStaff = await staff.PostAsync($"/api/v1/referrals/{id}/send", null);
        await Step(counsellor, id, "send", null, "sent");
        var acceptByCounsellor = await counsellor.PostAsync($"/api/v1/referrals/{id}/accept", null);
        var today = await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/referrals?due=week");
        await Step(staff, id, "accept", null, "accepted");
        var completeWithout = await staff.PostAsync($"/api/v1/referrals/{id}/complete", null);
        await Step(staff, id, "complete", new { outcome = "Antrag gestellt, Beratung abgeschlossen" }, "completed");
        var afterDone = await staff.GetFromJsonAsync<List<JsonObject>>("/api/v1/referrals?due=week");

        Assert.Equal(HttpStatusCode.Forbidden, sentByStaff.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, acceptByCounsellor.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, completeWithout.StatusCode);
        var item = Assert.Single(today!);
        Assert.Equal("F-2026-0001", item["caseCode"]!.GetValue<string>());
        Assert.Equal("Caritas Duisburg", item["partner"]!.GetValue<string>());
        Assert.DoesNotContain("Zeliha", item.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(afterDone!);
        foreach (var action in new[] { "referral.create", "referral.send", "referral.accept", "referral.complete" })
        {
            Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = '{action}' AND (subject_id = '{id}' OR action = 'referral.create')"));
        }
    }

    [Fact]
    public async Task RefusedStep_Returns409NamingTheState_AndChangesNothing()
    {
        var id = await CreateAsync(["topics"]);
        await Step(counsellor, id, "withdraw", null, "withdrawn");

        var send = await counsellor.PostAsync($"/api/v1/referrals/{id}/send", null);

        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        Assert.Contains("'withdrawn'", (await Scenario.ProblemAsync(send))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM referral WHERE id = '{id}' AND status = 'withdrawn'"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'referral.send' AND subject_id = '{id}'"));
    }

    [Theory]
    [InlineData("""{"partnerId":"@p","purpose":"Test","sharedCategories":["topics"],"followUpOn":"2026-12-10"}""", "consent")]
    [InlineData("""{"partnerId":"@p","purpose":"Test","sharedCategories":["topics"],"followUpOn":"2026-12-10","consent":{"method":"verbal","givenAt":"2026-11-30"}}""", "consent.witness")]
    [InlineData("""{"partnerId":"@p","purpose":"Test","sharedCategories":["topics"],"followUpOn":"2026-12-10","legalBasis":{"basis":"acute-danger"}}""", "legalBasis.reason")]
    [InlineData("""{"partnerId":"@p","purpose":"Test","sharedCategories":["topics"],"followUpOn":"2026-12-10","consent":{"method":"written","givenAt":"2026-11-30"},"legalBasis":{"basis":"acute-danger","reason":"x"}}""", "consent")]
    public async Task Referral_WithoutValidGrounds_Returns422(string template, string field)
    {
        var response = await counsellor.PostAsync($"/api/v1/cases/{caseId}/referrals",
            new StringContent(template.Replace("@p", Caritas.ToString(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey(field));
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM referral"));
    }

    [Fact]
    public async Task Referral_ToAPartnerThatTakesNoReferrals_Returns422()
    {
        var response = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", Body(JewishCommunity, ["topics"], "2026-12-10"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task CounsellorNotOnTheCase_CannotRefer_AndStaffCannotReadNotes()
    {
        var refer = await otherCounsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", Body(Caritas, ["topics"], "2026-12-10"));
        var notes = await staff.GetAsync($"/api/v1/cases/{caseId}/notes");

        Assert.Equal(HttpStatusCode.NotFound, refer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notes.StatusCode);
    }

    [Fact]
    public async Task Letter_HoldsOnlyTheConsentedCategories_AndNeverANote()
    {
        string[][] data =
        [
            ["contact", "Zeliha Quxtestfrau", "+49 203 5550142", "zeliha.qux@example.invalid", "Probeweg 3"],
            ["topics", "Familie und Kinder", "Sozialleistungen"],
            ["summary", "Zusammenfassung XYZZY-Test"],
            ["languageNeeds", "Kurdisch (Kurmancî), Dolmetschung nötig"],
        ];
        for (var subset = 0; subset < 16; subset++)
        {
            var categories = data.Where((_, i) => (subset & (1 << i)) != 0).Select(d => d[0]).ToArray();
            var id = await CreateAsync(categories);

            var response = await staff.GetAsync($"/api/v1/referrals/{id}/letter");

            await Scenario.EnsureAsync(response, HttpStatusCode.OK);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            var letter = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("F-2026-0001", letter, StringComparison.Ordinal);
            Assert.DoesNotContain("QWERTZ-NOTIZTEXT", letter, StringComparison.Ordinal);
            foreach (var category in data)
            {
                foreach (var value in category.Skip(1))
                {
                    Assert.True(categories.Contains(category[0]) == letter.Contains(value, StringComparison.Ordinal),
                        $"subset {string.Join('+', categories)}: '{value}' should {(categories.Contains(category[0]) ? "" : "not ")}be in the letter");
                }
            }
        }
    }

    [Theory]
    [InlineData("2026-12-01T10:00", "vom 01.12.2026")]
    [InlineData("2026-11-28", "vom 28.11.2026")]
    [InlineData("2026-11-30T00:30", "vom 30.11.2026")]
    public async Task Letter_StatesTheDayConsentWasGiven(string givenAt, string expected)
    {
        var body = new
        {
            partnerId = Caritas,
            purpose = "Unterstützung beim Antrag auf Kinderzuschlag",
            sharedCategories = new[] { "topics" },
            followUpOn = "2026-12-10",
            consent = new { method = "written", givenAt },
        };
        var created = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", body);
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var letter = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync($"/api/v1/referrals/{id}/letter"));

        Assert.Contains($"Schriftliche Einwilligung der Klientin / des Klienten {expected}.", letter, StringComparison.Ordinal);
    }

    private static object Body(Guid partnerId, string[] categories, string followUpOn) => new
    {
        partnerId,
        purpose = "Unterstützung beim Antrag auf Kinderzuschlag",
        sharedCategories = categories,
        summary = "Zusammenfassung XYZZY-Test",
        languageNeeds = "Kurdisch (Kurmancî), Dolmetschung nötig",
        followUpOn,
        consent = new { method = "written", givenAt = "2026-11-30T09:15" },
    };

    private async Task<Guid> CreateAsync(string[] categories, string followUpOn = "2026-12-10")
    {
        var response = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", Body(Caritas, categories, followUpOn));
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("draft", body["status"]!.GetValue<string>());
        return body["id"]!.GetValue<Guid>();
    }

    private static async Task Step(HttpClient client, Guid id, string verb, object? body, string expected)
    {
        var response = body is null ? await client.PostAsync($"/api/v1/referrals/{id}/{verb}", null) : await client.PostAsJsonAsync($"/api/v1/referrals/{id}/{verb}", body);
        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal(expected, (await response.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>());
    }

    private HttpClient LinkedCounsellor(string displayName)
    {
        var (client, userId, _) = api.CreateClientAsAsync(Roles.Counsellor).GetAwaiter().GetResult();
        admin.PostAsJsonAsync("/api/v1/counsellors", new { displayName, languages = new[] { "de" }, topics = new[] { "family" }, userId })
            .GetAwaiter().GetResult().EnsureSuccessStatusCode();
        return client;
    }
}
