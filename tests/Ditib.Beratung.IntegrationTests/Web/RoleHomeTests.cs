using System.Net;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Ditib.Beratung.Web.Staff;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// Each role lands on its own home page after signing in; a person with several roles chooses the one she works in,
/// which changes where she lands and which navigation group comes first, never what she may open.
/// </summary>
public sealed class RoleHomeTests : IDisposable
{
    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Theory]
    [InlineData(Roles.Counsellor, "/staff")]
    [InlineData(Roles.Staff, "/staff/today")]
    [InlineData(Roles.Dpo, "/staff/dpo")]
    [InlineData(Roles.Admin, "/staff/admin")]
    public async Task SignIn_WithoutAPageAsked_LandsOnTheHomeOfTheRole(string role, string home)
    {
        var session = await StaffSession.SignInAsync(api, role);

        var plain = await session.SubmitSignInAsync();
        var workspace = await session.SubmitSignInAsync("/staff");
        var asked = await session.SubmitSignInAsync("/staff/account");

        Assert.Equal(home, plain.Location);
        Assert.Equal(home, workspace.Location);
        Assert.Equal("/staff/account", asked.Location);
    }

    [Fact]
    public async Task ChoosingARole_ChangesTheLandingAndTheNavigationOrder_ButNotWhatMayBeOpened()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Dpo, Roles.Counsellor);
        Assert.Equal("/staff", (await session.SubmitSignInAsync()).Location);
        var day = await session.GetAsync("/staff");
        Assert.Equal(["Beratung", "Datenschutz"], NavigationGroups(day));
        Assert.Equal("counsellor", day.Document.QuerySelector("#staff-role option[selected]")!.GetAttribute("value"));

        var switched = await session.Browser.SubmitAsync(day, day.Form("form.staff-role"), new Dictionary<string, string> { ["role"] = Roles.Dpo });

        Assert.Equal((HttpStatusCode.SeeOther, "/staff/dpo"), (switched.Status, switched.Location));
        var start = await session.Browser.FollowAsync(switched);
        Assert.Equal(HttpStatusCode.OK, start.Status);
        Assert.Equal("Datenschutz", start.Heading);
        Assert.Equal(["Datenschutz", "Beratung"], NavigationGroups(start));
        Assert.Contains("aktuelle Rolle", start.Document.QuerySelector(".staff-nav-current .staff-nav-role")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/staff/dpo", start.Document.QuerySelector(".staff-site")!.GetAttribute("href"));
        Assert.Equal("Mein Tag", (await session.GetAsync("/staff")).Heading);
        Assert.Equal("/staff/dpo", (await session.SubmitSignInAsync()).Location);
        Assert.Equal("/staff/cases", (await session.SubmitSignInAsync("/staff/cases")).Location);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync("/staff/admin")).Status);
    }

    [Fact]
    public async Task ChoosingARoleNotHeld_IsRefused_AndAForgedRoleCookieOpensNothing()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Staff, Roles.Counsellor);
        var account = await session.GetAsync("/staff/account");

        var refused = await session.Browser.SubmitAsync(account, account.Form("form.staff-role"), new Dictionary<string, string> { ["role"] = Roles.Admin });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("/staff", (await session.SubmitSignInAsync()).Location);
        var forger = api.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });
        foreach (var path in new[] { "/staff/admin", "/staff/dpo" })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add("Cookie", $"{session.SignInCookie}; {StaffRoles.CookieName}={Roles.Admin}");
            Assert.Equal(HttpStatusCode.Forbidden, (await forger.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task MeinTag_SendsSomeoneWithoutTheCounsellorRole_ToTheHomeOfTheirCurrentRole()
    {
        var session = await StaffSession.SignInAsync(api, Roles.Admin, Roles.Dpo);

        var first = await session.GetAsync("/staff");
        var account = await session.GetAsync("/staff/account");
        await session.Browser.SubmitAsync(account, account.Form("form.staff-role"), new Dictionary<string, string> { ["role"] = Roles.Admin });
        var after = await session.GetAsync("/staff");

        Assert.Equal((HttpStatusCode.Redirect, "/staff/dpo"), (first.Status, first.Location));
        Assert.Equal((HttpStatusCode.Redirect, "/staff/admin"), (after.Status, after.Location));
    }

    [Fact]
    public void CurrentRole_IsTheChosenOneIfHeld_ElseTheFirstInTheOrderCounsellorStaffDpoAdmin()
    {
        Assert.Equal(Roles.Staff, StaffRoles.Choose([Roles.Admin, Roles.Staff, Roles.Dpo], null));
        Assert.Equal(Roles.Counsellor, StaffRoles.Choose([Roles.Admin, Roles.Counsellor], Roles.Dpo));
        Assert.Equal(Roles.Admin, StaffRoles.Choose([Roles.Admin, Roles.Counsellor], Roles.Admin));
        Assert.Equal(Roles.Dpo, StaffRoles.Choose([Roles.Admin, Roles.Dpo], "root"));
        Assert.Null(StaffRoles.Choose([], Roles.Admin));
    }

    private static string[] NavigationGroups(Page page) =>
        page.Document.QuerySelectorAll(".staff-nav-groups > li > .staff-nav-role")
            .Select(group => group.ChildNodes.First().TextContent.Trim()).ToArray();
}
