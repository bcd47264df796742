using System.Text.RegularExpressions;
using Ditib.Beratung.BrowserTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ditib.Beratung.BrowserTests;

/// <summary>Signing in to the staff workspace in a real browser: the cookie is kept, sign-out ends the session.</summary>
public sealed class StaffSignInTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [SkippableFact]
    public async Task SignIn_ShowsMyDay_AndSignOutReturnsToTheSignInPage()
    {
        var session = await StaffSession.SignInAsync(fixture, "counsellor");
        var page = session.Page;

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mein Tag");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Fälle" }))
            .ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/staff/sign-in"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sie sind abgemeldet.");

        await page.GotoAsync("/staff");
        await Expect(page).ToHaveURLAsync(new Regex("/staff/sign-in\\?returnUrl=%2Fstaff$"));
    }
}
