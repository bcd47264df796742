using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Web.Staff;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>An account of the centre for a browser test (invented name and password); <see cref="Secret"/> once its second factor is set up.</summary>
public sealed record StaffAccount(Guid Id, string Username, string Password, byte[]? Secret = null);

/// <summary>
/// A browser page signed in to the staff workspace through <c>/staff/sign-in</c> (password, then a TOTP code computed
/// with Otp.NET at the app's fake time), as a new account with the given roles and a second factor, in a fresh
/// browser context (own cookies), German.
/// </summary>
public sealed partial class StaffSession
{
    public const string Password = "Erfundenes-Mitarbeiter-Passwort-23";

    private StaffSession(IPage page, StaffAccount account)
    {
        Page = page;
        Account = account;
    }

    public IPage Page { get; }

    public StaffAccount Account { get; }

    public static async Task<StaffSession> SignInAsync(BrowserFixture fixture, params string[] roles)
    {
        var account = await CreateAccountAsync(fixture.App, roles);
        using (var client = new HttpClient { BaseAddress = fixture.App.BaseAddress })
        {
            account = account with { Secret = (await fixture.App.EnrolAsync(client, account.Username, account.Password)).Secret };
        }

        var page = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        await SignInAsync(page, account, fixture.App);
        await Assertions.Expect(page).ToHaveURLAsync(HomeOf(roles));
        return new StaffSession(page, account);
    }

    /// <summary>A new account with these roles and no second factor yet, created through the application as the system.</summary>
    public static async Task<StaffAccount> CreateAccountAsync(BrowserApp app, params string[] roles)
    {
        var username = $"staff-{string.Join('-', roles)}-{Guid.NewGuid().ToString("N")[..8]}";
        using (SystemScope.Enter())
        {
            await using var scope = app.Services.CreateAsyncScope();
            var user = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateUser(username, Password, roles));
            return new StaffAccount(user.Id, username, Password);
        }
    }

    /// <summary>
    /// Fills in the sign-in page (opening it unless the page shows it already) and, for an account with a second
    /// factor, the code page with the code of the next unused time step (the app's clock does not move by itself).
    /// </summary>
    public static async Task SignInAsync(IPage page, StaffAccount account, BrowserApp app)
    {
        await FillPasswordAsync(page, account);
        if (account.Secret is { } secret)
        {
            await Assertions.Expect(page).ToHaveURLAsync(CodePage());
            await page.GetByLabel("Code", new() { Exact = true }).FillAsync(app.NextCode(secret));
            await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        }
    }

    /// <summary>The first step only: user name and password.</summary>
    public static async Task FillPasswordAsync(IPage page, StaffAccount account)
    {
        if (!page.Url.Contains("/staff/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync("/staff/sign-in");
        }

        await page.GetByLabel("Benutzername").FillAsync(account.Username);
        await page.GetByLabel("Passwort").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
    }

    /// <summary>Where the sign-in lands for these roles: the home page of the first in the default order.</summary>
    public static Regex HomeOf(IEnumerable<string> roles) => new($"{Regex.Escape(StaffRoles.Home(StaffRoles.Choose(roles, null)!))}$");

    [GeneratedRegex("/staff/sign-in/code")]
    private static partial Regex CodePage();
}
