using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;

namespace Ditib.Beratung.Benchmarks.Load;

/// <summary>A bookable slot as the load clients need it: which topic and languages its counsellor offers.</summary>
public sealed record SeededSlot(Guid Id, string Topic, string[] Languages);

/// <summary>A counsellor's signed-in token and one of her cases, for writing notes.</summary>
public sealed record CaseTarget(string Token, Guid CaseId);

public sealed record SeededData(LocalDate FirstDay, int Days, List<SeededSlot> Slots, List<CaseTarget> Cases);

/// <summary>
/// Fills the fresh database through the public API, as the centre would: counsellor accounts and profiles, weekly
/// hours (Monday to Saturday 08:00–16:30, 30-minute slots: 17 a day), 90 days published from tomorrow (50 × 90 days ≈
/// 65,000 slots), and one case for some counsellors.
/// </summary>
public static class Seeder
{
    public const int Counsellors = 50;
    public const int Days = 90;
    public const int CounsellorsWithCases = 10;
    private const string CounsellorPassword = "Lastprobe-Tee-Und-Simit-Am-Morgen-7";

    public static async Task<SeededData> SeedAsync(HttpClient http, Uri api, int counsellorCount = Counsellors, int days = Days)
    {
        var admin = await SignInAsync(http, api, ApiServer.AdminUsername, ApiServer.AdminPassword);
        var zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
        var firstDay = SystemClock.Instance.GetCurrentInstant().InZone(zone).Date.PlusDays(1);
        var lastDay = firstDay.PlusDays(days - 1);

        var counsellors = new (Guid Id, string Username, string[] Topics)[counsellorCount];
        await Parallel.ForEachAsync(Enumerable.Range(0, counsellorCount), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, _) =>
        {
            var profile = Profiles.Counsellor(i);
            var username = $"lastprobe-beratung-{i:00}";
            var user = await SendAsync(http, admin, HttpMethod.Post, new Uri(api, "/api/v1/users"),
                new { username, password = CounsellorPassword, roles = new[] { "counsellor" } });
            var counsellor = await SendAsync(http, admin, HttpMethod.Post, new Uri(api, "/api/v1/counsellors"), new
            {
                displayName = profile.Name,
                languages = profile.Languages,
                topics = profile.Topics,
                userId = user["id"]!.GetValue<Guid>(),
            });
            var id = counsellor["id"]!.GetValue<Guid>();
            var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" }.Select(weekday => new
            {
                weekday, from = "08:00", to = "16:30", slotMinutes = 30, mode = "in-person", location = "Raum 2", capacity = 1,
            });
            await SendAsync(http, admin, HttpMethod.Put, new Uri(api, $"/api/v1/counsellors/{id}/hours"),
                new { weekly, exceptions = Array.Empty<object>() });
            await SendAsync(http, admin, HttpMethod.Post, new Uri(api, $"/api/v1/counsellors/{id}/slots/publish"),
                new { from = Date(firstDay), to = Date(lastDay) });
            counsellors[i] = (id, username, profile.Topics);
        });

        var slots = new List<SeededSlot>();
        foreach (var (id, _, _) in counsellors)
        {
            for (var from = firstDay; from <= lastDay; from = from.PlusDays(60))
            {
                var to = LocalDate.Min(from.PlusDays(59), lastDay);
                var listed = await SendAsync<JsonArray>(http, admin, HttpMethod.Get,
                    new Uri(api, $"/api/v1/counsellors/{id}/slots?from={Date(from)}&to={Date(to)}"), null);
                slots.AddRange(listed.Select(s => new SeededSlot(s!["id"]!.GetValue<Guid>(), s["topics"]![0]!.GetValue<string>(),
                    s["languages"]!.AsArray().Select(l => l!.GetValue<string>()).ToArray())));
            }
        }

        var cases = new List<CaseTarget>();
        foreach (var (_, username, topics) in counsellors.Take(Math.Min(CounsellorsWithCases, counsellorCount)))
        {
            var token = await SignInAsync(http, api, username, CounsellorPassword);
            var opened = await SendAsync(http, token, HttpMethod.Post, new Uri(api, "/api/v1/cases"), new
            {
                client = new { name = "Ayşe Yılmaz-Öztürk", phone = "0203 5550100", dateOfBirth = "1985-03-12" },
                topics = new[] { topics[0] },
            });
            cases.Add(new CaseTarget(token, opened["id"]!.GetValue<Guid>()));
        }

        return new SeededData(firstDay, days, slots, cases);
    }

    public static string Date(LocalDate date) => NodaTime.Text.LocalDatePattern.Iso.Format(date);

    /// <summary>
    /// A first sign-in as a person makes it: a password an admin set is replaced by the same plus "-eigen", then the
    /// second factor is set up with a code computed like an authenticator app (the server runs on the real clock).
    /// </summary>
    private static async Task<string> SignInAsync(HttpClient http, Uri api, string username, string password)
    {
        var answer = await SendAsync(http, null, HttpMethod.Post, new Uri(api, "/api/v1/auth/token"), new { username, password });
        var token = answer["accessToken"]!.GetValue<string>();
        if (answer["requires"]?.GetValue<string>() == "password-change")
        {
            answer = await SendAsync(http, token, HttpMethod.Post, new Uri(api, "/api/v1/auth/password"),
                new { currentPassword = password, newPassword = password + "-eigen" });
            token = answer["accessToken"]!.GetValue<string>();
        }

        if (answer["requires"]?.GetValue<string>() == "two-factor-setup")
        {
            var setup = await SendAsync(http, token, HttpMethod.Post, new Uri(api, "/api/v1/auth/two-factor/setup"), new { });
            var code = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(setup["secret"]!.GetValue<string>())).ComputeTotp(DateTime.UtcNow);
            answer = await SendAsync(http, token, HttpMethod.Post, new Uri(api, "/api/v1/auth/two-factor/enable"), new { code });
            token = answer["accessToken"]!.GetValue<string>();
        }

        return token;
    }

    private static Task<JsonObject> SendAsync(HttpClient http, string? token, HttpMethod method, Uri uri, object? body) =>
        SendAsync<JsonObject>(http, token, method, uri, body);

    private static async Task<T> SendAsync<T>(HttpClient http, string? token, HttpMethod method, Uri uri, object? body)
        where T : JsonNode
    {
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Seeding: {method} {uri.PathAndQuery} answered {(int)response.StatusCode}: {text}");
        }

        return (T)JsonNode.Parse(text)!;
    }
}
