using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// The desk's day in a real browser at 1280 px: Heute with a counsellor's column, a walk-in booked into a free place an
/// hour from now (inside the residents' minimum notice), the day list as it prints (no concern, no phone number), and
/// Offen once an appointment is over without an outcome. axe-core runs on each page, and each fits 768 px.
/// </summary>
public sealed class DeskDayTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];
    private const string Concern = "Erfundenes Anliegen für den Drucktest";
    private const string CallerPhone = "+49 170 5550177";
    private const string WalkInPhone = "+49 170 5550188";

    private readonly StringBuilder blocking = new();

    [SkippableFact]
    public async Task Desk_BooksAWalkIn_PrintsTheDayList_AndRecordsAnOutcomeOnOffen()
    {
        var session = await StaffSession.SignInAsync(fixture, "staff");
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SeedDayAsync();

        // Heute: the counsellor's column with the caller's booking at 09:15 and two free places.
        await page.GotoAsync("/staff/today");
        var column = page.Locator(".desk-column", new() { HasText = "Testberaterin Elif Erfunden" });
        await Expect(column).ToContainTextAsync("Erfundene Anruferin");
        await Expect(column).Not.ToContainTextAsync(Concern);
        await CheckAsync(page, "Heute");

        // A walk-in at 10:30, an hour and a half from now: residents could no longer book it, the desk can.
        await column.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Platz buchen – .*10:30") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Platz buchen");
        await CheckAsync(page, "booking form");
        await page.GetByLabel("Name oder Kürzel").FillAsync("Erfundene Laufkundin");
        await page.GetByLabel("Telefon (freiwillig)").FillAsync(WalkInPhone);
        await page.GetByLabel("Sprache des Gesprächs").SelectOptionAsync("tr");
        await page.GetByLabel("Thema").SelectOptionAsync("family");
        await page.GetByLabel("Anliegen (freiwillig)").FillAsync(Concern);
        await page.GetByLabel(new Regex("Datenschutzhinweis \\(Fassung")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Verbindlich buchen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Termin gebucht");
        var reference = (await page.Locator("#booked-reference").TextContentAsync())!.Trim();
        Assert.Matches("^[A-Z0-9]{4}-[A-Z0-9]{4}$", reference);
        await Expect(page.Locator("#manage-link")).ToContainTextAsync($"/manage/{reference}?token=");
        await Screenshots.TakeAsync(page, "desk-booked-1280.png", forReadme: false);
        await CheckAsync(page, "booked");

        // The day list as it prints: time, name, room and counsellor; no concern and no phone number anywhere on the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Zurück zu „Heute“" }).ClickAsync();
        await Expect(column).ToContainTextAsync(reference);
        await Screenshots.TakeAsync(page, "desk-today-1280.png");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tagesliste drucken" }).ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        var rows = page.Locator("table.day-list tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("Erfundene Anruferin");
        await Expect(rows.Nth(1)).ToContainTextAsync("Erfundene Laufkundin");
        await Expect(rows.Nth(1)).ToContainTextAsync("Raum 4");
        await Expect(page.Locator(".staff-header")).ToBeHiddenAsync();
        var printed = await page.ContentAsync();
        Assert.DoesNotContain(Concern, printed, StringComparison.Ordinal);
        Assert.DoesNotContain("5550177", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("5550188", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("example.invalid", printed, StringComparison.Ordinal);
        var pdf = await page.PdfAsync();
        Assert.True(pdf.Length > 1000, "the day list printed to an empty PDF");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await CheckAsync(page, "day list");

        // Twenty minutes later the caller's 09:15 appointment has begun and nobody recorded it: it waits on Offen.
        fixture.App.Clock.Advance(Duration.FromMinutes(20));
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Offen" }).ClickAsync();
        var open = page.Locator("table.agenda tbody tr", new() { HasText = "Erfundene Anruferin" });
        await Expect(open).ToHaveCountAsync(1);
        await CheckAsync(page, "Offen");
        await open.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Nicht erschienen") }).ClickAsync();
        await Expect(page.Locator(".staff-success")).ToHaveTextAsync("Als nicht erschienen eingetragen.");
        await Expect(page.Locator("table.agenda")).ToHaveCountAsync(0);

        Assert.True(blocking.Length == 0, $"axe found serious or critical violations, or a page overflows at 768 px:\n{blocking}");
    }

    /// <summary>axe-core (no serious or critical finding), then the same page on a 768 px tablet without sideways scrolling.</summary>
    private async Task CheckAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        foreach (var violation in result.Violations)
        {
            var text = $"{name}: {violation.Id} ({violation.Impact}) {violation.Help} at {string.Join(", ", violation.Nodes.Select(n => n.Html))}";
            output.WriteLine(text);
            if (Blocking.Contains(violation.Impact))
            {
                blocking.AppendLine(text);
            }
        }

        var size = page.ViewportSize!;
        await page.SetViewportSizeAsync(768, 1024);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            blocking.AppendLine($"{name}: {overflow} px wider than a 768 px tablet");
        }

        await page.SetViewportSizeAsync(size.Width, size.Height);
        output.WriteLine($"{name}: axe {result.Violations.Length} violation(s), 768 px overflow {overflow} px");
    }

    /// <summary>A counsellor with places at 09:15 (booked by the desk for a caller, with concern and phone) and 10:30 today; a colleague's phone hour at 11:00.</summary>
    private async Task SeedDayAsync()
    {
        using var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberaterin Elif Erfunden", languages = new[] { "de", "tr" }, topics = new[] { "family", "social-benefits" } });
        await BrowserApp.EnsureAsync(created, HttpStatusCode.Created);
        var counsellorId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var slots = new List<Guid>();
        foreach (var start in new[] { "2026-11-30T09:15", "2026-11-30T10:30" })
        {
            var slot = await admin.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots",
                new { start, minutes = 45, mode = "in-person", location = "Raum 4", capacity = 1 });
            await BrowserApp.EnsureAsync(slot, HttpStatusCode.Created);
            slots.Add((await slot.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>());
        }

        var colleague = await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberater Cem Erfunden", languages = new[] { "de", "ar" }, topics = new[] { "education" } });
        await BrowserApp.EnsureAsync(colleague, HttpStatusCode.Created);
        var colleagueId = (await colleague.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        await BrowserApp.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/counsellors/{colleagueId}/slots",
            new { start = "2026-11-30T11:00", minutes = 60, mode = "phone", capacity = 3 }), HttpStatusCode.Created);

        var desk = await StaffSession.CreateAccountAsync(fixture.App, "staff");
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var (token, _) = await fixture.App.EnrolAsync(client, desk.Username, desk.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var booking = await client.PostAsJsonAsync("/api/v1/agenda/bookings", new
        {
            slotId = slots[0], name = "Erfundene Anruferin", phone = CallerPhone, email = "anruferin@example.invalid", language = "de",
            topic = "family", interpreterNeeded = false, concern = Concern, consent = new { privacyNoticeVersion = "2026-11", accepted = true },
        });
        await BrowserApp.EnsureAsync(booking, HttpStatusCode.Created);
    }
}
