using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.Logging;

namespace Ditib.Beratung.IntegrationTests;

public sealed class LogPrivacyTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly CapturingLoggerProvider logs = new();

    public LogPrivacyTests() => api.LoggerProvider = logs;

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task BookingAndSignIn_LeaveNoPersonalDataInTheLogs()
    {
        var (staffClient, _, username) = await api.CreateClientAsAsync(Roles.Admin, Roles.Staff);
        var (_, slots) = await Scenario.CounsellorWithSlotsAsync(staffClient);
        var secrets = new[] { "Wulfhilde Testmann-Quxx", "+49 170 5550177", "wulfhilde.quxx@example.invalid", "Schulden-Testfall ZZTOP", ApiFactory.TestPassword };

        var anonymous = api.CreateClient();
        var booked = await anonymous.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[0]["id"]!.GetValue<Guid>(),
            name: secrets[0], phone: secrets[1], email: secrets[2], concern: secrets[3]));
        await Scenario.EnsureAsync(booked, HttpStatusCode.Created);
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username));
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Falsch-" + ApiFactory.TestPassword });
        await anonymous.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(slots[0]["id"]!.GetValue<Guid>(), name: secrets[0], email: "kaputt@"));

        Assert.NotEmpty(logs.Lines);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(logs.Lines, line => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }
}
