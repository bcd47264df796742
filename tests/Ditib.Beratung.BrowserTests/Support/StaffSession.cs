using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>An account of the centre for a browser test (invented name and password).</summary>
public sealed record StaffAccount(Guid Id, string Username, string Password);

/// <summary>
/// A browser page signed in to the staff workspace through <c>/staff/sign-in</c>, as a new account with the given
/// roles, in a fresh browser context (own cookies). German unless another locale is given.
/// </summary>
public sealed class StaffSession
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
        var page = await fixture.NewPageAsync(new BrowserNewContextOptions { Locale = "de-DE" });
        await SignInAsync(page, account);
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/staff$"));
        return new StaffSession(page, account);
    }

    /// <summary>A new account with these roles, created through the application as the system.</summary>
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

    /// <summary>Fills in the sign-in page (opening it first unless the page already shows it) and sends it.</summary>
    public static async Task SignInAsync(IPage page, StaffAccount account)
    {
        if (!page.Url.Contains("/staff/sign-in", StringComparison.Ordinal))
        {
            await page.GotoAsync("/staff/sign-in");
        }

        await page.GetByLabel("Benutzername").FillAsync(account.Username);
        await page.GetByLabel("Passwort").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
    }
}
