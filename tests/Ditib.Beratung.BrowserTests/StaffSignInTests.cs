using System.Text;
using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using NodaTime;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>
/// The staff sign-in in a real browser: the first sign-in with enrolment (the test reads the secret from the page and
/// computes the code like a phone), a replayed code, the idle expiry with its warning and the way back, sign-out,
/// and axe-core on the sign-in, enrolment and account pages.
/// </summary>
public sealed partial class StaffSignInTests(StaffFixture fixture, ITestOutputHelper output) : IClassFixture<StaffFixture>
{
    private static readonly string[] Blocking = ["serious", "critical"];

    [SkippableFact]
    public async Task FirstSignIn_EnrolsWithTheSecretShownOnThePage_ThenShowsMyDay()
    {
        var account = await StaffSession.CreateAccountAsync(fixture.App, "counsellor");
        var page = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE" });

        await StaffSession.FillPasswordAsync(page, account);
        await Expect(page).ToHaveURLAsync(new Regex("/staff/enrol"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR-Code mit dem Schlüssel für Ihre Authenticator-App" })).ToBeVisibleAsync();
        var secret = Totp.FromShown(await page.Locator("#secret").InnerTextAsync());
        await page.GetByLabel("Code aus der App").FillAsync(fixture.App.NextCode(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Einrichten" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Zweiter Faktor eingerichtet");
        await Expect(page.Locator(".recovery-codes li")).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Link, new() { Name = "Weiter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mein Tag");
    }

    [SkippableFact]
    public async Task AReplayedCode_IsRefused()
    {
        var session = await StaffSession.SignInAsync(fixture, "staff");
        var used = Totp.CodeAt(session.Account.Secret!, fixture.App.Clock.GetCurrentInstant());
        await session.Page.GotoAsync("/staff/account");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).First.ClickAsync();

        await StaffSession.FillPasswordAsync(session.Page, session.Account);
        await session.Page.GetByLabel("Code", new() { Exact = true }).FillAsync(used);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        await Expect(session.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Anmeldung nicht möglich");
        await Expect(session.Page).ToHaveURLAsync(new Regex("/staff/sign-in/code"));
    }

    [SkippableFact]
    public async Task IdleSession_WarnsFirst_ThenEnds_AndSigningInAgainReturnsToThePage()
    {
        var session = await StaffSession.SignInAsync(fixture, "counsellor");
        var page = session.Page;
        await page.GotoAsync("/staff/account");

        // The warning comes from the page's script, 10 s after loading (idle 60 s, warning 50 s before).
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Ihre Sitzung endet in Kürze" })).ToBeVisibleAsync();
        fixture.App.Clock.Advance(Duration.FromMinutes(2));
        await page.ReloadAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/staff/sign-in\\?returnUrl=%2Fstaff%2Faccount$"));
        await StaffSession.SignInAsync(page, session.Account, fixture.App);
        await Expect(page).ToHaveURLAsync(new Regex("/staff/account$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Konto");
    }

    [SkippableFact]
    public async Task SignOut_EndsTheSession_AndTheBackButtonShowsNothing()
    {
        var session = await StaffSession.SignInAsync(fixture, "counsellor");
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Fälle" }))
            .ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff/sign-in"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sie sind abgemeldet.");
        await page.GoBackAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/staff/sign-in\\?returnUrl=%2Fstaff$"));
    }

    [SkippableFact]
    public async Task SignInEnrolmentAndAccountPages_HaveNoSeriousOrCriticalAxeViolation()
    {
        var blocking = new StringBuilder();
        var account = await StaffSession.CreateAccountAsync(fixture.App, "staff");
        var page = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE", ViewportSize = new() { Width = 1280, Height = 900 } });

        await page.GotoAsync("/staff/sign-in");
        await CheckAsync(page, "sign-in", blocking);
        await StaffSession.FillPasswordAsync(page, account);
        await Expect(page).ToHaveURLAsync(new Regex("/staff/enrol"));
        await CheckAsync(page, "enrolment", blocking);
        var secret = Totp.FromShown(await page.Locator("#secret").InnerTextAsync());
        await page.GetByLabel("Code aus der App").FillAsync(fixture.App.NextCode(secret));
        await page.GetByRole(AriaRole.Button, new() { Name = "Einrichten" }).ClickAsync();
        await CheckAsync(page, "recovery codes", blocking);
        await page.GotoAsync("/staff/account");
        await CheckAsync(page, "account", blocking);
        await page.SetViewportSizeAsync(768, 1024);
        await CheckAsync(page, "account at 768 px", blocking);

        Assert.True(blocking.Length == 0, $"axe found serious or critical violations:\n{blocking}");
    }

    private async Task CheckAsync(IPage page, string name, StringBuilder blocking)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        output.WriteLine($"{name}: {result.Violations.Length} violation(s)");
        foreach (var violation in result.Violations)
        {
            var text = $"{name} ({new Uri(page.Url).AbsolutePath}): {violation.Id} ({violation.Impact}) {violation.Help}: "
                + string.Join("; ", violation.Nodes.Select(n => n.Html));
            output.WriteLine(text);
            if (Blocking.Contains(violation.Impact))
            {
                blocking.AppendLine(text);
            }
        }
    }
}
