using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// Sprechzeiten and Ausfall in a real browser: a counsellor edits her week, previews and publishes; the desk records an
/// absence and sees first how many residents it affects. axe-core on each page at 1280 and 768 px, no sideways scrolling.
/// </summary>
public sealed class StaffHoursTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Counsellor_EditsHerWeek_PreviewsAndPublishes()
    {
        var session = await StaffSession.SignInAsync(fixture, "counsellor");
        var page = session.Page;
        using var admin = await fixture.App.AdminClientAsync();
        var counsellor = await CounsellorAsync(admin, "Browser-Testberaterin Eins", session.Account.Id);

        await page.GotoAsync("/staff/hours");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sprechzeiten");
        await Expect(page.Locator("#weekly-0-weekday")).ToHaveValueAsync("monday");
        await page.Locator("#weekly-1-weekday").SelectOptionAsync("wednesday");
        await page.Locator("#weekly-1-from").FillAsync("14:00");
        await page.Locator("#weekly-1-to").FillAsync("16:00");
        await page.Locator("#weekly-1-minutes").FillAsync("60");
        await page.Locator("#weekly-1-mode").SelectOptionAsync("phone");
        await page.Locator("#exception-0-date").FillAsync("2026-12-07");
        await page.Locator("#exception-0-closed").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sprechzeiten speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Die Sprechzeiten sind gespeichert");
        await AssertAccessibleAsync(page, "hours");

        // 1–14 December: Mondays 7 (closed) and 14 with four 45-minute slots, Wednesdays 2 and 9 with two phone slots.
        await page.GetByLabel("Vom", new() { Exact = true }).FillAsync("2026-12-01");
        await page.GetByLabel("Bis einschließlich").FillAsync("2026-12-14");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau: wie viele Termine?" }).ClickAsync();
        await Expect(page.Locator("#publish-preview")).ToContainTextAsync("entstehen 8 neue Termine");
        Assert.Equal(0, fixture.App.Count("SELECT COUNT(*) FROM slot WHERE counsellor_id = $id", ("$id", counsellor.ToString())));
        await AssertAccessibleAsync(page, "hours with preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "8 Termine veröffentlichen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("8 Termine wurden veröffentlicht");
        Assert.Equal(8, fixture.App.Count("SELECT COUNT(*) FROM slot WHERE counsellor_id = $id", ("$id", counsellor.ToString())));

        await page.GetByRole(AriaRole.Link, new() { Name = "Abwesenheit eintragen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Abwesenheit eintragen");
        await AssertAccessibleAsync(page, "own absence");
    }

    [SkippableFact]
    public async Task Desk_RecordsAnAbsence_AndSeesFirstHowManyResidentsAreAffected()
    {
        using var admin = await fixture.App.AdminClientAsync();
        var counsellor = await CounsellorAsync(admin, "Browser-Testberaterin Zwei", userId: null);
        await Ensure(await admin.PostAsJsonAsync($"/api/v1/counsellors/{counsellor}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" }));
        var slots = (await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{counsellor}/slots?from=2026-12-14&to=2026-12-14"))!;
        foreach (var slot in slots.Take(2))
        {
            await Ensure(await admin.PostAsJsonAsync("/api/v1/bookings", new
            {
                slotId = slot["id"]!.GetValue<Guid>(), name = "Erfundene Browserperson", language = "tr", topic = "family",
                interpreterNeeded = false, consent = new { privacyNoticeVersion = "2026-11", accepted = true },
            }), HttpStatusCode.Created);
        }

        var session = await StaffSession.SignInAsync(fixture, "staff");
        var page = session.Page;
        await page.GotoAsync("/staff/absence");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ausfall");
        await page.GetByLabel("Beraterin oder Berater").SelectOptionAsync(new SelectOptionValue { Label = "Browser-Testberaterin Zwei" });
        await page.GetByLabel("Erster Tag").FillAsync("2026-12-14");
        await page.GetByLabel("Letzter Tag").FillAsync("2026-12-14");
        await page.GetByLabel("Grund").FillAsync("Ausfall der Beraterin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vorschau: wer ist betroffen?" }).ClickAsync();

        await Expect(page.Locator("#absence-report [role=status]")).ToContainTextAsync("4 Termine abgesagt; 2 Ratsuchende sind betroffen");
        await Expect(page.Locator(".absence-table tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator(".absence-table tbody")).ToContainTextAsync("keine – bitte anrufen");
        await AssertAccessibleAsync(page, "absence preview");

        await page.GetByRole(AriaRole.Button, new() { Name = "Ausfall eintragen und 4 Termine absagen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ausfall eingetragen" })).ToBeVisibleAsync();
        Assert.Equal(2, fixture.App.Count("SELECT COUNT(*) FROM booking WHERE status = 'cancelled-by-centre'"));
    }

    private Task AssertAccessibleAsync(IPage page, string name) => Accessibility.AssertAccessibleAsync(page, name, output);

    private static async Task<Guid> CounsellorAsync(HttpClient admin, string name, Guid? userId)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = name, languages = new[] { "de", "tr" }, topics = new[] { "family" }, userId });
        await Ensure(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await Ensure(await admin.PutAsJsonAsync($"/api/v1/counsellors/{id}/hours", new
        {
            weekly = new[] { new { weekday = "monday", from = "09:00", to = "12:00", slotMinutes = 45, mode = "in-person", location = "Raum 2", capacity = 1 } },
        }));
        return id;
    }

    private static Task Ensure(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK) => BrowserApp.EnsureAsync(response, expected);
}
