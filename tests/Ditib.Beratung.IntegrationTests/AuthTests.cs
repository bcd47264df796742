using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests;

public sealed class AuthTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient anonymous;
    private readonly HttpClient admin;

    public AuthTests()
    {
        anonymous = api.CreateClient();
        admin = api.CreateClientAs(Roles.Admin);
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task SignIn_ReturnsABearerTokenThatLastsEightHours()
    {
        await CreateUserAsync("berater.test", Roles.Counsellor);

        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "Berater.Test", password = ApiFactory.TestPassword });

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(3, body["accessToken"]!.GetValue<string>().Split('.').Length);
        Assert.Equal("2026-11-30T16:00:00+00:00", body["expiresAt"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_UnknownUserAndWrongPassword_GetTheSameAnswer()
    {
        await CreateUserAsync("staff.test", Roles.Staff);

        var unknown = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "nobody.here", password = ApiFactory.TestPassword });
        var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "staff.test", password = "Falsches-Testpasswort-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var (a, b) = (await Scenario.ProblemAsync(unknown), await Scenario.ProblemAsync(wrong));
        Assert.Equal(a["title"]!.GetValue<string>(), b["title"]!.GetValue<string>());
        Assert.Equal(a["detail"]!.GetValue<string>(), b["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccountFor15Minutes()
    {
        await CreateUserAsync("lock.test", Roles.Staff);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "lock.test", password = $"Falsches-Passwort-{i}" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "lock.test", password = ApiFactory.TestPassword });
        api.Clock.Advance(Duration.FromMinutes(15));
        var later = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "lock.test", password = ApiFactory.TestPassword });

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        await Scenario.EnsureAsync(later, HttpStatusCode.OK);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'auth.lockout'"));
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'auth.sign-in' AND outcome = 'failure: locked out'"));
    }

    [Theory]
    [InlineData("short-pw-1", "password")]
    [InlineData("Passwort2026!", "password")]
    [InlineData("qwertz123456", "password")]
    [InlineData("123456789012", "password")]
    [InlineData("neue.kollegin-geheim", "password")]
    public async Task CreateUser_WithAWeakPassword_Returns400(string password, string field)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username = "neue.kollegin", password, roles = new[] { "staff" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task CreateUser_WithUnknownRoleOrTakenName_IsRefused()
    {
        await CreateUserAsync("doppelt.test", Roles.Staff);

        var role = await admin.PostAsJsonAsync("/api/v1/users", new { username = "rolle.test", password = ApiFactory.TestPassword, roles = new[] { "root" } });
        var taken = await admin.PostAsJsonAsync("/api/v1/users", new { username = "DOPPELT.test", password = ApiFactory.TestPassword, roles = new[] { "staff" } });

        Assert.Equal(HttpStatusCode.BadRequest, role.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
    }

    [Fact]
    public async Task DeactivatedUser_OldTokenStopsAtOnce_AndSignInFails_UntilReactivated()
    {
        var (client, userId, username) = await api.CreateClientAsAsync(Roles.Staff);
        await Scenario.EnsureAsync(await client.GetAsync("/api/v1/counsellors"), HttpStatusCode.OK);

        await Scenario.EnsureAsync(await admin.PostAsync($"/api/v1/users/{userId}/deactivate", null), HttpStatusCode.OK);
        var afterDeactivation = await client.GetAsync("/api/v1/counsellors");
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = ApiFactory.TestPassword });
        await Scenario.EnsureAsync(await admin.PostAsync($"/api/v1/users/{userId}/activate", null), HttpStatusCode.OK);
        var again = await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username));

        Assert.Equal(HttpStatusCode.Unauthorized, afterDeactivation.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        await Scenario.EnsureAsync(again, HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_EndsOldTokens_AndReturnsANewOne()
    {
        var (client, _, username) = await api.CreateClientAsAsync(Roles.Counsellor);

        var response = await client.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = ApiFactory.TestPassword, newPassword = "Ein-neues-langes-Testwort-7" });

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        var fresh = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/counsellors")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        await Scenario.EnsureAsync(await client.GetAsync("/api/v1/counsellors"), HttpStatusCode.OK);
        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username, "Ein-neues-langes-Testwort-7"));
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangePassword_WithWrongCurrentPassword_Returns422()
    {
        var (client, _, _) = await api.CreateClientAsAsync(Roles.Staff);

        var response = await client.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = "Nicht-das-richtige-1", newPassword = "Ein-neues-langes-Testwort-7" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey("currentPassword"));
    }

    [Fact]
    public async Task AdminResetsPassword_UsersOldTokenStops()
    {
        var (client, userId, username) = await api.CreateClientAsAsync(Roles.Staff);

        await Scenario.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/users/{userId}/password", new { password = "Zurueckgesetzt-Testwort-9" }),
            HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/counsellors")).StatusCode);
        await Scenario.EnsureAsync(await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username, "Zurueckgesetzt-Testwort-9")),
            HttpStatusCode.OK);
    }

    [Fact]
    public async Task ExpiredToken_IsRefused()
    {
        var (client, _, _) = await api.CreateClientAsAsync(Roles.Staff);
        api.Clock.Advance(Duration.FromHours(8) + Duration.FromMinutes(1));

        var response = await client.GetAsync("/api/v1/counsellors");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedWithAnotherKey_IsRefused_EvenForARealAccount()
    {
        var (client, userId, username) = await api.CreateClientAsAsync(Roles.Staff);
        using var connection = api.OpenDatabase();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT security_stamp FROM app_user WHERE id = '{userId}'";
        var stamp = (string)command.ExecuteScalar()!;
        var forged = new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = userId.ToString(), ["name"] = username, ["stamp"] = stamp, ["role"] = "admin" },
            Issuer = "ditib-beratung",
            Audience = "ditib-beratung-api",
            IssuedAt = ApiFactory.Start.ToDateTimeUtc(),
            NotBefore = ApiFactory.Start.ToDateTimeUtc(),
            Expires = ApiFactory.Start.ToDateTimeUtc().AddHours(1),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)), "HS256"),
        });
        var attacker = api.CreateClient();
        attacker.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, (await attacker.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task AdminUnlock_LiftsALockout()
    {
        var (_, userId, username) = await api.CreateClientAsAsync(Roles.Staff);
        for (var i = 0; i < 5; i++)
        {
            await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password = $"Falsches-Passwort-{i}" });
        }

        var locked = await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username));
        await Scenario.EnsureAsync(await admin.PostAsync($"/api/v1/users/{userId}/unlock", null), HttpStatusCode.OK);
        var unlocked = await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        await Scenario.EnsureAsync(unlocked, HttpStatusCode.OK);
    }

    [Fact]
    public async Task WrongCurrentPassword_CountsAsAFailedSignIn()
    {
        var (client, _, username) = await api.CreateClientAsAsync(Roles.Staff);
        for (var i = 0; i < 5; i++)
        {
            var response = await client.PostAsJsonAsync("/api/v1/auth/password",
                new { currentPassword = $"Geraten-Testwort-{i}", newPassword = "Ein-neues-langes-Testwort-7" });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }

        var signIn = await anonymous.PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username));

        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(5, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE outcome = 'failure: wrong current password'"));
    }

    [Fact]
    public async Task LockedAccount_CannotChangeItsPassword_EvenWithTheRightOne()
    {
        var (client, _, _) = await api.CreateClientAsAsync(Roles.Staff);
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = $"Geraten-Testwort-{i}", newPassword = "Ein-neues-langes-Testwort-7" });
        }

        var right = await client.PostAsJsonAsync("/api/v1/auth/password",
            new { currentPassword = ApiFactory.TestPassword, newPassword = "Ein-neues-langes-Testwort-7" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, right.StatusCode);
        Assert.Equal(1, Scenario.Count(api, "SELECT COUNT(*) FROM audit_entry WHERE action = 'auth.lockout'"));
    }

    private async Task CreateUserAsync(string username, params string[] roles) =>
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/users", new { username, password = ApiFactory.TestPassword, roles }),
            HttpStatusCode.Created);
}
