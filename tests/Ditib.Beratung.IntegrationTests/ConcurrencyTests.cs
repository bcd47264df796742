using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace Ditib.Beratung.IntegrationTests;

public sealed class ConcurrencyTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient client;

    public ConcurrencyTests() => client = api.CreateClientAs(Roles.Admin, Roles.Staff);

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task FiftyConcurrentBookings_OfOneSlot_FillExactlyItsCapacity(int capacity)
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity);
        var slotId = slots[0]["id"]!.GetValue<Guid>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId, name: $"Testperson Nummer {i}"))));

        Assert.Equal(capacity, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(50 - capacity, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(capacity, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE slot_id = '{slotId}' AND status = 'confirmed'"));
    }

    [Fact]
    public async Task TwoServersOnOneDatabase_StillNeverOverbook()
    {
        // Each host has its own in-process write gate, so only BEGIN IMMEDIATE and the triggers stand between them.
        using var second = new ApiFactory();
        second.UseDatabaseOf(api);
        var otherClient = second.CreateClient();
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client, capacity: 2);
        var slotId = slots[0]["id"]!.GetValue<Guid>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i =>
            (i % 2 == 0 ? client : otherClient).PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slotId, name: $"Testperson Nummer {i}"))));

        Assert.Equal(2, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.Equal(2, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE slot_id = '{slotId}' AND status = 'confirmed'"));
    }

    [Fact]
    public async Task Database_RejectsAnOverbooking_InsertedByPlainSql()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var slotId = slots[0]["id"]!.GetValue<Guid>();
        await Scenario.BookAsync(client, slotId);

        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO booking (id, reference, slot_id, status, sequence, token_hash, language_code, topic_code,
                                 interpreter_needed, booked_by, privacy_notice_version, consent_at, created_at)
            VALUES ('00000000-0000-7000-8000-000000000001', 'ZZZZ-ZZZZ', @slot, 'confirmed', 0, @hash, 'de', 'family',
                    0, 'staff', '2026-11', '2026-11-30T08:00:00.000000000Z', '2026-11-30T08:00:00.000000000Z')
            """;
        command.AddParameter("@slot", slotId.ToString()).AddParameter("@hash", new byte[] { 0 });

        var error = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());
        Assert.Contains("slot_full", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, $"SELECT COUNT(*) FROM booking WHERE slot_id = '{slotId}'"));
    }

    [Fact]
    public async Task Database_RejectsMovingABookingIntoAFullSlot_ByPlainSql()
    {
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(client);
        var (first, second) = (slots[0]["id"]!.GetValue<Guid>(), slots[1]["id"]!.GetValue<Guid>());
        var booked = await Scenario.BookAsync(client, first);
        await Scenario.BookAsync(client, second);

        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE booking SET slot_id = @to WHERE reference = @reference";
        command.AddParameter("@to", second.ToString());
        command.AddParameter("@reference", booked["reference"]!.GetValue<string>());

        var error = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());
        Assert.Contains("slot_full", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_RejectsOverlappingOpenSlots_ByPlainSql()
    {
        var (counsellorId, _) = await Scenario.CounsellorWithSlotsAsync(client);

        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO slot (id, counsellor_id, start_at, end_at, mode, capacity, status, created_at)
            VALUES ('00000000-0000-7000-8000-000000000002', @counsellor, '2026-12-01T08:30:00.000000000Z',
                    '2026-12-01T09:00:00.000000000Z', 'phone', 1, 'open', '2026-11-30T08:00:00.000000000Z')
            """;
        command.AddParameter("@counsellor", counsellorId.ToString());

        var error = Assert.ThrowsAny<DbException>(() => command.ExecuteNonQuery());
        Assert.Contains("slot_overlap", error.Message, StringComparison.Ordinal);
    }
}
