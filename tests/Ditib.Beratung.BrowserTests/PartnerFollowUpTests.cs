using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// Partner and Nachverfolgung in a real browser: the admin enters Caritas' phone and address on the partner page, the
/// desk sees the number on its follow-up list, records the partner's acceptance and prints the letter with the new
/// address block. axe-core on each page at 1280 and 768 px, no sideways scrolling.
/// </summary>
public sealed class PartnerFollowUpTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly Guid Caritas = Guid.Parse("01a21000-0000-7000-8000-000000000004");

    [SkippableFact]
    public async Task Admin_EditsAPartnersPhone_TheDeskSeesItOnTheFollowUpList_AndRecordsTheAcceptance()
    {
        var referral = await SentReferralToCaritasAsync();

        var admin = (await StaffSession.SignInAsync(fixture, "admin")).Page;
        await admin.GotoAsync("/staff/admin/partners");
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partner");
        await AssertAccessibleAsync(admin, "partners");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Neuen Partner anlegen" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Neuer Partner");
        await AssertAccessibleAsync(admin, "new partner");

        await admin.GotoAsync("/staff/admin/partners");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Caritas Duisburg", Exact = true }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Partner: Caritas Duisburg");
        await admin.GetByLabel("Telefon").FillAsync("0203 ruf an");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Partner speichern" }).ClickAsync();
        await Expect(admin.Locator(".staff-errors a[href='#partner-phone']")).ToBeVisibleAsync();
        await AssertAccessibleAsync(admin, "partner with an error");
        await admin.GetByLabel("Telefon").FillAsync("0203 5550177");
        await admin.GetByLabel("Ansprechperson").FillAsync("Frau Erfundene Ansprechperson");
        await admin.GetByLabel("Straße und Hausnummer (oder Postfach)").FillAsync("Erfundene Allee 12");
        await admin.GetByLabel("Postleitzahl und Ort").FillAsync("47000 Beispielhausen");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Partner speichern" }).ClickAsync();
        await Expect(admin.Locator("main [role=status]")).ToHaveTextAsync("„Caritas Duisburg“ ist gespeichert.");
        await Expect(admin.Locator("table.partner-table tr", new() { HasText = "Caritas Duisburg" })).ToContainTextAsync("0203 5550177");

        var desk = (await StaffSession.SignInAsync(fixture, "staff")).Page;
        await desk.GetByRole(AriaRole.Link, new() { Name = "Nachverfolgung" }).ClickAsync();
        await Expect(desk.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nachverfolgung");
        var row = desk.Locator($"tr[data-referral='{referral}']");
        await Expect(row).ToContainTextAsync("Caritas Duisburg");
        await Expect(row.GetByRole(AriaRole.Link, new() { Name = "0203 5550177" })).ToHaveAttributeAsync("href", "tel:02035550177");
        await Expect(row).ToContainTextAsync("Browser-Testberaterin Weitervermittlung");
        await AssertAccessibleAsync(desk, "follow-up");

        await row.GetByRole(AriaRole.Button, new() { Name = "Zusage eintragen" }).ClickAsync();
        await Expect(desk.Locator("main [role=status]")).ToHaveTextAsync("Die Zusage ist eingetragen.");
        await Expect(row).ToContainTextAsync("angenommen, Ergebnis offen");
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM referral WHERE id = $id AND status = 'accepted'", ("$id", referral.ToString())));
        await row.GetByText("Ergebnis eintragen").First.ClickAsync();
        await Expect(row.GetByLabel("Ergebnis")).ToBeVisibleAsync();
        await AssertAccessibleAsync(desk, "follow-up with the outcome form open");

        await row.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Brief zu F-2026-") }).ClickAsync();
        await Expect(desk.Locator("address.recipient")).ToContainTextAsync("Erfundene Allee 12");
        await Expect(desk.Locator("address.recipient")).ToContainTextAsync("47000 Beispielhausen");
        await AssertAccessibleAsync(desk, "letter");
    }

    /// <summary>A counsellor's case referred to Caritas with written consent and sent, due for follow-up today.</summary>
    private async Task<Guid> SentReferralToCaritasAsync()
    {
        using var admin = await fixture.App.AdminClientAsync();
        var account = await StaffSession.CreateAccountAsync(fixture.App, "counsellor");
        using var counsellor = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var (token, _) = await fixture.App.EnrolAsync(counsellor, account.Username, account.Password);
        counsellor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        await Ensure(await admin.PostAsJsonAsync("/api/v1/counsellors", new
        {
            displayName = "Browser-Testberaterin Weitervermittlung", languages = new[] { "de" }, topics = new[] { "family" }, userId = account.Id,
        }), HttpStatusCode.Created);
        var opened = await counsellor.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "Erfundene Browserperson" }, topics = new[] { "family" } });
        await Ensure(opened, HttpStatusCode.Created);
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var created = await counsellor.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
        {
            partnerId = Caritas, purpose = "Unterstützung beim Antrag (Browsertest)", sharedCategories = new[] { "topics" }, followUpOn = "2026-11-30",
            consent = new { method = "written", givenAt = "2026-11-30T09:00" },
        });
        await Ensure(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Ensure(await counsellor.PostAsync($"/api/v1/referrals/{id}/send", null));
        return id;
    }

    private Task AssertAccessibleAsync(IPage page, string name) => Accessibility.AssertAccessibleAsync(page, name, output);

    private static Task Ensure(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => BrowserApp.EnsureAsync(response, expected);
}
