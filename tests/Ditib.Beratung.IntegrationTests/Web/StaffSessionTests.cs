using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.IntegrationTests.Support;
using Ditib.Beratung.Web.Staff;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The staff pages' cookie sign-in: who gets in, what the cookie looks like, that /api never takes it, and every way a
/// session ends (sign-out on the server, a new security stamp, idle time, the absolute limit).
/// </summary>
public sealed class StaffSessionTests : IDisposable
{
    private readonly ApiFactory api = new();

    [Theory]
    [InlineData("/staff")]
    [InlineData("/staff/confirm?returnUrl=%2Fstaff")]
    public async Task StaffPage_WhenAnonymous_RedirectsToSignInWithReturnUrl(string url)
    {
        var page = await new PageBrowser(api).GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        var location = new Uri(new Uri("https://localhost"), page.Location!);
        Assert.Equal("/staff/sign-in", location.AbsolutePath);
        Assert.Equal($"?returnUrl={Uri.EscapeDataString(url)}", location.Query);
    }

    [Fact]
    public async Task StaffPage_WithBearerToken_RedirectsToSignIn()
    {
        var (signedIn, _, _) = await api.CreateClientAsAsync("counsellor");
        var client = api.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;

        var response = await client.GetAsync("/staff");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/sign-in", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_SetsHostPrefixedHttpOnlySecureStrictCookie_AndHomeIsNeverCached()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");
        var signIn = await session.SubmitSignInAsync();

        var cookie = Assert.Single(signIn.Response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StaffAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await session.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, home.Status);
        Assert.Equal("no-store", home.Response.Headers.CacheControl?.ToString());
        var csp = string.Join(";", home.Response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("Mein Tag", home.Heading);
        Assert.Single(home.Document.QuerySelectorAll("main"));
        Assert.NotNull(home.Document.QuerySelector("nav a[href='/staff/account']"));
    }

    [Fact]
    public async Task SignIn_AnswersNoStore_AndTheSameForAnyFailure()
    {
        var session = await StaffSession.SignInAsync(api, "staff");
        var browser = new PageBrowser(api);
        var form = await browser.GetAsync("/staff/sign-in");
        Assert.Equal("no-store", form.Response.Headers.CacheControl?.ToString());
        Assert.Equal("current-password", form.Document.QuerySelector("#password")!.GetAttribute("autocomplete"));
        Assert.Equal("username", form.Document.QuerySelector("#username")!.GetAttribute("autocomplete"));

        var wrongPassword = await browser.SubmitAsync(form, form.Form(".staff-form"),
            new Dictionary<string, string> { ["Username"] = session.Username, ["Password"] = "Falsches-Passwort-123" });
        var unknownUser = await browser.SubmitAsync(form, form.Form(".staff-form"),
            new Dictionary<string, string> { ["Username"] = "niemand-erfunden", ["Password"] = "Falsches-Passwort-123" });

        Assert.Equal(HttpStatusCode.OK, wrongPassword.Status);
        Assert.Equal(wrongPassword.Document.QuerySelector(".staff-errors")!.TextContent, unknownUser.Document.QuerySelector(".staff-errors")!.TextContent);
        Assert.False(wrongPassword.Response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith(StaffAuthentication.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_ReturnsToTheStaffPageAsked_ButNeverLeavesTheWorkspace()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");

        var back = await session.SubmitSignInAsync("/staff/account?tab=1");
        var outside = await session.SubmitSignInAsync("https://evil.example/staff");
        var sneaky = await session.SubmitSignInAsync("//evil.example/staff");

        Assert.Equal("/staff/account?tab=1", back.Location);
        Assert.Equal("/staff", outside.Location);
        Assert.Equal("/staff", sneaky.Location);
    }

    [Fact]
    public async Task AnErrorUnderStaff_IsAnsweredWithAStaffPage_NotProblemDetails()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");

        var page = await session.GetAsync("/staff/gibt-es-nicht");

        Assert.Equal(HttpStatusCode.NotFound, page.Response.StatusCode);
        Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Nicht gefunden", page.Heading);
        Assert.Equal("no-store", page.Response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Api_RefusesTheStaffCookie()
    {
        var session = await StaffSession.SignInAsync(api, "admin");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/account")).Status);

        var response = await session.Client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSessionOnTheServer_SoAReplayedCookieIsRefused()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");
        var stolen = session.SignInCookie!;

        var signedOut = await session.SignOutAsync();
        Assert.Equal(HttpStatusCode.Redirect, signedOut.Status);

        var thief = api.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/staff");
        request.Headers.Add("Cookie", stolen);
        var response = await thief.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in", response.Headers.Location!.AbsolutePath);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM staff_session WHERE user_id = '{session.UserId}' AND ended_at IS NOT NULL"));
    }

    [Fact]
    public async Task EverySignIn_StartsANewSession()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");
        var first = session.SignInCookie;

        await session.SignInAgainAsync();

        Assert.NotEqual(first, session.SignInCookie);
        Assert.Equal(2, Scenario.Count(api, $"SELECT count(*) FROM staff_session WHERE user_id = '{session.UserId}'"));
    }

    [Fact]
    public async Task NewSecurityStamp_EndsTheCookieSession()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");
        var admin = api.CreateClientAs("admin");

        var reset = await admin.PostAsJsonAsync($"/api/v1/users/{session.UserId}/password", new { password = "Neues-Erfundenes-Passwort-77" });
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        var page = await session.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/staff/sign-in", new Uri(new Uri("https://localhost"), page.Location!).AbsolutePath);
    }

    [Fact]
    public async Task Session_EndsAfterThirtyIdleMinutes_ButEachRequestRenewsIt()
    {
        var session = await StaffSession.SignInAsync(api, "staff");

        api.Clock.Advance(Duration.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/account")).Status);
        api.Clock.Advance(Duration.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/account")).Status);
        api.Clock.Advance(Duration.FromMinutes(31));

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/account")).Status);
    }

    [Fact]
    public async Task KeepAlive_Answers204_AndRenewsTheIdleLimit_ButNotForAnEndedSession()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");

        api.Clock.Advance(Duration.FromMinutes(29));
        var alive = await session.Client.GetAsync("/staff/keep-alive");
        api.Clock.Advance(Duration.FromMinutes(29));
        var page = await session.GetAsync("/staff");
        api.Clock.Advance(Duration.FromMinutes(31));
        var ended = await session.Client.GetAsync("/staff/keep-alive");

        Assert.Equal(HttpStatusCode.NoContent, alive.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
    }

    [Fact]
    public async Task Session_EndsTenHoursAfterSignIn_HoweverActive()
    {
        var session = await StaffSession.SignInAsync(api, "staff");

        for (var i = 0; i < 23; i++)
        {
            api.Clock.Advance(Duration.FromMinutes(25));
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/account")).Status);
        }

        api.Clock.Advance(Duration.FromMinutes(25));
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/account")).Status);
    }

    [Fact]
    public void FreshSecondFactor_CountsForFiveMinutes()
    {
        var at = ApiFactory.Start;
        var user = StaffClaims.Create(Guid.NewGuid(), "erfunden", ["counsellor"], "stamp", Guid.NewGuid(), at, at);

        Assert.True(FreshSecondFactor.IsFresh(user, at + Duration.FromMinutes(5)));
        Assert.False(FreshSecondFactor.IsFresh(user, at + Duration.FromMinutes(5) + Duration.FromSeconds(1)));
        Assert.False(FreshSecondFactor.IsFresh(StaffClaims.Create(Guid.NewGuid(), "erfunden", ["counsellor"], "stamp", Guid.NewGuid(), at, null), at));
    }

    [Fact]
    public async Task ConfirmPage_ComesBackToTheStaffPage_ButNeverLeavesTheWorkspace()
    {
        var session = await StaffSession.SignInAsync(api, "counsellor");

        var back = await session.SubmitAsync("/staff/confirm?returnUrl=%2Fstaff%2Faccount",
            new Dictionary<string, string> { ["Code"] = session.Authenticator.NextCode() });
        var outside = await session.SubmitAsync("/staff/confirm?returnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Code"] = session.Authenticator.NextCode() });

        Assert.Equal("/staff/account", back.Location);
        Assert.Equal("/staff", outside.Location);
    }

    public void Dispose() => api.Dispose();
}
