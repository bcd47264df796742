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
/// A counsellor's day in a real browser at 1280 px: she sees today's booking with its concern, marks it attended once
/// it has begun, opens a case, writes a note and sees what was scrubbed, refers the client to Caritas with written
/// consent and looks at the letter as it prints. axe-core runs on every page on the way, and every page fits 768 px.
/// </summary>
public sealed class CounsellorDayTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    private readonly StringBuilder blocking = new();

    [SkippableFact]
    public async Task CounsellorsDay_Booking_Attendance_Case_Note_ReferralToCaritas_AndThePrintedLetter()
    {
        var session = await StaffSession.SignInAsync(fixture, "counsellor");
        var page = session.Page;
        await page.SetViewportSizeAsync(1280, 900);
        await SeedTodaysBookingAsync(session.Account.Id);

        // Mein Tag: the booking at 09:15 with the resident's concern; not yet begun, so no attendance buttons.
        await page.GotoAsync("/staff");
        var row = page.Locator("table.agenda tbody tr", new() { HasText = "Erfundene Testperson" });
        await Expect(row).ToContainTextAsync("Erfundene Frage zur Kita-Anmeldung");
        await Expect(row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Erschienen") })).ToHaveCountAsync(0);
        await CheckAsync(page, "Mein Tag");

        fixture.App.Clock.Advance(Duration.FromMinutes(20)); // 09:20: the appointment has begun
        await page.ReloadAsync();
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Erschienen") }).ClickAsync();
        await Expect(page.Locator(".staff-success")).ToHaveTextAsync("Als erschienen eingetragen.");
        await Expect(row).ToContainTextAsync("erschienen");
        await Screenshots.TakeAsync(page, "staff-day-1280.png");

        // Open a case from the booking, write a note, see what the scrubber replaced.
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Fall eröffnen") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Fall F-2026-\\d{4}$"));
        var caseUrl = page.Url;
        await page.GetByLabel("Notiz", new() { Exact = true })
            .FillAsync("Rückruf unter 0203 5550100 vereinbart, Unterlagen an erfunden@example.invalid geschickt.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
        var saved = page.Locator("#saved");
        await Expect(saved).ToContainTextAsync("1 Telefonnummer(n) durch [TELEFON]");
        await Expect(saved).ToContainTextAsync("1 E-Mail-Adresse(n) durch [E-MAIL]");
        await Expect(page.Locator(".timeline .note-text").First).ToHaveTextAsync("Rückruf unter [TELEFON] vereinbart, Unterlagen an [E-MAIL] geschickt.");
        await CheckAsync(page, "case");

        // The client's details: the sign-in's second factor is 20 minutes old, so confirm first; record a related person.
        await page.GotoAsync($"{caseUrl}/client");
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(fixture.App.NextCode(session.Account.Secret!));
        await page.GetByRole(AriaRole.Button, new() { Name = "Bestätigen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^Angaben zur Person – Fall F-2026-\\d{4}$"));
        await CheckAsync(page, "client");
        await page.GetByLabel("Beziehung").First.SelectOptionAsync("child");
        await page.Locator("#related-0-name").FillAsync("Erfundenes Testkind");
        await page.GetByRole(AriaRole.Button, new() { Name = "Angaben speichern" }).ClickAsync();
        await Expect(page.Locator(".staff-success")).ToHaveTextAsync("Die Angaben zur Person sind gespeichert.");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Fälle" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fälle");
        await CheckAsync(page, "cases");

        // Refer to Caritas with the client's written consent: topics and the (scrubbed) summary only.
        await page.GotoAsync(caseUrl);
        await page.GetByRole(AriaRole.Link, new() { Name = "Weitervermitteln" }).ClickAsync();
        await CheckAsync(page, "new referral");
        await page.GetByLabel("Caritas Duisburg").CheckAsync();
        await page.GetByLabel("Anlass").FillAsync("Erfundene Beratung zum Kinderzuschlag");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Zusammenfassung" }).CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Zusammenfassung" }).FillAsync("Erfundene Familie, Rückfragen unter 0203 5550100.");
        await page.GetByLabel("Schriftliche Einwilligung der Person").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Als Entwurf speichern" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Weitervermittlung an Caritas Duisburg");
        await Expect(page.Locator("#referral-state")).ToHaveTextAsync("Entwurf");
        await CheckAsync(page, "referral");
        var referralUrl = page.Url;

        // The letter as it prints: A4 from its own print stylesheet, only the consented data.
        await page.GetByRole(AriaRole.Link, new() { Name = "Brief ansehen und drucken" }).ClickAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Expect(page.Locator("h1")).ToHaveTextAsync(new Regex("^Weiterleitung – Fall F-2026-\\d{4}$"));
        await Expect(page.Locator("address.recipient")).ToContainTextAsync("Caritas Duisburg");
        await Expect(page.Locator("body")).ToContainTextAsync("Schriftliche Einwilligung");
        await Expect(page.Locator("body")).ToContainTextAsync("Rückfragen unter [TELEFON]");
        await Expect(page.Locator("body")).Not.ToContainTextAsync("Erfundene Testperson");
        Assert.Equal("Arial", (await page.Locator("body").EvaluateAsync<string>("b => getComputedStyle(b).fontFamily")).Split(',')[0].Trim());
        var pdf = Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
        // A4 in points (595 × 842), from the letter's @page rule.
        var box = Regex.Match(pdf, @"/MediaBox\s*\[\s*0 0 (?<w>[\d.]+) (?<h>[\d.]+)\s*\]");
        Assert.True(box.Success, "the PDF names no page size");
        Assert.InRange(double.Parse(box.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture), 594, 596);
        Assert.InRange(double.Parse(box.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture), 841, 843);
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await CheckAsync(page, "letter");

        // Send; the case page shows the referral's state.
        await page.GotoAsync(referralUrl);
        await page.GetByRole(AriaRole.Button, new() { Name = "Als versandt eintragen" }).ClickAsync();
        await Expect(page.Locator("#referral-state")).ToHaveTextAsync("versandt");
        await page.GotoAsync(caseUrl);
        await Expect(page.Locator(".referrals")).ToContainTextAsync("Caritas Duisburg – versandt");

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

    /// <summary>Her profile (linked to the signed-in account) and a booking at 09:15 today, made by the desk.</summary>
    private async Task SeedTodaysBookingAsync(Guid userId)
    {
        using var admin = await fixture.App.AdminClientAsync();
        var created = await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = "Testberaterin Dilek Erfunden", languages = new[] { "de", "tr" }, topics = new[] { "family", "social-benefits" }, userId });
        await BrowserApp.EnsureAsync(created, HttpStatusCode.Created);
        var counsellorId = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var slot = await admin.PostAsJsonAsync($"/api/v1/counsellors/{counsellorId}/slots",
            new { start = "2026-11-30T09:15", minutes = 45, mode = "in-person", location = "Raum 3", capacity = 1 });
        await BrowserApp.EnsureAsync(slot, HttpStatusCode.Created);
        var slotId = (await slot.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var desk = await StaffSession.CreateAccountAsync(fixture.App, "staff");
        using var client = new HttpClient { BaseAddress = fixture.App.BaseAddress };
        var (token, _) = await fixture.App.EnrolAsync(client, desk.Username, desk.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var booking = await client.PostAsJsonAsync("/api/v1/agenda/bookings", new
        {
            slotId, name = "Erfundene Testperson", language = "tr", topic = "family", interpreterNeeded = true,
            concern = "Erfundene Frage zur Kita-Anmeldung", consent = new { privacyNoticeVersion = "2026-11", accepted = true },
        });
        await BrowserApp.EnsureAsync(booking, HttpStatusCode.Created);
    }
}
