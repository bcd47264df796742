using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Ditib.Beratung.Tests.Shared;
using Ditib.Beratung.Web.Staff;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// One account per role, signed in through the sign-in page, and a counsellor with a case and a referral of her own,
/// so that every page of <see cref="StaffPageTable"/> can be asked with real values.
/// </summary>
public sealed class StaffPagesByRoleFixture : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();

    public Dictionary<string, StaffSession> Sessions { get; } = [];

    public Dictionary<string, string> Examples { get; } = [];

    public async Task InitializeAsync()
    {
        foreach (var role in StaffPageTable.SignedInRoles)
        {
            Sessions[role] = await StaffSession.SignInAsync(Api, role);
        }

        var counsellor = Sessions[Roles.Counsellor];
        var admin = Api.CreateClientAs(Roles.Admin);
        await Scenario.EnsureAsync(await admin.PostAsJsonAsync("/api/v1/counsellors", new
        {
            displayName = "Testberaterin Rolle Erfunden", languages = new[] { "de" }, topics = new[] { "family" }, userId = counsellor.UserId,
        }), HttpStatusCode.Created);
        var client = await Api.SignInAsync(counsellor.Username);
        var opened = await client.PostAsJsonAsync("/api/v1/cases", new { client = new { name = "Erfundene Rollenprobe" }, topics = new[] { "family" } });
        await Scenario.EnsureAsync(opened, HttpStatusCode.Created);
        var body = (await opened.Content.ReadFromJsonAsync<JsonObject>())!;
        var caseId = body["id"]!.GetValue<Guid>();
        var partner = (await client.GetFromJsonAsync<List<JsonObject>>($"/api/v1/cases/{caseId}/partner-suggestions"))![0]["id"]!.GetValue<Guid>();
        var referral = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new
        {
            partnerId = partner, purpose = "Erfundener Anlass", sharedCategories = new[] { "topics" }, followUpOn = "2026-12-10",
            consent = new { method = "written", givenAt = "2026-11-30" },
        });
        await Scenario.EnsureAsync(referral, HttpStatusCode.Created);
        Examples["code"] = body["code"]!.GetValue<string>();
        Examples["referral"] = (await referral.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>().ToString();
        Examples["user"] = counsellor.UserId.ToString();
        Examples["partner"] = partner.ToString();

        var (counsellorId, slots) = await Scenario.CounsellorWithSlotsAsync(admin, name: "Testberaterin Tabelle Erfunden");
        var booked = await Api.CreateClientAs(Roles.Staff).PostAsJsonAsync("/api/v1/agenda/bookings", Scenario.Booking(Outbox.Id(slots[0])));
        await Scenario.EnsureAsync(booked, HttpStatusCode.Created);
        Examples["counsellor"] = counsellorId.ToString();
        Examples["reference"] = (await booked.Content.ReadFromJsonAsync<JsonObject>())!["reference"]!.GetValue<string>();
        Examples["slotId"] = Outbox.Id(slots[1]).ToString();
    }

    public Task DisposeAsync()
    {
        Api.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// The role × page table: every staff page answers its roles with 200, the other roles with 403 (Mein Tag: with their
/// own home page) and anonymous requests with the sign-in page; and every page of the app is in the table.
/// </summary>
public sealed partial class StaffPagesByRoleTests(StaffPagesByRoleFixture fixture) : IClassFixture<StaffPagesByRoleFixture>
{
    public static TheoryData<string, string> PagesAndRoles()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in StaffPageTable.Pages)
        {
            foreach (var role in StaffPageTable.SignedInRoles.Append(StaffPageTable.Anonymous))
            {
                data.Add(page.Route, role);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndRoles))]
    public async Task Page_AnswersEachRole_AsTheTableSays(string route, string role)
    {
        var row = StaffPageTable.Pages.Single(p => p.Route == route);
        var path = row.Path(fixture.Examples);
        var browser = role == StaffPageTable.Anonymous ? new PageBrowser(fixture.Api) : fixture.Sessions[role].Browser;

        var page = await browser.GetAsync(path);

        var answer = $"{path} as {role}: {(int)page.Status} {page.Location}";
        if (role == StaffPageTable.Anonymous)
        {
            Assert.True(page.Status == HttpStatusCode.Redirect && SignInPage(page), answer);
        }
        else if (row.Roles.Contains(role))
        {
            Assert.True((int)page.Status == row.Status || (row.WantsFreshSecondFactor && ConfirmPage(page)), answer);
            Assert.Equal("no-store", page.Response.Headers.CacheControl?.ToString());
        }
        else if (row.OthersGoHome)
        {
            Assert.True(page.Status == HttpStatusCode.Redirect && page.Location == StaffRoles.Home(role), answer);
        }
        else
        {
            Assert.True(page.Status == HttpStatusCode.Forbidden, answer);
            Assert.Equal("no-store", page.Response.Headers.CacheControl?.ToString());
        }
    }

    [Theory]
    [InlineData("/staff/sign-in", HttpStatusCode.OK)]
    [InlineData("/staff/sign-in/code", HttpStatusCode.Redirect)]
    [InlineData("/staff/password", HttpStatusCode.Redirect)]
    public async Task SignInSteps_AreOpen_AndTheLaterStepsSendAStrangerBackToTheSignIn(string path, HttpStatusCode expected)
    {
        Assert.Contains(path, StaffPageTable.SignInSteps);

        var page = await new PageBrowser(fixture.Api).GetAsync(path);

        Assert.Equal(expected, page.Status);
        Assert.True(expected == HttpStatusCode.OK || SignInPage(page), page.Location);
    }

    [Fact]
    public void EveryPageOfTheWorkspace_IsInTheTable_AndEveryRowIsAPage()
    {
        var routes = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + Constraint().Replace(e.RoutePattern.RawText!.TrimStart('/'), "}"))
            .Where(r => r == StaffPages.PathPrefix || r.StartsWith(StaffPages.PathPrefix + "/", StringComparison.Ordinal))
            .ToHashSet();
        var listed = StaffPageTable.Pages.Select(p => p.Route).Concat(StaffPageTable.SignInSteps).ToList();

        Assert.True(routes.Count >= 20, $"only {routes.Count} staff pages found: {string.Join(", ", routes)}");
        Assert.Empty(routes.Except(listed));
        Assert.Empty(listed.Except(routes));
        Assert.Equal(listed.Count, listed.Distinct().Count());
    }

    /// <summary>True when the answer sends the browser to the sign-in page (with or without the host, with a return address).</summary>
    private static bool SignInPage(Page page) =>
        page.Location is { } location && new Uri(new Uri("https://localhost"), location).AbsolutePath == StaffAuthentication.SignInPath;

    /// <summary>True when the answer asks for the second factor again before the page (<c>/staff/confirm?returnUrl=…</c>).</summary>
    private static bool ConfirmPage(Page page) =>
        page.Status == HttpStatusCode.Redirect && page.Location is { } location
        && new Uri(new Uri("https://localhost"), location).AbsolutePath == "/staff/confirm";

    /// <summary>A route constraint such as <c>:guid</c> up to the closing brace.</summary>
    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex Constraint();
}
