using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>Every endpoint has an explicit access decision, and each role gets exactly what it should.</summary>
public sealed class AccessTests : IClassFixture<AccessTests.World>
{
    /// <summary>The only endpoints anyone may call without signing in.</summary>
    private static readonly HashSet<string> AnonymousAllowList =
    [
        "GET /api/v1/topics",
        "GET /api/v1/languages",
        "GET /api/v1/slots/",
        "GET /api/v1/slots/{id:guid}",
        "POST /api/v1/bookings/",
        "GET /api/v1/bookings/{reference}",
        "POST /api/v1/bookings/{reference}/cancel",
        "POST /api/v1/bookings/{reference}/reschedule",
        "GET /api/v1/bookings/{reference}/calendar.ics",
        "POST /api/v1/auth/token",
        "GET /openapi/{documentName}.json",
        "GET /scalar/{documentName?}",
        "GET /scalar/scalar.js",
        "GET /scalar/scalar.aspnetcore.js",
        "GET /scalar/favicon.svg",
        "ANY /health",
        // The residents' pages (Razor Pages: one endpoint per page for every method).
        "ANY ",
        "ANY appointments",
        "ANY book/{slotId:guid}",
        "ANY manage/{reference}",
        "ANY manage/{reference}/confirmation",
        "ANY manage/{reference}/calendar",
        "ANY privacy",
        // The staff workspace's sign-in and its status page (every other staff page wants the staff cookie).
        "ANY staff/sign-in",
        "ANY staff/status",
    ];

    private readonly World world;

    public AccessTests(World world) => this.world = world;

    [Fact]
    public void EveryEndpoint_HasAPolicy_OrIsOnTheAnonymousAllowList()
    {
        var endpoints = world.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");

        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                var name = $"{method} {endpoint.RoutePattern.RawText}";
                var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
                var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Where(a => a.Policy is not null || a.Roles is not null).ToList();
                if (anonymous && !AnonymousAllowList.Contains(name))
                {
                    problems.Add($"{name} allows anonymous callers but is not on the allow-list");
                }
                else if (!anonymous && policies.Count == 0)
                {
                    problems.Add($"{name} has no authorization policy and is not on the anonymous allow-list");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    public static TheoryData<string, string, string, string> Table => new()
    {
        // role, method, url, expected: "ok" (anything but 401/403), "401" or "403"
        { "anonymous", "GET", "/api/v1/slots?from=2026-12-01&to=2026-12-02", "ok" },
        { "anonymous", "GET", "/api/v1/counsellors", "401" },
        { "anonymous", "PUT", "/api/v1/counsellors/{counsellor}/hours", "401" },
        { "anonymous", "GET", "/api/v1/agenda?date=2026-12-01", "401" },
        { "anonymous", "POST", "/api/v1/agenda/bookings", "401" },
        { "anonymous", "GET", "/api/v1/users", "401" },
        { "anonymous", "GET", "/api/v1/audit", "401" },
        { "anonymous", "POST", "/api/v1/slots/{slot}/cancel", "401" },

        { "admin", "GET", "/api/v1/counsellors", "ok" },
        { "admin", "GET", "/api/v1/counsellors/{counsellor}/hours", "ok" },
        { "admin", "PUT", "/api/v1/counsellors/{counsellor}/hours", "ok" },
        { "admin", "GET", "/api/v1/agenda?date=2026-12-01", "403" },
        { "admin", "POST", "/api/v1/agenda/bookings", "403" },
        { "admin", "GET", "/api/v1/users", "ok" },
        { "admin", "GET", "/api/v1/audit", "403" },

        { "staff", "GET", "/api/v1/counsellors", "ok" },
        { "staff", "POST", "/api/v1/counsellors", "403" },
        { "staff", "PUT", "/api/v1/counsellors/{counsellor}/hours", "ok" },
        { "staff", "GET", "/api/v1/agenda?date=2026-12-01", "ok" },
        { "staff", "POST", "/api/v1/agenda/bookings", "ok" },
        { "staff", "GET", "/api/v1/users", "403" },
        { "staff", "GET", "/api/v1/audit", "403" },

        { "counsellor", "GET", "/api/v1/counsellors", "ok" },
        { "counsellor", "POST", "/api/v1/counsellors", "403" },
        { "counsellor", "PUT", "/api/v1/counsellors/{own}/hours", "ok" },
        { "counsellor", "PUT", "/api/v1/counsellors/{counsellor}/hours", "403" },
        { "counsellor", "POST", "/api/v1/counsellors/{counsellor}/slots/publish", "403" },
        { "counsellor", "POST", "/api/v1/slots/{slot}/cancel", "403" },
        { "counsellor", "GET", "/api/v1/agenda?date=2026-12-01", "ok" },
        { "counsellor", "GET", "/api/v1/agenda?date=2026-12-01&counsellorId={counsellor}", "403" },
        { "counsellor", "POST", "/api/v1/agenda/bookings", "403" },
        { "counsellor", "GET", "/api/v1/users", "403" },
        { "counsellor", "GET", "/api/v1/audit", "403" },

        { "anonymous", "POST", "/api/v1/auth/password", "401" },
        { "anonymous", "POST", "/api/v1/users/{counsellor}/unlock", "401" },
        { "staff", "POST", "/api/v1/users/{counsellor}/deactivate", "403" },
        { "counsellor", "GET", "/api/v1/counsellors/{own}/hours", "ok" },
        { "counsellor", "GET", "/api/v1/counsellors/{counsellor}/hours", "403" },
        { "counsellor", "GET", "/api/v1/counsellors/{counsellor}/slots?from=2026-12-01&to=2026-12-02", "403" },
        { "counsellor", "GET", "/api/v1/counsellors/{own}/slots?from=2026-12-01&to=2026-12-02", "ok" },
        { "counsellor", "GET", "/api/v1/cases", "ok" },
        { "staff", "GET", "/api/v1/cases", "403" },
        { "admin", "GET", "/api/v1/cases", "403" },
        { "dpo", "GET", "/api/v1/cases", "403" },
        { "dpo", "GET", "/api/v1/audit", "ok" },
        { "dpo", "GET", "/api/v1/audit/verify", "ok" },
        { "dpo", "GET", "/api/v1/users", "403" },
        { "dpo", "PUT", "/api/v1/counsellors/{counsellor}/hours", "403" },
        { "dpo", "GET", "/api/v1/agenda?date=2026-12-01", "403" },

        { "anonymous", "GET", "/api/v1/outbox?state=failed", "401" },
        { "staff", "GET", "/api/v1/outbox?state=failed", "ok" },
        { "admin", "GET", "/api/v1/outbox?state=failed", "403" },
        { "counsellor", "GET", "/api/v1/outbox?state=failed", "403" },
        { "dpo", "GET", "/api/v1/outbox?state=failed", "403" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task EachRole_GetsExactlyItsRights(string role, string method, string url, string expected)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url
            .Replace("{counsellor}", world.OtherCounsellorId.ToString(), StringComparison.Ordinal)
            .Replace("{own}", world.OwnCounsellorId.ToString(), StringComparison.Ordinal)
            .Replace("{slot}", world.OtherSlotId.ToString(), StringComparison.Ordinal));
        if (method is "POST" or "PUT")
        {
            // Valid bodies, so that the answer is about the right to call, not about the input.
            request.Content = JsonContent.Create<object>(url switch
            {
                _ when url.EndsWith("/hours", StringComparison.Ordinal) => new { weekly = Array.Empty<object>() },
                _ when url.EndsWith("/publish", StringComparison.Ordinal) => new { from = "2026-12-20", to = "2026-12-21" },
                _ when url.EndsWith("/cancel", StringComparison.Ordinal) => new { reason = "Zugriffstest" },
                _ when url.EndsWith("/agenda/bookings", StringComparison.Ordinal) => Scenario.Booking(world.OtherSlotId),
                _ => new { },
            });
        }

        var response = await world.Clients[role].SendAsync(request);

        switch (expected)
        {
            case "401":
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                await Scenario.ProblemAsync(response);
                break;
            case "403":
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                await Scenario.ProblemAsync(response);
                break;
            default:
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created,
                    $"{role} {method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                break;
        }
    }

    [Fact]
    public async Task Counsellor_AgendaWithoutFilter_ShowsOnlyTheirOwnSlots()
    {
        var agenda = await world.Clients["counsellor"].GetFromJsonAsync<List<JsonObject>>("/api/v1/agenda?date=2026-12-01");

        Assert.NotEmpty(agenda!);
        Assert.All(agenda!, entry => Assert.Equal("Eigene Testberaterin", entry["slot"]!["counsellor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Counsellor_CanPublishTheirOwnHours()
    {
        var response = await world.Clients["counsellor"].PostAsJsonAsync($"/api/v1/counsellors/{world.OwnCounsellorId}/slots/publish",
            new { from = "2026-12-15", to = "2026-12-16" });

        await Scenario.EnsureAsync(response, HttpStatusCode.OK);
    }

    /// <summary>One app shared by the table: a counsellor with an account, another without, and a client per role.</summary>
    public sealed class World : IDisposable
    {
        public World()
        {
            Clients["anonymous"] = Api.CreateClient();
            Clients["admin"] = Api.CreateClientAs(Roles.Admin);
            Clients["staff"] = Api.CreateClientAs(Roles.Staff);
            Clients["dpo"] = Api.CreateClientAs(Roles.Dpo);
            var (counsellor, userId, _) = Api.CreateClientAsAsync(Roles.Counsellor).GetAwaiter().GetResult();
            Clients["counsellor"] = counsellor;

            var setup = Api.CreateClientAs(Roles.Admin, Roles.Staff);
            var (other, slots) = Scenario.CounsellorWithSlotsAsync(setup).GetAwaiter().GetResult();
            var (own, _) = Scenario.CounsellorWithSlotsAsync(setup, name: "Eigene Testberaterin").GetAwaiter().GetResult();
            setup.PutAsJsonAsync($"/api/v1/counsellors/{own}",
                    new { displayName = "Eigene Testberaterin", languages = new[] { "de", "tr" }, topics = new[] { "family" }, active = true, userId })
                .GetAwaiter().GetResult().EnsureSuccessStatusCode();
            (OtherCounsellorId, OwnCounsellorId, OtherSlotId) = (other, own, slots[0]["id"]!.GetValue<Guid>());
        }

        public ApiFactory Api { get; } = new();

        public Dictionary<string, HttpClient> Clients { get; } = [];

        public Guid OtherCounsellorId { get; }

        public Guid OwnCounsellorId { get; }

        public Guid OtherSlotId { get; }

        public void Dispose() => Api.Dispose();
    }
}
