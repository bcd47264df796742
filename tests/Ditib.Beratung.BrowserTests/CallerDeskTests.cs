using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// A caller at the desk in a real browser: the desk finds her booking by the reference she reads out (typed loosely)
/// and moves it to another free appointment; then Nicht zugestellt lists a message that could not be delivered, with
/// the number to call. axe-core on the find page, the booking page and Nicht zugestellt, at 1280 and 768 px.
/// </summary>
public sealed class CallerDeskTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task Desk_FindsACallersBookingByReference_AndMovesIt_ThenSeesTheUndeliveredMessage()
    {
        using var admin = await fixture.App.AdminClientAsync();
        var slots = await CounsellorWithSlotsAsync(admin, "Browser-Testberaterin Anruf");
        var booked = await admin.PostAsJsonAsync("/api/v1/bookings", new
        {
            slotId = SlotAt(slots, "2026-12-03T09:00"), name = "Erfundene Anruferin", phone = "+49 170 5550123",
            email = "anruferin@example.invalid", language = "tr", topic = "family", interpreterNeeded = false,
            consent = new { privacyNoticeVersion = "2026-11", accepted = true },
        });
        await BrowserApp.EnsureAsync(booked, HttpStatusCode.Created);
        var reference = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>();
        var target = SlotAt(slots, "2026-12-04T10:30");

        var session = await StaffSession.SignInAsync(fixture, "staff");
        var page = session.Page;
        await page.GotoAsync("/staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "Buchung suchen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Buchung suchen");
        await AssertAccessibleAsync(page, "find");

        await page.GetByLabel("Buchungsnummer").FillAsync(reference.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Buchung {reference}");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("Erfundene Anruferin");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("Donnerstag, 3. Dezember 2026");
        await AssertAccessibleAsync(page, "booking");

        await page.Locator($"input[name=slotId][value='{target}']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Auf den gewählten Termin verlegen" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Der Termin ist verlegt.");
        await Expect(page.Locator("dl.details")).ToContainTextAsync("Freitag, 4. Dezember 2026");
        await AssertAccessibleAsync(page, "booking moved");
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM booking WHERE reference = $reference AND slot_id = $slot",
            ("$reference", reference), ("$slot", target.ToString())));
        Assert.Equal(1, fixture.App.Count("SELECT COUNT(*) FROM audit_entry WHERE action = 'booking.reschedule-for-caller' AND actor_name = $user",
            ("$user", session.Account.Username)));

        GiveUpOn(reference, "reschedule");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nicht zugestellt" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Nicht zugestellt");
        var row = page.Locator("tbody tr", new() { HasText = reference });
        await Expect(row).ToContainTextAsync("Verlegung");
        await Expect(row.Locator("a[href^='tel:']")).ToHaveTextAsync("+49 170 5550123");
        await AssertAccessibleAsync(page, "undelivered");

        await row.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Die Nachricht zu {reference} wird erneut gesendet.");
    }

    /// <summary>Marks the booking's message of this kind as given up on, as the dispatcher does after its last attempt.</summary>
    private void GiveUpOn(string reference, string kind)
    {
        using var connection = new SqliteConnection($"Data Source={fixture.App.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE outbox_message SET state = 'failed', attempts = 8, last_error = 'smtp-550-RecipientNotAccepted',
                                      finished_at = '2026-11-30T08:10:00.000000000Z'
            WHERE kind = $kind AND booking_id = (SELECT id FROM booking WHERE reference = $reference)
            """;
        command.Parameters.AddWithValue("$kind", kind);
        command.Parameters.AddWithValue("$reference", reference);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private Task AssertAccessibleAsync(IPage page, string name) => Accessibility.AssertAccessibleAsync(page, name, output);

    private static async Task<List<JsonObject>> CounsellorWithSlotsAsync(HttpClient admin, string name)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = name, languages = new[] { "de", "tr" }, topics = new[] { "family" } });
        await BrowserApp.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .Select(d => new { weekday = d, from = "09:00", to = "12:00", slotMinutes = 45, mode = "in-person", location = "Raum 2", capacity = 1 });
        await BrowserApp.EnsureAsync(await admin.PutAsJsonAsync($"/api/v1/counsellors/{id}/hours", new { weekly }), HttpStatusCode.OK);
        await BrowserApp.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" }),
            HttpStatusCode.OK);
        return (await admin.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{id}/slots?from=2026-12-01&to=2026-12-14"))!;
    }

    private static Guid SlotAt(IEnumerable<JsonObject> slots, string localStart) =>
        slots.First(s => s["start"]!.GetValue<string>().StartsWith(localStart, StringComparison.Ordinal))["id"]!.GetValue<Guid>();
}
