using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>Invented data, set up through the public API like an admin and a counsellor would.</summary>
public static class Seed
{
    public const string Topic = "family";

    /// <summary>
    /// A counsellor speaking de/tr/ar/en on family and education, Monday to Friday 09:00–12:00 in 45-minute slots in
    /// Raum 2, published for 1–14 December 2026 (four slots a day, the first on Tuesday 1 December at 09:00).
    /// </summary>
    public static async Task<Guid> CounsellorWithSlotsAsync(HttpClient admin, int capacity = 1, string name = "Testberaterin Erfunden")
    {
        var created = await admin.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = name, languages = new[] { "de", "tr", "ar", "en" }, topics = new[] { Topic, "education" } });
        await BrowserApp.EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .Select(d => new { weekday = d, from = "09:00", to = "12:00", slotMinutes = 45, mode = "in-person", location = "Raum 2", capacity });
        await BrowserApp.EnsureAsync(
            await admin.PutAsJsonAsync($"/api/v1/counsellors/{id}/hours", new { weekly, exceptions = Array.Empty<object>() }), HttpStatusCode.OK);
        await BrowserApp.EnsureAsync(
            await admin.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" }), HttpStatusCode.OK);
        return id;
    }

    /// <summary>The names of a topic or language in every language of the reference data, e.g. family → tr → "Aile ve çocuklar".</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(HttpClient client, string kind, string code)
    {
        var items = await client.GetFromJsonAsync<JsonArray>($"/api/v1/{kind}");
        var item = items!.Single(i => i!["code"]!.GetValue<string>() == code)!;
        return item["names"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
    }
}
