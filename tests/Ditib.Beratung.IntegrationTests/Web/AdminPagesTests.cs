using System.Net;
using System.Net.Http.Json;
using System.Resources;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The admin's pages over HTTP without script: who may open them, a fresh second factor before every change to an
/// account, the rule that the own (and so the last active) admin account cannot be deactivated, creating an account
/// with a generated password, a counsellor profile linked to an account, and the centre's configured details.
/// </summary>
public sealed partial class AdminPagesTests : IDisposable
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.AdminTexts", typeof(Ditib.Beratung.Web.AdminTexts).Assembly);

    private readonly ApiFactory api = new();

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task TheAdminNavigation_LinksEveryAdminPage_OnlyForAdmins()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);
        var desk = await StaffSession.SignInAsync(api, Roles.Staff);

        var adminNav = (await admin.GetAsync("/staff/account")).Document.QuerySelectorAll(".staff-nav a").Select(a => a.GetAttribute("href")).ToList();
        var deskNav = (await desk.GetAsync("/staff/account")).Document.QuerySelectorAll(".staff-nav a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Subset(adminNav.ToHashSet(), new HashSet<string?> { "/staff/admin/users", "/staff/admin/counsellors", "/staff/admin/centre" });
        Assert.DoesNotContain(deskNav, href => href!.StartsWith("/staff/admin", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryChangeToAnAccount_WantsAFreshSecondFactor_AndChangesNothingWithoutIt()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);
        var desk = await api.CreateUserAsync("empfang.erfunden", Roles.Staff);
        api.Clock.Advance(Duration.FromMinutes(6)); // the second factor of the sign-in is no longer fresh

        var newPage = await admin.GetAsync("/staff/admin/users/new");
        var page = await admin.GetAsync($"/staff/admin/users/{desk.Id}");
        var answers = new List<Page>();
        foreach (var handler in new[] { "Roles", "Deactivate", "Unlock", "Password", "TwoFactor", "Sessions" })
        {
            answers.Add(await admin.Browser.SubmitAsync(page, page.Form($"form[action*='handler={handler}']")));
        }

        Assert.StartsWith("/staff/confirm?returnUrl=", newPage.Location, StringComparison.Ordinal);
        Assert.All(answers, answer => Assert.Equal($"/staff/confirm?returnUrl={Uri.EscapeDataString($"/staff/admin/users/{desk.Id}")}", answer.Location));
        Assert.Equal(0, Scenario.Count(api, $"SELECT count(*) FROM audit_entry WHERE subject_id = '{desk.Id}' AND action <> 'user.create'"));

        await admin.ConfirmSecondFactorAsync();
        page = await admin.GetAsync($"/staff/admin/users/{desk.Id}");
        var deactivated = await admin.Browser.SubmitAsync(page, page.Form("form[action*='handler=Deactivate']"));

        Assert.Equal(HttpStatusCode.OK, deactivated.Status);
        Assert.Equal(Text("User_Inactive"), deactivated.Document.QuerySelector("#state-active")!.TextContent);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM audit_entry WHERE subject_id = '{desk.Id}' AND action = 'user.deactivate'"));
    }

    [Fact]
    public async Task TheOnlyActiveAdmin_CannotDeactivateHerAccount_ThePageSaysWhy()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);
        var page = await admin.GetAsync($"/staff/admin/users/{admin.UserId}");

        var refused = await admin.Browser.SubmitAsync(page, page.Form("form[action*='handler=Deactivate']"));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Text("Admin_Error_Deactivate"), refused.Document.QuerySelector(".staff-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Text("User_Active"), refused.Document.QuerySelector("#state-active")!.TextContent);
        Assert.Equal(1, Scenario.Count(api, $"SELECT active FROM app_user WHERE id = '{admin.UserId}'"));
    }

    [Fact]
    public async Task TheOnlyActiveAdmin_KeepsTheAdminRole_ThePageSaysWhy()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);
        var page = await admin.GetAsync($"/staff/admin/users/{admin.UserId}");

        var refused = await admin.Browser.SubmitAsync(page, page.Form("form[action*='handler=Roles']"), new Dictionary<string, string> { ["roles"] = Roles.Staff });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(Text("Admin_Error_LastAdmin"), refused.Document.QuerySelector(".staff-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM user_role WHERE user_id = '{admin.UserId}' AND role = 'admin'"));
    }

    [Fact]
    public async Task NewAccount_WithoutAPassword_ShowsAGeneratedOneOnce_ThatMustBeChangedAtTheFirstSignIn()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);

        var created = await admin.SubmitAsync("/staff/admin/users/new",
            new Dictionary<string, string> { ["Username"] = "beraterin.erfunden", ["Roles"] = Roles.Counsellor });

        Assert.Equal(HttpStatusCode.OK, created.Status);
        var password = created.Document.QuerySelector("#initial-password")!.TextContent;
        Assert.Matches("^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$", password);
        Assert.NotNull(created.Document.QuerySelector("a[href^='/staff/admin/counsellors/new?userId=']"));
        var signIn = await api.CreateClient().PostAsJsonAsync("/api/v1/auth/token", new { username = "beraterin.erfunden", password });
        await Scenario.EnsureAsync(signIn, HttpStatusCode.OK);
        Assert.Equal(PendingSteps.PasswordChange, (await signIn.Content.ReadFromJsonAsync<JsonObject>())!["requires"]!.GetValue<string>());
        Assert.Null((await admin.GetAsync("/staff/admin/users")).Document.QuerySelector("#initial-password"));
    }

    [Fact]
    public async Task NewAccount_WithBadInput_LinksEachErrorToItsField_AndCreatesNothing()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);

        var refused = await admin.SubmitAsync("/staff/admin/users/new",
            new Dictionary<string, string> { ["Username"] = "x", ["Password"] = "kurz" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var links = refused.Document.QuerySelectorAll(".staff-errors a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Equal(new HashSet<string?> { "#user-username", "#user-roles", "#user-password" }, links);
        Assert.Equal(1, Scenario.Count(api, "SELECT count(*) FROM app_user"));
    }

    [Fact]
    public async Task ResettingTheSecondFactor_OnThePage_EndsThatUsersSession()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);
        var counsellor = await StaffSession.SignInAsync(api, Roles.Counsellor);
        Assert.Equal(HttpStatusCode.OK, (await counsellor.GetAsync("/staff/account")).Status);
        var page = await admin.GetAsync($"/staff/admin/users/{counsellor.UserId}");

        var reset = await admin.Browser.SubmitAsync(page, page.Form("form[action*='handler=TwoFactor']"));

        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.Equal(Text("User_TwoFactorOff"), reset.Document.QuerySelector("#state-two-factor")!.TextContent);
        Assert.Equal("/staff/sign-in", new Uri(new Uri("https://localhost"), (await counsellor.GetAsync("/staff/account")).Location!).AbsolutePath);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM audit_entry WHERE action = 'user.two-factor-reset' AND subject_id = '{counsellor.UserId}'"));
    }

    [Fact]
    public async Task CounsellorProfile_CreatedOnThePage_IsLinkedToTheChosenAccount_AndOffersOnlyFreeCounsellorAccounts()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);
        var account = await api.CreateUserAsync("beraterin.frei", Roles.Counsellor);
        var desk = await api.CreateUserAsync("empfang.nur", Roles.Staff);
        var form = await admin.GetAsync($"/staff/admin/counsellors/new?userId={account.Id}");
        Assert.Equal(account.Id.ToString(), form.Document.QuerySelector("#counsellor-account option[selected]")!.GetAttribute("value"));
        Assert.Null(form.Document.QuerySelector($"#counsellor-account option[value='{desk.Id}']"));

        var saved = await admin.Browser.SubmitAsync(form, form.Form("main form[method=post]"), new Dictionary<string, string>
        {
            ["DisplayName"] = "Beraterin F. Erfunden", ["Languages"] = "tr", ["Topics"] = "family", ["Active"] = "true", ["UserId"] = account.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var edit = await admin.Browser.FollowAsync(saved);
        Assert.NotNull(edit.Document.QuerySelector("#saved"));
        Assert.Contains("beraterin.frei", edit.Document.QuerySelector("#counsellor-account")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Scenario.Count(api, $"SELECT count(*) FROM counsellor WHERE user_id = '{account.Id}'"));
        var again = await admin.GetAsync("/staff/admin/counsellors/new");
        Assert.Null(again.Document.QuerySelector($"#counsellor-account option[value='{account.Id}']"));
    }

    [Fact]
    public async Task CounsellorProfile_WithoutLanguageOrTopic_LinksTheErrorsToTheFields()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);

        var refused = await admin.SubmitAsync("/staff/admin/counsellors/new", new Dictionary<string, string> { ["DisplayName"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        var links = refused.Document.QuerySelectorAll(".staff-errors a").Select(a => a.GetAttribute("href")).ToHashSet();
        Assert.Equal(new HashSet<string?> { "#counsellor-name", "#counsellor-languages", "#counsellor-topics" }, links);
    }

    [Fact]
    public async Task Centre_ShowsEachConfiguredDetail_WithItsKeyAndWhereItAppears()
    {
        var admin = await StaffSession.SignInAsync(api, Roles.Admin);

        var page = await admin.GetAsync("/staff/admin/centre");

        var rows = page.Document.QuerySelectorAll("#centre-settings tbody tr")
            .ToDictionary(r => r.QuerySelectorAll("code")[0].TextContent, r => r.QuerySelectorAll("td")[0].TextContent.Trim());
        foreach (var (key, value) in TestCentre.Settings)
        {
            Assert.Equal(value, rows[key]);
        }

        Assert.Equal(Text("Centre_NotSet"), rows["Beratung:Centre:OpeningHours:ar"]);
        Assert.Contains("Beratung__Centre__Phone", page.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryKeyThePagesUse_Exists()
    {
        var keys = ResourceTexts.Of(Resources, System.Globalization.CultureInfo.InvariantCulture).Keys.ToHashSet();
        var used = ResourceTexts.KeysUsedIn(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff")), UsedKey())
            .Concat(Roles.All.SelectMany(r => new[] { $"Admin_Role_{r}", $"Admin_RoleHint_{r}" }))
            .Distinct().ToList();

        Assert.True(used.Count > 80, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>(Users|User|UserNew|UserPage|Admin_Error|Counsellors|Counsellor|CounsellorNew|CounsellorEdit|Centre)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();

    private static string Text(string key) => Resources.GetString(key, System.Globalization.CultureInfo.InvariantCulture)!;
}
