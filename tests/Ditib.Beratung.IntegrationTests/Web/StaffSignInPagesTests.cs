using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The staff sign-in's later steps as pages: the code, the enrolment at the first sign-in, the forced password
/// change, and the account page's second-factor, recovery-code and sign-out-everywhere actions.
/// </summary>
public sealed class StaffSignInPagesTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task FirstSignIn_LeadsToEnrolment_WithQrCodeAndSecret_ThenShowsTenRecoveryCodesOnce()
    {
        await api.CreateUserAsync("erst.erfunden", Roles.Counsellor);
        var browser = new PageBrowser(api);

        var signedIn = await SubmitPasswordAsync(browser, "erst.erfunden", "/staff/account");
        Assert.StartsWith("/staff/enrol?returnUrl=%2Fstaff%2Faccount", signedIn.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/staff")).Status);

        var enrol = await browser.GetAsync(signedIn.Location!);
        Assert.Equal(HttpStatusCode.OK, enrol.Status);
        Assert.StartsWith("data:image/png;base64,", enrol.Document.QuerySelector("main img")!.GetAttribute("src"), StringComparison.Ordinal);
        var shown = enrol.Document.QuerySelector("#secret")!.TextContent.Trim();
        Assert.Matches("^([A-Z2-7]{4} ){7}[A-Z2-7]{4}$", shown);
        var app = Authenticator.FromBase32(shown.Replace(" ", "", StringComparison.Ordinal), api.Clock);

        var wrong = await browser.SubmitAsync(enrol, enrol.Form(".staff-form"), new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Equal(shown, wrong.Document.QuerySelector("#secret")!.TextContent.Trim());
        Assert.NotNull(wrong.Document.QuerySelector(".staff-errors"));

        var done = await browser.SubmitAsync(wrong, wrong.Form(".staff-form"), new Dictionary<string, string> { ["Code"] = app.NextCode() });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Equal(10, done.Document.QuerySelectorAll(".recovery-codes li").Length);
        Assert.Equal("/staff/account", done.Document.QuerySelector("main a.button")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff/account")).Status);
        var again = await browser.GetAsync("/staff/enrol");
        Assert.NotEqual(shown, again.Document.QuerySelector("#secret")!.TextContent.Trim());
    }

    [Fact]
    public async Task PasswordAlone_OpensNoStaffPage_UntilTheCodeIsGiven()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Staff);
        var browser = new PageBrowser(api);

        var password = await SubmitPasswordAsync(browser, session.Username, null);
        var home = await browser.GetAsync("/staff");
        var account = await browser.GetAsync("/staff/account");

        Assert.StartsWith("/staff/sign-in/code", password.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.Status);
        Assert.Equal(HttpStatusCode.Redirect, account.Status);
        var code = await browser.GetAsync(password.Location!);
        Assert.Equal("one-time-code", code.Document.QuerySelector("#code")!.GetAttribute("autocomplete"));
        Assert.Equal("numeric", code.Document.QuerySelector("#code")!.GetAttribute("inputmode"));
    }

    [Fact]
    public async Task AReplayedCode_IsRefusedOnTheCodePage()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Staff);
        api.Clock.Advance(Duration.FromMinutes(5));
        var code = session.Authenticator.NextCode();
        await session.SignInAgainAsync(code: code);

        var replay = await session.SubmitSignInAsync(code: code);

        Assert.Equal(HttpStatusCode.OK, replay.Status);
        Assert.NotNull(replay.Document.QuerySelector(".staff-errors"));
    }

    [Fact]
    public async Task AfterAnAdminsReset_TheSignInAsksForANewPasswordFirst()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Counsellor);
        var admin = api.CreateClientAs(Roles.Admin);
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync($"/api/v1/users/{session.UserId}/password",
            new { password = "Vom-Admin-Gesetzt-Testwort-5" }), HttpStatusCode.OK);
        var browser = new PageBrowser(api);

        var password = await SubmitPasswordAsync(browser, session.Username, null, "Vom-Admin-Gesetzt-Testwort-5");
        var codePage = await browser.GetAsync(password.Location!);
        var coded = await browser.SubmitAsync(codePage, codePage.Form(".staff-form"),
            new Dictionary<string, string> { ["Code"] = session.Authenticator.NextCode() });
        Assert.StartsWith("/staff/password", coded.Location, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/staff")).Status);

        var form = await browser.GetAsync(coded.Location!);
        var weak = await browser.SubmitAsync(form, form.Form(".staff-form"),
            new Dictionary<string, string> { ["CurrentPassword"] = "Vom-Admin-Gesetzt-Testwort-5", ["NewPassword"] = "kurz" });
        Assert.NotNull(weak.Document.QuerySelector(".staff-errors a[href='#new-password']"));
        var changed = await browser.SubmitAsync(weak, weak.Form(".staff-form"),
            new Dictionary<string, string> { ["CurrentPassword"] = "Vom-Admin-Gesetzt-Testwort-5", ["NewPassword"] = "Selbst-Gewaehlt-Testwort-6" });

        Assert.Equal("/staff", changed.Location);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/staff")).Status);
    }

    [Fact]
    public async Task NewRecoveryCodes_OnTheAccountPage_AskForTheCodeAgainAfterFiveMinutes()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Staff);
        api.Clock.Advance(Duration.FromMinutes(6));

        var account = await session.GetAsync("/staff/account");
        var stale = await session.Browser.SubmitAsync(account, account.Form("form[action*='RecoveryCodes']"));
        Assert.Equal("/staff/confirm?returnUrl=%2Fstaff%2Faccount", stale.Location);

        await session.ConfirmSecondFactorAsync();
        account = await session.GetAsync("/staff/account");
        var fresh = await session.Browser.SubmitAsync(account, account.Form("form[action*='RecoveryCodes']"));

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(10, fresh.Document.QuerySelectorAll(".recovery-codes li").Length);
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySessionAndToken()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Staff);
        var other = new PageBrowser(api);
        var elsewhere = await SubmitPasswordAsync(other, session.Username, null);
        var code = await other.GetAsync(elsewhere.Location!);
        await other.SubmitAsync(code, code.Form(".staff-form"), new Dictionary<string, string> { ["Code"] = session.Authenticator.NextCode() });
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/staff/account")).Status);
        var bearer = await api.SignInAsync(session.Username);

        var account = await session.GetAsync("/staff/account");
        var signedOut = await session.Browser.SubmitAsync(account, account.Form("form[action*='SignOutEverywhere']"));

        Assert.Equal("/staff/sign-in?signedOut=true", signedOut.Location);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/staff/account")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await other.GetAsync("/staff/account")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/agenda?date=2026-12-01")).StatusCode);
    }

    [Fact]
    public async Task ChangingThePassword_OnTheAccountPage_KeepsThisSessionButEndsOthers()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Staff);
        var bearer = await api.SignInAsync(session.Username);

        var changed = await session.SubmitAsync("/staff/account",
            new Dictionary<string, string> { ["CurrentPassword"] = session.Password, ["NewPassword"] = "Selbst-Gewaehlt-Testwort-6" },
            "form[action*='Password']");

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.NotNull(changed.Document.QuerySelector(".staff-success"));
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/staff/account")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/v1/agenda?date=2026-12-01")).StatusCode);
    }

    private static async Task<Page> SubmitPasswordAsync(PageBrowser browser, string username, string? returnUrl, string password = ApiFactory.TestPassword)
    {
        var form = await browser.GetAsync(returnUrl is null ? "/staff/sign-in" : $"/staff/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return await browser.SubmitAsync(form, form.Form(".staff-form"),
            new Dictionary<string, string> { ["Username"] = username, ["Password"] = password });
    }
}
