using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Ditib.Beratung.BrowserTests.Support;
using Ditib.Beratung.Tests.Shared;
using Xunit.Abstractions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// axe-core on every staff page each role may open, from the same table as the role × page test
/// (<see cref="StaffPageTable"/>): signed in as that role, with a real case and referral for the counsellor's pages.
/// No serious or critical finding, and no sideways scrolling on a 768 px tablet.
/// </summary>
public sealed class StaffPagesAxeTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    /// <summary>Each role alone, and one person with all four (the role switcher and every navigation group in the header).</summary>
    public static TheoryData<string> Roles() => [.. StaffPageTable.SignedInRoles, string.Join(',', StaffPageTable.SignedInRoles)];

    [SkippableTheory]
    [MemberData(nameof(Roles))]
    public async Task EveryPageTheRoleMayOpen_HasNoSeriousOrCriticalAxeViolation(string role)
    {
        var roles = role.Split(',');
        var session = await StaffSession.SignInAsync(fixture, roles);
        var page = session.Page;
        var examples = roles.Contains(Domain.Users.Roles.Counsellor) ? await CaseAndReferralOfAsync(session.Account) : [];
        examples["user"] = session.Account.Id.ToString();
        await AddDeskAndAdminExamplesAsync(examples);
        var pages = StaffPageTable.Pages.Where(p => p.Roles.Intersect(roles).Any() && p.Status == 200 && p.Needs().All(examples.ContainsKey)).ToList();
        var blocking = new StringBuilder();

        foreach (var row in pages)
        {
            var path = row.Path(examples);
            var response = await page.GotoAsync(path);
            Assert.True(response is { Status: 200 }, $"{path} as {role}: {response?.Status}");
            var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
            foreach (var violation in result.Violations)
            {
                var text = $"{path} as {role}: {violation.Id} ({violation.Impact}) {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Html))}";
                output.WriteLine(text);
                if (Blocking.Contains(violation.Impact))
                {
                    blocking.AppendLine(text);
                }
            }

            await page.SetViewportSizeAsync(768, 1024);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                blocking.AppendLine($"{path} as {role}: {overflow} px wider than a 768 px tablet");
            }

            await page.SetViewportSizeAsync(1280, 900);
            output.WriteLine($"{path} as {role}: axe {result.Violations.Length} violation(s), 768 px overflow {overflow} px");
        }

        Assert.True(pages.Count >= 5, $"only {pages.Count} pages for {role}");
        Assert.True(blocking.Length == 0, $"axe found serious or critical violations, or a page overflows at 768 px:\n{blocking}");
    }

    /// <summary>A counsellor profile linked to the account, a case of hers and a referral of it (through the API).</summary>
    private async Task<Dictionary<string, string>> CaseAndReferralOfAsync(StaffAccount account)
    {
        using (var admin = await fixture.App.AdminClientAsync())
        {
            await BrowserApp.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/counsellors", new
            {
                displayName = "Browser-Testberaterin Rolle", languages = new[] { "de" }, topics = new[] { "family" }, userId = account.Id,
            }), HttpStatusCode.Created);
        }

        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token",
            new { username = account.Username, password = account.Password, code = fixture.App.NextCode(account.Secret!) });
        await BrowserApp.EnsureAsync(signIn, HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "Erfundene Browserprobe" }, topics = new[] { "family" } });
        await BrowserApp.EnsureAsync(opened, HttpStatusCode.Created);
        var created = (await opened.Content.ReadFromJsonAsync<JsonObject>())!;
        var caseId = created["id"]!.GetValue<Guid>();
        var partner = (await client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{caseId}/partner-suggestions"))![0]["id"]!.GetValue<Guid>();
        var referral = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
        {
            partnerId = partner, purpose = "Erfundener Anlass", sharedCategories = new[] { "topics" }, followUpOn = "2026-12-10",
            consent = new { method = "written", givenAt = "2026-11-30" },
        });
        await BrowserApp.EnsureAsync(referral, HttpStatusCode.Created);
        return new()
        {
            ["code"] = created["code"]!.GetValue<string>(),
            ["referral"] = (await referral.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>().ToString(),
        };
    }

    /// <summary>A counsellor profile with published slots, a booking of one and a free one, and a partner (through the API).</summary>
    private async Task AddDeskAndAdminExamplesAsync(Dictionary<string, string> examples)
    {
        using var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/counsellors", new
        {
            displayName = "Browser-Testberater Tabelle", languages = new[] { "de" }, topics = new[] { "family" },
        });
        await BrowserApp.EnsureAsync(created, HttpStatusCode.Created);
        var counsellor = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var weekly = new[] { new { weekday = "tuesday", from = "09:00", to = "11:00", slotMinutes = 45, mode = "in-person", location = "Raum 2", capacity = 1 } };
        await BrowserApp.EnsureAsync(await admin.PutAsJsonAsync($"/api/v1/counsellors/{counsellor}/hours", new { weekly, exceptions = Array.Empty<object>() }), HttpStatusCode.OK);
        await BrowserApp.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/counsellors/{counsellor}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" }), HttpStatusCode.OK);
        var slots = (await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellor}/slots?from=2026-12-01&to=2026-12-14"))!;
        var booked = await admin.PostAsJsonAsync("/api/v1/bookings", new
        {
            slotId = slots[0]["id"]!.GetValue<Guid>(), name = "Erfundene Tabellenperson", phone = "+49 170 5550199", language = "de",
            topic = "family", consent = new { privacyNoticeVersion = "2026-11", accepted = true },
        });
        await BrowserApp.EnsureAsync(booked, HttpStatusCode.Created);
        var partners = (await admin.GetFromJsonAsync<List<JsonObject>>("/api/v1/partners"))!;
        examples["counsellor"] = counsellor.ToString();
        examples["slotId"] = slots[1]["id"]!.GetValue<Guid>().ToString();
        examples["reference"] = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>();
        examples["partner"] = partners[0]["id"]!.GetValue<Guid>().ToString();
    }
}
