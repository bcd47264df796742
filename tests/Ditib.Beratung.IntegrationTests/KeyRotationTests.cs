using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Infrastructure.Security;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests;

public sealed class KeyRotationTests : IDisposable
{
    private const string NewKeyId = "test-key-2";

    private readonly ApiFactory api = new();
    private readonly string newKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public void Dispose() => api.Dispose();

    [Trait("Database", "Sqlite")] // reads the checkpointed SQLite file
    [Fact]
    public async Task RotatingToANewMasterKey_KeepsBookingsReadable_OnAHostThatHasOnlyTheNewKey()
    {
        // Host 1: only the original master key (test-key-1). A resident books, with an idempotency key.
        var staff = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        var booking = Scenario.Booking(slots[0]["id"]!.GetValue<Guid>(), name: "Erfundene Rotationsperson");
        var booked = await BookAsync(api.CreateClient(), booking);
        var reference = booked["reference"]!.GetValue<string>();
        var token = booked["manageToken"]!.GetValue<string>();
        var dataKeys = Scenario.Count(api, "SELECT COUNT(*) FROM data_key");
        Assert.True(dataKeys >= 2, "The booking and its stored idempotent answer each have a data key.");
        var sealedBefore = SealedPayloads();
        var wrappedByOldKey = WrappedKeys();

        // Host 2, same database: old and new master keys, the new one active. Rotate.
        using var rotating = new ApiFactory();
        rotating.UseDatabaseOf(api);
        rotating.Settings["Beratung:Encryption:MasterKeys:1:Id"] = NewKeyId;
        rotating.Settings["Beratung:Encryption:MasterKeys:1:Key"] = newKey;
        rotating.Settings["Beratung:Encryption:ActiveKeyId"] = NewKeyId;
        var result = await RotateAsync(rotating);

        Assert.Equal(dataKeys, result.Rewrapped);
        Assert.Equal(0, result.AlreadyCurrent);
        Assert.Empty(result.MissingMasterKey);
        Assert.Equal(dataKeys, Scenario.Count(api, $"SELECT COUNT(*) FROM data_key WHERE master_key_id = '{NewKeyId}'"));
        Assert.Equal(sealedBefore, SealedPayloads()); // no ciphertext was touched
        var file = CheckpointedDatabaseFile();
        Assert.All(wrappedByOldKey, wrapped => Assert.Equal(-1, file.AsSpan().IndexOf(wrapped))); // no copy under the old key is left

        var second = await RotateAsync(rotating);
        Assert.Equal((0, (int)dataKeys, 0), (second.Rewrapped, second.AlreadyCurrent, second.MissingMasterKey.Count));

        // Host 3, same database: only the new master key; the old one is retired.
        using var newOnly = new ApiFactory();
        newOnly.UseDatabaseOf(api);
        newOnly.Settings["Beratung:Encryption:MasterKeys:0:Id"] = NewKeyId;
        newOnly.Settings["Beratung:Encryption:MasterKeys:0:Key"] = newKey;
        newOnly.Settings["Beratung:Encryption:ActiveKeyId"] = NewKeyId;
        var resident = newOnly.CreateClient();

        var response = await resident.SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token));

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var read = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("Erfundene Rotationsperson", read["name"]!.GetValue<string>());
        Assert.Equal("testperson@example.invalid", read["email"]!.GetValue<string>());
        Assert.Equal("Erfundenes Anliegen", read["concern"]!.GetValue<string>());

        // The stored idempotent answer (sealed with its own data key) opens too: a retry gets the same booking.
        var replay = await BookAsync(resident, booking);
        Assert.Equal(reference, replay["reference"]!.GetValue<string>());
        Assert.Equal(token, replay["manageToken"]!.GetValue<string>());

        // Host 1 still has only the old master key: it can no longer open the re-wrapped keys.
        var stale = await api.CreateClient().SendAsync(Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", token));
        Assert.NotEqual(HttpStatusCode.OK, stale.StatusCode);
    }

    [Trait("Database", "Sqlite")] // SQLite's secure_delete wipes the file; PostgreSQL has none (README)
    [Fact]
    public async Task Shredding_ADataKey_MakesItsDataUndecryptable_AndWipesTheWrappedKeyFromTheFile()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
        var cipher = scope.ServiceProvider.GetRequiredService<IEnvelopeCipher>();
        await unitOfWork.BeginAsync(CancellationToken.None);
        var shredded = await cipher.CreateDataKeyAsync(CancellationToken.None);
        var kept = await cipher.CreateDataKeyAsync(CancellationToken.None);
        var shreddedSealed = await cipher.EncryptAsync(shredded, "Erfundene Notiz A"u8.ToArray(), "case:a", CancellationToken.None);
        var keptSealed = await cipher.EncryptAsync(kept, "Erfundene Notiz B"u8.ToArray(), "case:b", CancellationToken.None);
        await unitOfWork.CommitAsync(CancellationToken.None);
        var wrapped = WrappedKey(shredded);

        await unitOfWork.BeginAsync(CancellationToken.None);
        await cipher.ShredAsync(shredded, CancellationToken.None);
        await unitOfWork.CommitAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<DataKeyNotFoundException>(
            () => cipher.DecryptAsync(shredded, shreddedSealed, "case:a", CancellationToken.None));
        Assert.Contains("erased", error.Message, StringComparison.Ordinal);
        Assert.Equal("Erfundene Notiz B"u8.ToArray(), await cipher.DecryptAsync(kept, keptSealed, "case:b", CancellationToken.None));
        Assert.Equal(0, Scenario.Count(api, $"SELECT COUNT(*) FROM data_key WHERE id = '{shredded}'"));
        Assert.Equal(-1, CheckpointedDatabaseFile().AsSpan().IndexOf(wrapped));
    }

    [Fact]
    public async Task Shredding_AKeyABookingStillReferences_IsRefused_AndChangesNothing()
    {
        var staff = api.CreateClientAs(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staff);
        var booked = await Scenario.BookAsync(api.CreateClient(), slots[0]["id"]!.GetValue<Guid>());
        var reference = booked["reference"]!.GetValue<string>();
        Guid dataKeyId;
        using (var connection = api.OpenDatabase())
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT data_key_id FROM booking WHERE reference = @reference";
            query.AddParameter("@reference", reference);
            dataKeyId = Guid.Parse((string)query.ExecuteScalar()!);
        }

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var unitOfWork = scope.ServiceProvider.GetRequiredService<IUnitOfWork>();
            await unitOfWork.BeginAsync(CancellationToken.None);
            await Assert.ThrowsAsync<ConflictException>(
                () => scope.ServiceProvider.GetRequiredService<IEnvelopeCipher>().ShredAsync(dataKeyId, CancellationToken.None));
            await unitOfWork.RollbackAsync();
        }

        var response = await api.CreateClient().SendAsync(
            Scenario.WithToken(HttpMethod.Get, $"/api/v1/bookings/{reference}", booked["manageToken"]!.GetValue<string>()));
        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The database file after the WAL has been written back into it and emptied.</summary>
    private byte[] CheckpointedDatabaseFile()
    {
        using (var connection = api.OpenDatabase())
        using (var checkpoint = connection.CreateCommand())
        {
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            using var reader = checkpoint.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(0, reader.GetInt32(0)); // not blocked by a reader or writer
        }

        return File.ReadAllBytes(api.DatabasePath);
    }

    private List<byte[]> WrappedKeys()
    {
        using var connection = api.OpenDatabase();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT wrapped_key FROM data_key";
        using var reader = query.ExecuteReader();
        var keys = new List<byte[]>();
        while (reader.Read())
        {
            keys.Add((byte[])reader.GetValue(0));
        }

        return keys;
    }

    private byte[] WrappedKey(Guid dataKeyId)
    {
        using var connection = api.OpenDatabase();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT wrapped_key FROM data_key WHERE id = @id";
        query.AddParameter("@id", dataKeyId.ToString("D"));
        return (byte[])query.ExecuteScalar()!;
    }

    private static async Task<KeyRotationResult> RotateAsync(ApiFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KeyRotation>().RotateAsync(CancellationToken.None);
    }

    private static async Task<JsonObject> BookAsync(HttpClient client, object booking)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(booking) };
        request.Headers.Add("Idempotency-Key", "key-rotation-test-0001");
        var response = await client.SendAsync(request);
        await Scenario.EnsureAsync(response, HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Every ciphertext sealed with a data key, as stored.</summary>
    private List<string> SealedPayloads()
    {
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT hex(personal_data) FROM booking
            UNION ALL SELECT hex(sealed_answer) FROM idempotency_key
            ORDER BY 1
            """;
        using var reader = command.ExecuteReader();
        var payloads = new List<string>();
        while (reader.Read())
        {
            payloads.Add(reader.GetString(0));
        }

        Assert.NotEmpty(payloads);
        return payloads;
    }
}
