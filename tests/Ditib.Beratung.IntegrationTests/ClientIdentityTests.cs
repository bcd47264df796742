using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Changing the client's identity (related persons) and what the scrubber then knows. Every person is invented.</summary>
public sealed class ClientIdentityTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient desk;
    private readonly (HttpClient Client, Guid CounsellorId) a;
    private readonly (HttpClient Client, Guid CounsellorId) b;

    public ClientIdentityTests()
    {
        desk = api.CreateClientAs(Roles.Admin, Roles.Staff);
        a = CounsellorAsync("Testberaterin Anna Erfunden").GetAwaiter().GetResult();
        b = CounsellorAsync("Testberater Bert Erfunden").GetAwaiter().GetResult();
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task UpdateClient_RecordsRelatedPersons_AndNotesAreScrubbedOfThem()
    {
        var id = await OpenAsync();

        var update = await a.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client", Client(
            new { relation = "spouse", name = "Mehmet Yıldırım" }, new { relation = "child", name = "Elif Testkind", dateOfBirth = "2015-02-01" }));
        await Scenario.EnsureAsync(update, HttpStatusCode.OK);
        var note = await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/notes", new
        {
            text = "Aise Yilmaz rief an: ihr Mann Mehmet ist krank, Elifs Schule (Kind geb. 01.02.2015) meldet sich. " +
                "Wohnt Weseler Str. 112, 47169 Duisburg. Antrag vom 01.12.2026 eingereicht.",
        });
        await Scenario.EnsureAsync(note, HttpStatusCode.Created);
        var created = (await note.Content.ReadFromJsonAsync<JsonObject>())!;
        var revealed = await a.Client.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{id}/client");

        Assert.Equal(
            "[NAME] [NAME] rief an: ihr Mann [NAME] ist krank, [NAME]s Schule (Kind geb. [DATUM]) meldet sich. " +
            "Wohnt [ADRESSE]. Antrag vom 01.12.2026 eingereicht.",
            created["text"]!.GetValue<string>());
        Assert.Equal(["address:1", "date:1", "name:4"], created["redactions"]!.AsArray().Select(r => $"{r!["kind"]}:{r["count"]}"));
        Assert.Equal(["Mehmet Yıldırım", "Elif Testkind"], revealed!["relatedPersons"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM audit_entry WHERE action = 'client.update' AND subject_id = '{id}'"));
    }

    [Fact]
    public async Task UpdateClient_ByAColleagueItIsSharedWith_IsAllowed_ByAnyoneElse404()
    {
        var id = await OpenAsync();
        var before = await b.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client", Client());
        await Scenario.EnsureAsync(await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/share", new { counsellorId = b.CounsellorId }), HttpStatusCode.OK);

        var shared = await b.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client", Client(new { relation = "parent", name = "Fatma Testmutter" }));
        var staff = await desk.PutAsJsonAsync($"/api/v1/cases/{id}/client", Client());

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        await Scenario.EnsureAsync(shared, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, staff.StatusCode);
    }

    [Fact]
    public async Task UpdateClient_WithBadRelatedPersons_Returns400NamingTheField_AndKeepsTheIdentity()
    {
        var id = await OpenAsync();

        var badRelation = await a.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client", Client(new { relation = "cousin", name = "X Test" }));
        var noName = await a.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client", Client(new { relation = "child", name = " " }));
        var futureBirth = await a.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client",
            Client(new { relation = "child", name = "Kind Test", dateOfBirth = "2099-01-01" }));
        var noClientName = await a.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client", new { phone = "0203 5550100" });
        var revealed = await a.Client.GetFromJsonAsync<JsonObject>($"/api/v1/cases/{id}/client");

        Assert.True((await Scenario.ProblemAsync(badRelation))["errors"]!.AsObject().ContainsKey("relatedPersons[0].relation"));
        Assert.True((await Scenario.ProblemAsync(noName))["errors"]!.AsObject().ContainsKey("relatedPersons[0].name"));
        Assert.True((await Scenario.ProblemAsync(futureBirth))["errors"]!.AsObject().ContainsKey("relatedPersons[0].dateOfBirth"));
        Assert.True((await Scenario.ProblemAsync(noClientName))["errors"]!.AsObject().ContainsKey("name"));
        Assert.Equal("Ayşe Yılmaz-Testfall", revealed!["name"]!.GetValue<string>());
        Assert.Empty(revealed["relatedPersons"]!.AsArray());
    }

    [Fact]
    public async Task UpdateClient_OnAClosedCase_Returns409()
    {
        var id = await OpenAsync();
        await Scenario.EnsureAsync(await a.Client.PostAsync($"/api/v1/cases/{id}/close", null), HttpStatusCode.OK);

        var response = await a.Client.PutAsJsonAsync($"/api/v1/cases/{id}/client", Client());

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task OpenCase_WithRelatedPersons_ScrubsTheReferralSummaryOfThem()
    {
        var response = await a.Client.PostAsJsonAsync("/api/v1/cases", new
        {
            client = Client(new { relation = "spouse", name = "Mehmet Yıldırım" }),
            topics = new[] { "family" },
        });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var partner = (await a.Client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{id}/partner-suggestions"))![0]["id"]!.GetValue<Guid>();

        var referral = await a.Client.PostAsJsonAsync($"/api/v1/cases/{id}/referrals", new
        {
            partnerId = partner, purpose = "Beratung", sharedCategories = new[] { "summary" }, followUpOn = "2026-12-10",
            summary = "Herr Yıldırıms Arbeitgeber kündigte; Frau Yılmaz, Steuer-ID 86095742719, braucht Hilfe.",
            consent = new { method = "written", givenAt = "2026-12-01T10:00" },
        });
        await Scenario.EnsureAsync(referral, HttpStatusCode.Created);
        var created = (await referral.Content.ReadFromJsonAsync<JsonObject>())!;
        var letter = WebUtility.HtmlDecode(await a.Client.GetStringAsync($"/api/v1/referrals/{created["id"]}/letter"));

        Assert.Equal(["tax-id:1", "name:2"], created["summaryRedactions"]!.AsArray().Select(r => $"{r!["kind"]}:{r["count"]}"));
        Assert.Contains("Herr [NAME]s Arbeitgeber kündigte; Frau [NAME], Steuer-ID [STEUER-ID], braucht Hilfe.", letter, StringComparison.Ordinal);
        Assert.DoesNotContain("Yıldırım", letter, StringComparison.Ordinal);
    }

    private static object Client(params object[] relatedPersons) => new
    {
        name = "Ayşe Yılmaz-Testfall", phone = "+49 203 5550100", dateOfBirth = "1985-03-12", address = "Weseler Straße 112, 47169 Duisburg",
        relatedPersons,
    };

    private async Task<Guid> OpenAsync()
    {
        var response = await a.Client.PostAsJsonAsync("/api/v1/cases", new { client = Client(), topics = new[] { "family" } });
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private async Task<(HttpClient, Guid)> CounsellorAsync(string displayName)
    {
        var (client, userId, _) = await api.CreateClientAsAsync(Roles.Counsellor);
        var created = await desk.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName, languages = new[] { "de", "tr" }, topics = new[] { "family" }, userId });
        await Scenario.EnsureAsync(created, HttpStatusCode.Created);
        return (client, (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
    }
}
