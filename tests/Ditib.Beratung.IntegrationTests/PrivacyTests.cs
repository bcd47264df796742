using System.Net.Http.Json;
using System.Text;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

public sealed class PrivacyTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient client;

    public PrivacyTests() => client = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Trait("Database", "Sqlite")] // reads the SQLite file's bytes; sealing happens before SQL, alike on both providers
    [Fact]
    public async Task RawDatabaseFile_HoldsNoneOfABookingsPersonalData()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var secrets = new[] { "Quxwell Zyxtestperson", "+49 170 5550199", "quxwell.zyx@example.invalid", "Kindergeld-Testfall XYZZY-42" };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings")
        {
            Content = JsonContent.Create(Scenario.Booking(slots[0]["id"]!.GetValue<Guid>(),
                name: secrets[0], phone: secrets[1], email: secrets[2], concern: secrets[3])),
        };
        request.Headers.Add("Idempotency-Key", "privacy-test-0001");
        var response = await client.SendAsync(request);
        await Scenario.EnsureAsync(response, System.Net.HttpStatusCode.Created);
        var token = (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["manageToken"]!.GetValue<string>();
        secrets = [.. secrets, token];

        var files = Directory.GetFiles(Path.GetDirectoryName(api.DatabasePath)!);
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        var bytes = Scenario.DatabaseFolderBytes(api);
        Assert.True(bytes.Length > 0);
        foreach (var secret in secrets)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(secret)));
        }

        // The check itself can see plain text: the counsellor's name is stored in clear and is found.
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Testberaterin Erfunden")));
    }

    [Trait("Database", "Sqlite")] // reads the SQLite file's bytes; sealing happens before SQL, alike on both providers
    [Fact]
    public async Task CancellationReason_IsSealed_ShownBack_AndErasedWithTheBooking()
    {
        const string reason = "Liege im Krankenhaus QWXTEST-Grund";
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var booked = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        var (reference, token) = (booked["reference"]!.GetValue<string>(), booked["manageToken"]!.GetValue<string>());

        var cancelled = await client.SendAsync(Scenario.WithToken(HttpMethod.Post, $"/api/v1/bookings/{reference}/cancel", token, new { reason }));
        await Scenario.EnsureAsync(cancelled, System.Net.HttpStatusCode.OK);
        var shown = await (await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token)))
            .Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();

        Assert.Equal(reason, shown!["statusReason"]!.GetValue<string>());
        Assert.Equal(-1, Scenario.DatabaseFolderBytes(api).AsSpan().IndexOf(Encoding.UTF8.GetBytes("QWXTEST")));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status_reason_sealed IS NOT NULL AND status_reason IS NULL"));

        await Scenario.EraseBookingAsync(api, reference);

        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status_reason_sealed IS NOT NULL OR status_reason IS NOT NULL"));
    }

    [Fact]
    public async Task StartUp_SealsReasonsStoredInClearBefore_AndDropsThoseOfErasedBookings()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity: 2);
        var kept = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        var erased = await Scenario.BookAsync(client, slots[0]["id"]!.GetValue<Guid>());
        await Scenario.EraseBookingAsync(api, erased["reference"]!.GetValue<string>());
        using (var connection = api.OpenDatabase())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE booking SET status = 'cancelled-by-resident', status_reason = 'Alter Klartext-Grund QWXOLD'";
            command.ExecuteNonQuery();
        }

        Ditib.Beratung.Infrastructure.DependencyInjection.InitialiseInfrastructure(api.Services);

        var shown = await (await client.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{kept["reference"]}",
            kept["manageToken"]!.GetValue<string>()))).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>();
        Assert.Equal("Alter Klartext-Grund QWXOLD", shown!["statusReason"]!.GetValue<string>());
        Assert.Equal(0, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status_reason IS NOT NULL"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM booking WHERE status_reason_sealed IS NOT NULL"));
    }
}
