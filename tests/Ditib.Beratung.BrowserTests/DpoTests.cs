using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// The data-protection officer in a real browser: answers an access request (the printable export) and an erasure
/// request for a case, confirming the second factor first; verifies the audit trail, looks at retention and the
/// statistics. axe-core on every page at 1280 and 768 px, no sideways scrolling.
/// </summary>
public sealed class DpoTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Dpo_ExportsAndErasesACase_WithAFreshSecondFactor()
    {
        var code = await OpenCaseAsync("Erfundene Browser-Klientin");
        var session = await StaffSession.SignInAsync(fixture, "dpo");
        var page = session.Page;

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Anfragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Anfragen");
        await AssertAccessibleAsync(page, "requests");
        await page.GetByLabel("Aktenzeichen").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Fall suchen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = $"Fall {code}" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page, "requests with a case");

        // The sign-in's second factor is older than five minutes: the export asks for it again, then opens.
        fixture.App.Clock.Advance(Duration.FromMinutes(6));
        await page.GetByRole(AriaRole.Link, new() { Name = "Auskunft als Seite zum Drucken öffnen" }).ClickAsync();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(fixture.App.NextCode(session.Account.Secret!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Auskunft nach Art. 15 DSGVO – Fall {code}");
        await Expect(page.Locator("main")).ToContainTextAsync("Erfundene Browser-Klientin");
        await Expect(page.Locator("header")).ToContainTextAsync(BrowserApp.CentrePlaceholders["Beratung:Centre:Name"]);
        await AssertAccessibleAsync(page, "export");

        await page.GotoAsync($"/staff/dpo/requests?code={code}");
        await page.GetByLabel($"Zur Bestätigung das Aktenzeichen {code} eingeben").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await Expect(page.Locator("#done")).ToHaveTextAsync($"Die Daten des Falls {code} wurden gelöscht.");
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM case_file WHERE code = $code AND erased_on IS NOT NULL", ("$code", code)));
        await AssertAccessibleAsync(page, "requests after erasure");
    }

    [SkippableFact]
    public async Task Dpo_VerifiesTheAuditTrail_AndOpensRetentionAndStatistics()
    {
        var session = await StaffSession.SignInAsync(fixture, "dpo");
        var page = session.Page;

        await page.GotoAsync("/staff/dpo/audit");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Protokoll");
        await AssertAccessibleAsync(page, "audit");
        await page.GetByRole(AriaRole.Button, new() { Name = "Jetzt prüfen" }).ClickAsync();
        await Expect(page.Locator("#verification")).ToContainTextAsync("vollständig und unverändert");
        await Expect(page.GetByLabel("Hashwert des letzten Eintrags")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^hmac-sha256:[0-9a-f]{64}$"));
        await AssertAccessibleAsync(page, "audit verified");

        await page.GotoAsync("/staff/dpo/retention");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Aufbewahrung");
        await AssertAccessibleAsync(page, "retention");

        await page.GotoAsync("/staff/dpo/statistics");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Statistik");
        await AssertAccessibleAsync(page, "statistics");
    }

    /// <summary>A counsellor (through the API, with her own token) opens a case with a note; returns its code.</summary>
    private async Task<string> OpenCaseAsync(string name)
    {
        var account = await StaffSession.CreateAccountAsync(fixture.App, "counsellor");
        using (var admin = await fixture.App.AdminClientAsync())
        {
            await BrowserApp.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/counsellors",
                new { displayName = "Browser-Testberaterin Datenschutz", languages = new[] { "de" }, topics = new[] { "family" }, userId = account.Id }),
                HttpStatusCode.Created);
        }

        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var (token, _) = await fixture.App.EnrolAsync(client, account.Username, account.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new { client = new { name }, topics = new[] { "family" } });
        await BrowserApp.EnsureAsync(opened, HttpStatusCode.Created);
        var body = (await opened.Content.ReadFromJsonAsync<JsonObject>())!;
        await BrowserApp.EnsureAsync(await client.PostAsJsonAsync($"/api/v1/cases/{body["id"]}/notes", new { text = "Erfundene Notiz." }), HttpStatusCode.Created);
        return body["code"]!.GetValue<string>();
    }

    private Task AssertAccessibleAsync(IPage page, string name) => Accessibility.AssertAccessibleAsync(page, name, output);
}
