using System.Net;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.IntegrationTests.Web;
using Ditib.Beratung.Web.Staff;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>
/// A browser without script signed in to the staff pages through the sign-in page, as a new account with the given
/// roles: cookies kept, redirects not followed, forms sent with their antiforgery token (see <see cref="PageBrowser"/>).
/// </summary>
public sealed class StaffSession
{
    private StaffSession(ApiFactory api, PageBrowser browser, Guid userId, string username)
    {
        Api = api;
        Browser = browser;
        UserId = userId;
        Username = username;
    }

    public ApiFactory Api { get; }

    public PageBrowser Browser { get; }

    /// <summary>The browser's HTTP client (base address https://localhost, the staff cookie in its jar).</summary>
    public HttpClient Client => Browser.Client;

    public Guid UserId { get; }

    public string Username { get; }

    public string Password => ApiFactory.TestPassword;

    /// <summary>A new account with these roles, signed in to the staff pages through <c>/staff/sign-in</c>.</summary>
    public static async Task<StaffSession> SignInAsync(ApiFactory api, params string[] roles)
    {
        var username = $"staff-{string.Join('-', roles)}-{Guid.NewGuid().ToString("N")[..8]}";
        UserDto user;
        using (SystemScope.Enter())
        {
            await using var scope = api.Services.CreateAsyncScope();
            user = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateUser(username, ApiFactory.TestPassword, roles));
        }

        var session = new StaffSession(api, new PageBrowser(api), user.Id, username);
        await session.SignInAgainAsync();
        return session;
    }

    /// <summary>Signs this browser in again (e.g. after the session ended) and checks that it lands in the workspace.</summary>
    public async Task SignInAgainAsync(string? returnUrl = null)
    {
        var page = await SubmitSignInAsync(returnUrl);
        Assert.True(page.Status == HttpStatusCode.Redirect, $"sign-in answered {(int)page.Status}: {page.Text}");
    }

    /// <summary>Sends the sign-in form with this account's credentials and returns the answer, without checking it.</summary>
    public async Task<Page> SubmitSignInAsync(string? returnUrl = null)
    {
        var url = returnUrl is null ? "/staff/sign-in" : $"/staff/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var form = await Browser.GetAsync(url);
        var answer = await Browser.SubmitAsync(form, form.Form(".staff-form"), new Dictionary<string, string>
        {
            ["Username"] = Username,
            ["Password"] = Password,
        });
        if (answer.Response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.FirstOrDefault(c => c.StartsWith(StaffAuthentication.CookieName + "=", StringComparison.Ordinal)) is { } cookie)
        {
            SignInCookie = cookie.Split(';')[0];
        }

        return answer;
    }

    /// <summary>The staff cookie ("name=value") the last successful sign-in set, e.g. to replay it from another client.</summary>
    public string? SignInCookie { get; private set; }

    public Task<Page> GetAsync(string url) => Browser.GetAsync(url);

    /// <summary>Opens <paramref name="url"/> and sends its form (<paramref name="formSelector"/>) with these values.</summary>
    public async Task<Page> SubmitAsync(string url, IDictionary<string, string> values, string formSelector = "main form[method=post]")
    {
        var page = await Browser.GetAsync(url);
        return await Browser.SubmitAsync(page, page.Form(formSelector), values);
    }

    /// <summary>Confirms the second factor on <c>/staff/confirm</c>, so that steps wanting a fresh one pass for five minutes.</summary>
    public async Task ConfirmSecondFactorAsync()
    {
        var page = await SubmitAsync("/staff/confirm", new Dictionary<string, string> { ["Password"] = Password });
        Assert.True(page.Status == HttpStatusCode.Redirect, $"confirm answered {(int)page.Status}: {page.Text}");
    }

    /// <summary>Signs out through the page (the session ends on the server).</summary>
    public async Task<Page> SignOutAsync()
    {
        var page = await Browser.GetAsync("/staff/sign-out");
        return await Browser.SubmitAsync(page, page.Form("main form[method=post]"));
    }
}
