using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NodaTime;
using OtpNet;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>
/// The authenticator app of a test account: TOTP codes at the fake clock's time (Otp.NET, like a phone), each time
/// step used once as the server demands, and the account's recovery codes for when the clock has not moved on.
/// </summary>
public sealed class Authenticator(byte[] secret, IClock clock)
{
    private readonly Queue<string> recoveryCodes = new();
    private long lastStep = long.MinValue;

    public byte[] Secret { get; } = secret;

    public static Authenticator FromBase32(string secret, IClock clock) => new(Base32Encoding.ToBytes(secret), clock);

    public static long StepAt(Instant instant) => instant.ToUnixTimeSeconds() / 30;

    /// <summary>The code for a given time step (for tests about replay and windows).</summary>
    public string CodeAt(long step) => new Totp(Secret).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

    /// <summary>
    /// A code the server will take now: the TOTP of the earliest unused step within one step of now (the server accepts
    /// one step either side), else one of the recovery codes.
    /// </summary>
    public string NextCode()
    {
        var now = StepAt(clock.GetCurrentInstant());
        var step = Math.Max(now - 1, lastStep + 1);
        if (step <= now + 1)
        {
            lastStep = step;
            return CodeAt(step);
        }

        return recoveryCodes.TryDequeue(out var code)
            ? code
            : throw new InvalidOperationException("No unused TOTP step or recovery code left; advance the fake clock by 30 seconds.");
    }

    /// <summary>Marks a step as used by someone else (e.g. a test that sent a code itself).</summary>
    public void Used(long step) => lastStep = Math.Max(lastStep, step);

    /// <summary>
    /// Signs in as an account without a second factor and sets one up through the API, as a person would with an
    /// authenticator app; returns the full token the set-up answers with, and the app.
    /// </summary>
    public static async Task<(string Token, Authenticator App)> EnrolAsync(
        HttpClient client, string username, string password, IClock clock, CancellationToken cancellationToken = default)
    {
        var signIn = await client.PostAsJsonAsync("/api/v1/auth/token", new { username, password }, cancellationToken);
        await Scenario.EnsureAsync(signIn, System.Net.HttpStatusCode.OK);
        var restricted = (await signIn.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!["accessToken"]!.GetValue<string>();

        var setup = await SendAsync(client, restricted, "/api/v1/auth/two-factor/setup", new { }, cancellationToken);
        var app = FromBase32(setup["secret"]!.GetValue<string>(), clock);
        var enabled = await SendAsync(client, restricted, "/api/v1/auth/two-factor/enable", new { code = app.NextCode() }, cancellationToken);
        app.AddRecoveryCodes(enabled["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()));
        return (enabled["accessToken"]!.GetValue<string>(), app);
    }

    private static async Task<JsonObject> SendAsync(HttpClient client, string token, string url, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await client.SendAsync(request, cancellationToken);
        await Scenario.EnsureAsync(response, System.Net.HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken))!;
    }

    public void AddRecoveryCodes(IEnumerable<string> codes)
    {
        recoveryCodes.Clear();
        foreach (var code in codes)
        {
            recoveryCodes.Enqueue(code);
        }
    }
}
