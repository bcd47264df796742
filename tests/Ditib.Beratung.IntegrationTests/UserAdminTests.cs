using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// Issue 15, the admin: resetting a user's second factor, ending a user's sessions and changing a user's roles over the
/// API. Each is audited and ends the user's bearer tokens and staff cookies at once; only admins may, an unknown id is
/// a 404, and the last active admin keeps the admin role.
/// </summary>
public sealed class UserAdminTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData("two-factor/reset", "user.two-factor-reset")]
    [InlineData("sessions/end", "user.sessions-end")]
    public async Task Step_EndsTheUsersTokenAndCookie_AndIsAudited(string step, string action)
    {
        var admin = api.CreateClientAs(Roles.Admin);
        var counsellor = await StaffSession.SignInAsync(api, Roles.Counsellor);
        var token = await api.SignInAsync(counsellor.Username);
        await Scenario.EnsureAsync(await token.GetAsync("/api/v1/counsellors"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await counsellor.GetAsync("/staff/account")).Status);

        var response = await admin.PostAsync($"/api/v1/users/{counsellor.UserId}/{step}", null);

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/v1/counsellors")).StatusCode);
        var page = await counsellor.GetAsync("/staff/account");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/staff/sign-in", new Uri(new Uri("https://localhost"), page.Location!).AbsolutePath);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM audit_entry WHERE action = '{action}' AND subject_id = '{counsellor.UserId}'"));
    }

    [Fact]
    public async Task ResetTwoFactor_TheNextSignInSetsUpANewFactor_AndTheOldRecoveryCodesAreGone()
    {
        var admin = api.CreateClientAs(Roles.Admin);
        var (_, userId, username) = await api.CreateClientAsAsync(Roles.Staff);
        Assert.True(Scenario.Count(api, $"SELECT count(*) FROM recovery_code WHERE user_id = '{userId}'") > 0);

        var reset = await admin.PostAsync($"/api/v1/users/{userId}/two-factor/reset", null);

        await Scenario.EnsureAsync(reset, HttpStatusCode.OK);
        var user = (await reset.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.False(user["twoFactorEnrolled"]!.GetValue<bool>());
        Assert.Equal(0, Scenario.Count(api, $"SELECT count(*) FROM recovery_code WHERE user_id = '{userId}'"));
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username, password = ApiFactory.TestPassword });
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
        Assert.Equal(PendingSteps.TwoFactorSetup, (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["requires"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("two-factor/reset")]
    [InlineData("sessions/end")]
    public async Task Step_ForAnUnknownUser_Is404(string step)
    {
        var admin = api.CreateClientAs(Roles.Admin);

        var response = await admin.PostAsync($"/api/v1/users/{Guid.NewGuid()}/{step}", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(Roles.Counsellor, "two-factor/reset")]
    [InlineData(Roles.Staff, "sessions/end")]
    [InlineData(Roles.Dpo, "two-factor/reset")]
    public async Task Step_ByANonAdmin_Is403_AndChangesNothing(string role, string step)
    {
        var (_, userId, _) = await api.CreateClientAsAsync(Roles.Staff);
        var other = api.CreateClientAs(role);

        var response = await other.PostAsync($"/api/v1/users/{userId}/{step}", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, Scenario.Count(api, $"SELECT count(*) FROM audit_entry WHERE action IN ('user.two-factor-reset', 'user.sessions-end') AND subject_id = '{userId}'"));
    }

    [Fact]
    public async Task GetUser_ShowsTheStateTheAdminNeeds_And404ForAnUnknownId()
    {
        var admin = api.CreateClientAs(Roles.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { username = "neu.erfunden", password = "Erfundenes-Startwort-2026", roles = new[] { "staff" } });
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();

        var user = (await admin.GetFromJsonAsync<JsonObject>($"/api/v1/users/{id}"))!;
        var unknown = await admin.GetAsync($"/api/v1/users/{Guid.NewGuid()}");

        Assert.True(user["active"]!.GetValue<bool>());
        Assert.False(user["twoFactorEnrolled"]!.GetValue<bool>());
        Assert.True(user["passwordChangeRequired"]!.GetValue<bool>());
        Assert.Null(user["lockedUntil"]);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task CreateUser_WithBadRoles_Is400NamingTheField()
    {
        var admin = api.CreateClientAs(Roles.Admin);

        var response = await admin.PostAsJsonAsync("/api/v1/users", new { username = "gut.erfunden", password = "Erfundenes-Startwort-2026", roles = new[] { "king" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await Scenario.ProblemAsync(response))["errors"]!.AsObject().ContainsKey("roles"));
    }

    [Fact]
    public async Task SetRoles_GivesTheNewRoles_EndsTheOldToken_AndIsAudited()
    {
        var admin = api.CreateClientAs(Roles.Admin);
        var (desk, userId, username) = await api.CreateClientAsAsync(Roles.Staff);

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = new[] { "staff", "dpo" } });

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal(["dpo", "staff"], (await response.Content.ReadFromJsonAsync<JsonObject>())!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await desk.GetAsync("/api/v1/counsellors")).StatusCode);
        await Scenario.EnsureAsync(await (await api.SignInAsync(username)).GetAsync("/api/v1/audit?limit=1"), HttpStatusCode.OK);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM audit_entry WHERE action = 'user.roles' AND subject_id = '{userId}' AND outcome = 'success: roles dpo,staff'"));
    }

    [Fact]
    public async Task SetRoles_WithoutAdmin_OnTheLastActiveAdmin_Is422_AndKeepsTheRole()
    {
        var (admin, adminId, _) = await api.CreateClientAsAsync(Roles.Admin);

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{adminId}/roles", new { roles = new[] { "staff" } });

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM user_role WHERE user_id = '{adminId}' AND role = 'admin'"));
        await Scenario.EnsureAsync(await admin.GetAsync("/api/v1/users"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task SetRoles_AnotherAdminMayDropTheirAdminRole_WhileOneRemains()
    {
        var admin = api.CreateClientAs(Roles.Admin);
        var (_, otherId, _) = await api.CreateClientAsAsync(Roles.Admin);

        var response = await admin.PutAsJsonAsync($"/api/v1/users/{otherId}/roles", new { roles = new[] { "dpo" } });

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal(0, Scenario.Count(api, $"SELECT count(*) FROM user_role WHERE user_id = '{otherId}' AND role = 'admin'"));
    }

    [Fact]
    public async Task SetRoles_BadInput_Is400NamingRoles_UnknownUser404_NonAdmin403()
    {
        var admin = api.CreateClientAs(Roles.Admin);
        var dpo = api.CreateClientAs(Roles.Dpo);
        var (_, userId, _) = await api.CreateClientAsAsync(Roles.Staff);

        var bad = await admin.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = new[] { "king" } });
        var empty = await admin.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = Array.Empty<string>() });
        var unknown = await admin.PutAsJsonAsync($"/api/v1/users/{Guid.NewGuid()}/roles", new { roles = new[] { "staff" } });
        var forbidden = await dpo.PutAsJsonAsync($"/api/v1/users/{userId}/roles", new { roles = new[] { "admin" } });

        Assert.True((await Scenario.ProblemAsync(bad))["errors"]!.AsObject().ContainsKey("roles"));
        Assert.True((await Scenario.ProblemAsync(empty))["errors"]!.AsObject().ContainsKey("roles"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(0, Scenario.Count(api, $"SELECT count(*) FROM user_role WHERE user_id = '{userId}' AND role <> 'staff'"));
    }
}
