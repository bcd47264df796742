using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>Builds the usual state through the public API: a counsellor with published hours.</summary>
public static class Scenario
{
    public const string Zone = "Europe/Berlin";

    /// <summary>A counsellor speaking de/tr on family and education, Mon–Fri 09:00–12:00 in 45-minute slots, published for 1–14 December 2026.</summary>
    public static async Task<(Guid CounsellorId, List<JsonObject> Slots)> CounsellorWithSlotsAsync(
        HttpClient client, int capacity = 1, string name = "Testberaterin Erfunden")
    {
        var created = await client.PostAsJsonAsync("/api/v1/counsellors",
            new { displayName = name, languages = new[] { "de", "tr" }, topics = new[] { "family", "education" } });
        await EnsureAsync(created, HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();

        var weekly = new[] { "monday", "tuesday", "wednesday", "thursday", "friday" }
            .Select(d => new { weekday = d, from = "09:00", to = "12:00", slotMinutes = 45, mode = "in-person", location = "Raum 2", capacity });
        await EnsureAsync(await client.PutAsJsonAsync($"/api/v1/counsellors/{id}/hours", new { weekly, exceptions = Array.Empty<object>() }),
            HttpStatusCode.OK);
        await EnsureAsync(await client.PostAsJsonAsync($"/api/v1/counsellors/{id}/slots/publish", new { from = "2026-12-01", to = "2026-12-14" }),
            HttpStatusCode.OK);

        var slots = await client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/counsellors/{id}/slots?from=2026-12-01&to=2026-12-14");
        return (id, slots!);
    }

    /// <summary>The first page of <c>GET /api/v1/slots?{query}</c>.</summary>
    public static async Task<List<JsonObject>> SearchAsync(HttpClient client, string query)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/v1/slots?{query}");
        return page!["items"]!.AsArray().Select(item => item!.AsObject()).ToList();
    }

    public static object Booking(Guid slotId, string name = "Erfundene Testperson", string? phone = "+49 170 5550100",
        string? email = "testperson@example.invalid", string topic = "family", string language = "tr", string? concern = "Erfundenes Anliegen",
        bool interpreterNeeded = false) => new
    {
        slotId,
        name,
        phone,
        email,
        language,
        topic,
        interpreterNeeded,
        concern,
        consent = new { privacyNoticeVersion = "2026-11", accepted = true },
    };

    public static async Task<JsonObject> BookAsync(HttpClient client, Guid slotId)
    {
        var response = await client.PostAsJsonAsync("/api/v1/bookings", Booking(slotId));
        await EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static HttpRequestMessage WithToken(HttpMethod method, string url, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (token is not null)
        {
            request.Headers.Add("X-Booking-Token", token);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    public static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"Expected {(int)expected} but got {(int)response.StatusCode}: {body}");
        }
    }

    public static long Count(ApiFactory api, string sql)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Every byte of the database folder (file, WAL, shared memory), read while the app holds them open.</summary>
    public static byte[] DatabaseFolderBytes(ApiFactory api) => api.IsPostgreSql
        ? throw new InvalidOperationException("This test reads the SQLite file: give it [Trait(\"Database\", \"Sqlite\")].")
        : Directory.GetFiles(Path.GetDirectoryName(api.DatabasePath)!).SelectMany(path =>
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            return memory.ToArray();
        }).ToArray();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Erases a booking's personal data and shreds its key, as retention does, now.</summary>
    public static async Task EraseBookingAsync(ApiFactory api, string reference)
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM booking WHERE reference = @reference";
        command.AddParameter("@reference", reference);
        var id = Guid.Parse((string)command.ExecuteScalar()!);
        await using var scope = api.Services.CreateAsyncScope();
        var privacy = scope.ServiceProvider.GetRequiredService<Ditib.Beratung.Application.Privacy.IPrivacyRepository>();
        var cipher = scope.ServiceProvider.GetRequiredService<IEnvelopeCipher>();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().InTransactionAsync(async () =>
        {
            foreach (var key in await privacy.EraseBookingAsync(id, CancellationToken.None))
            {
                await cipher.ShredAsync(key, CancellationToken.None);
            }

            return id;
        }, CancellationToken.None);
    }

    /// <summary>Appends many audit entries about one subject in one transaction, as a busy year would.</summary>
    public static async Task AddAuditEntriesAsync(ApiFactory api, int count, string action, string subjectType, string? subjectId)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var trail = scope.ServiceProvider.GetRequiredService<IAuditTrail>();
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().InTransactionAsync(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await trail.RecordAsync(new AuditEvent(action, subjectType, subjectId), CancellationToken.None);
            }

            return count;
        }, CancellationToken.None);
    }
}
