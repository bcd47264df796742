using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>The second factor over the API: the sign-in contract, set-up, replay, recovery codes and freshness.</summary>
public sealed class SecondFactorTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient anonymous;

    public SecondFactorTests() => anonymous = api.CreateClient();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task SignIn_WhenEnrolledWithoutCode_Returns401SecondFactorRequired()
    {
        var (_, _, username) = await api.CreateClientAsAsync(Roles.Counsellor);

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = ApiFactory.TestPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("second-factor-required", (await Scenario.ProblemAsync(response))["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_WhenNotEnrolled_GivesASetUpToken_GoodOnlyForTheTwoFactorCalls()
    {
        await api.CreateUserAsync("neu.erfunden", Roles.Staff);

        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "neu.erfunden", password = ApiFactory.TestPassword });
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
        var body = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("two-factor-setup", body["requires"]!.GetValue<string>());
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());

        var elsewhere = await client.GetAsync("/api/v1/agenda?date=2026-12-01");
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("two-factor-setup-required", (await Scenario.ProblemAsync(elsewhere))["code"]!.GetValue<string>());
        var password = await client.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = ApiFactory.TestPassword, newPassword = "Anderes-Erfundenes-Wort-4" });
        Assert.Equal(HttpStatusCode.Forbidden, password.StatusCode);

        var setup = await client.PostAsJsonAsync("/api/v1/auth/two-factor/setup", new { });
        await Scenario.EnsureAsync(setup, HttpStatusCode.OK);
        var secret = (await setup.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Matches("^[A-Z2-7]{32}$", secret["secret"]!.GetValue<string>());
        Assert.StartsWith("otpauth://totp/", secret["otpauthUri"]!.GetValue<string>(), StringComparison.Ordinal);
        var app = Authenticator.FromBase32(secret["secret"]!.GetValue<string>(), api.Clock);

        var enable = await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = app.NextCode() });
        await Scenario.EnsureAsync(enable, HttpStatusCode.OK);
        var enabled = (await enable.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(10, enabled["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).Distinct().Count());
        Assert.Null(enabled["requires"]);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/agenda?date=2026-12-01")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", enabled["accessToken"]!.GetValue<string>());
        await Scenario.EnsureAsync(await client.GetAsync("/api/v1/agenda?date=2026-12-01"), HttpStatusCode.OK);
        Assert.Equal(1, Scenario.Count(api, "SELECT count(*) FROM audit_entry WHERE action = 'user.second-factor-enabled'"));
    }

    [Fact]
    public async Task Enable_WithAWrongCode_Returns422_AndTheSecondFactorStaysOff()
    {
        await api.CreateUserAsync("falsch.erfunden", Roles.Staff);
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "falsch.erfunden", password = ApiFactory.TestPassword });
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        await Scenario.EnsureAsync(await client.PostAsJsonAsync("/api/v1/auth/two-factor/setup", new { }), HttpStatusCode.OK);

        var enable = await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = "000000" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, enable.StatusCode);
        Assert.Equal(0, Scenario.Count(api, "SELECT count(*) FROM app_user WHERE username = 'falsch.erfunden' AND totp_secret IS NOT NULL"));
    }

    [Fact]
    public async Task Code_IsAcceptedOnce_AndOneStepEitherSide_ButNotTwo()
    {
        var (_, _, username) = await api.CreateClientAsAsync(Roles.Staff);
        var app = api.AuthenticatorOf(username);
        api.Clock.Advance(Duration.FromMinutes(10));
        var now = Authenticator.StepAt(api.Clock.GetCurrentInstant());

        var tooOld = await SignInAsync(username, app.CodeAt(now - 2));
        var tooNew = await SignInAsync(username, app.CodeAt(now + 2));
        var previous = await SignInAsync(username, app.CodeAt(now - 1));
        var replayed = await SignInAsync(username, app.CodeAt(now - 1));
        var current = await SignInAsync(username, app.CodeAt(now));
        var olderThanTheLast = await SignInAsync(username, app.CodeAt(now - 1));
        var next = await SignInAsync(username, app.CodeAt(now + 1));

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK,
            HttpStatusCode.Unauthorized, HttpStatusCode.OK],
            new[] { tooOld, tooNew, previous, replayed, current, olderThanTheLast, next }.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task RecoveryCode_SignsInOnce_AndEachUseIsAudited()
    {
        await api.CreateUserAsync("wieder.erfunden", Roles.Staff);
        var enrolment = await EnrolWithCodesAsync("wieder.erfunden");

        var first = await SignInAsync("wieder.erfunden", enrolment[0].ToLowerInvariant());
        var again = await SignInAsync("wieder.erfunden", enrolment[0]);
        var second = await SignInAsync("wieder.erfunden", enrolment[1].Replace("-", "", StringComparison.Ordinal));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.OK], new[] { first, again, second }.Select(r => r.StatusCode));
        Assert.Equal(2, Scenario.Count(api, "SELECT count(*) FROM audit_entry WHERE action = 'auth.recovery-code'"));
        Assert.Equal(8, Scenario.Count(api, "SELECT count(*) FROM recovery_code WHERE used_at IS NULL"));
        Assert.Equal(0, Scenario.Count(api, $"SELECT count(*) FROM recovery_code WHERE code_hash = '{enrolment[2]}'"));
    }

    [Fact]
    public async Task WrongCodes_CountLikeWrongPasswords_AndTheAnswerDoesNotSayWhichWasWrong()
    {
        var (_, _, username) = await api.CreateClientAsAsync(Roles.Staff);
        var app = api.AuthenticatorOf(username);

        var wrongPassword = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = "Falsches-Passwort-1", code = app.NextCode() });
        var wrongCode = await SignInAsync(username, "999999");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(username, "12345" + i)).StatusCode);
        }

        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var (a, b) = (await Scenario.ProblemAsync(wrongPassword), await Scenario.ProblemAsync(wrongCode));
        Assert.Equal(a.ToJsonString().Split("traceId")[0], b.ToJsonString().Split("traceId")[0]);
        Assert.Equal(1, Scenario.Count(api, "SELECT count(*) FROM audit_entry WHERE action = 'auth.lockout'"));
    }

    [Fact]
    public async Task NewRecoveryCodes_WantASecondFactorFromTheLastFiveMinutes_AndReplaceTheOldOnes()
    {
        var (client, _, username) = await api.CreateClientAsAsync(Roles.Staff);
        api.Clock.Advance(Duration.FromMinutes(6));

        var stale = await client.PostAsync("/api/v1/auth/two-factor/recovery-codes", null);
        var staleSetup = await client.PostAsJsonAsync("/api/v1/auth/two-factor/setup", new { });
        var fresh = await api.SignInAsync(username);
        var renewed = await fresh.PostAsync("/api/v1/auth/two-factor/recovery-codes", null);

        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, staleSetup.StatusCode);
        await Scenario.EnsureAsync(renewed, HttpStatusCode.OK);
        Assert.Equal(10, (await renewed.Content.ReadFromJsonAsync<JsonObject>())!["recoveryCodes"]!.AsArray().Count);
        Assert.Equal(10, Scenario.Count(api, "SELECT count(*) FROM recovery_code"));
        Assert.Equal(1, Scenario.Count(api, "SELECT count(*) FROM audit_entry WHERE action = 'user.recovery-codes'"));
    }

    [Trait("Database", "Sqlite")] // reads the SQLite file's bytes; sealing happens before SQL, alike on both providers
    [Fact]
    public async Task TheSecret_IsStoredSealed()
    {
        await api.CreateUserAsync("versiegelt.erfunden", Roles.Staff);
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "versiegelt.erfunden", password = ApiFactory.TestPassword });
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var setup = await client.PostAsJsonAsync("/api/v1/auth/two-factor/setup", new { });
        var secret = OtpNet.Base32Encoding.ToBytes((await setup.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>());

        var stored = Scenario.DatabaseFolderBytes(api);

        Assert.False(stored.AsSpan().IndexOf(secret) >= 0, "the TOTP secret is in the database in clear");
    }

    private async Task<HttpResponseMessage> SignInAsync(string username, string code) =>
        await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = ApiFactory.TestPassword, code });

    private async Task<List<string>> EnrolWithCodesAsync(string username)
    {
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = ApiFactory.TestPassword });
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>());
        var setup = await client.PostAsJsonAsync("/api/v1/auth/two-factor/setup", new { });
        var app = Authenticator.FromBase32((await setup.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>(), api.Clock);
        var enable = await client.PostAsJsonAsync("/api/v1/auth/two-factor/enable", new { code = app.NextCode() });
        return (await enable.Content.ReadFromJsonAsync<JsonObject>())!["recoveryCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
    }
}
