using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// Issue 13, item 7: a password set by someone else (an admin's reset, or an account an admin created) must be
/// changed at the next sign-in; until then the token is good for nothing else, so an admin cannot quietly act as a
/// counsellor. The reset is audited.
/// </summary>
public sealed class PasswordSetByOtherTests : IDisposable
{
    private const string ResetPassword = "Vom-Admin-Gesetzt-Testwort-5";
    private const string OwnPassword = "Selbst-Gewaehlt-Testwort-6";

    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task AfterAnAdminsReset_TheFirstSignIn_MayOnlyChangeThePassword()
    {
        var admin = api.CreateClientAs(Roles.Admin);
        var (_, userId, username) = await api.CreateClientAsAsync(Roles.Counsellor);
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/users/{userId}/password", new { password = ResetPassword }), HttpStatusCode.OK);

        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username, ResetPassword));
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
        var body = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("password-change", body["requires"]!.GetValue<string>());
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());

        var cases = await client.GetAsync("/api/v1/cases");
        Assert.Equal(HttpStatusCode.Forbidden, cases.StatusCode);
        Assert.Equal("password-change-required", (await Scenario.ProblemAsync(cases))["code"]!.GetValue<string>());

        var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ResetPassword, newPassword = OwnPassword });
        await Scenario.EnsureAsync(changed, HttpStatusCode.OK);
        var fresh = (await changed.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Null(fresh["requires"]);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fresh["accessToken"]!.GetValue<string>());
        await Scenario.EnsureAsync(await client.GetAsync("/api/v1/counsellors"), HttpStatusCode.OK);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM audit_entry WHERE action = 'user.password-reset' AND subject_id = '{userId}'"));
    }

    [Fact]
    public async Task AnAccountAnAdminCreated_ChangesItsPasswordFirst_ThenSetsUpItsSecondFactor()
    {
        var admin = api.CreateClientAs(Roles.Admin);
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/users",
            new { username = "neu.vom.admin", password = ResetPassword, roles = new[] { "staff" } }), HttpStatusCode.Created);

        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "neu.vom.admin", password = ResetPassword });
        var first = (await signIn.Content.ReadFromJsonAsync<JsonObject>())!;
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", first["accessToken"]!.GetValue<string>());
        var setupTooEarly = await client.PostAsJsonAsync("/api/v1/auth/two-factor/setup", new { });
        var changed = await client.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = ResetPassword, newPassword = OwnPassword });

        Assert.Equal("password-change", first["requires"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, setupTooEarly.StatusCode);
        await Scenario.EnsureAsync(changed, HttpStatusCode.OK);
        Assert.Equal("two-factor-setup", (await changed.Content.ReadFromJsonAsync<JsonObject>())!["requires"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAdminResettingTheirOwnPassword_IsNotAskedToChangeItAgain()
    {
        var (admin, adminId, username) = await api.CreateClientAsAsync(Roles.Admin);

        await Scenario.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/users/{adminId}/password", new { password = OwnPassword }), HttpStatusCode.OK);
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", api.SignInBody(username, OwnPassword));

        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
        Assert.Null((await signIn.Content.ReadFromJsonAsync<JsonObject>())!["requires"]);
    }
}
