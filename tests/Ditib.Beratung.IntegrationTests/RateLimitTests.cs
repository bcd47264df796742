using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.IntegrationTests;

public sealed class RateLimitTests : IDisposable
{
    private readonly ApiFactory api = new();

    public RateLimitTests()
    {
        api.Settings["Beratung:RateLimiting:Enabled"] = "true";
        api.Settings["Beratung:RateLimiting:sign-in:PermitLimit"] = "3";
        api.Settings["Beratung:RateLimiting:manage-link:PermitLimit"] = "2";
        api.Settings["Beratung:RateLimiting:booking:PermitLimit"] = "2";
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task SignIn_OverTheLimit_Gets429WithRetryAfter()
    {
        var client = api.CreateClient();
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.PostAsJsonAsync("/api/v1/auth/token", new { username = "niemand", password = "Irgendein-Testwort-1" }));
        }

        Assert.All(responses.Take(3), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, responses[3].StatusCode);
        Assert.True(responses[3].Headers.RetryAfter?.Delta > TimeSpan.Zero);
        await Scenario.ProblemAsync(responses[3]);
    }

    [Fact]
    public async Task Booking_OverTheLimit_Gets429_AndStoresNothing()
    {
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/v1/bookings", Scenario.Booking(Guid.CreateVersion7()))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task SignIn_WithMadeUpForwardedFor_StillMeetsTheLimit()
    {
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
            {
                Content = JsonContent.Create(new { username = "niemand", password = "Irgendein-Testwort-1" }),
            };
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Fact]
    public async Task Booking_WithMadeUpForwardedFor_StillMeetsTheLimit()
    {
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/bookings") { Content = JsonContent.Create(Scenario.Booking(Guid.CreateVersion7())) };
            request.Headers.Add("X-Forwarded-For", $"2001:db8:{i + 1}::1");
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public void ForwardedHeaders_WithoutConfiguredProxies_AreIgnored()
    {
        var options = api.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(ForwardedHeaders.None, options.ForwardedHeaders);
    }

    [Fact]
    public void ForwardedHeaders_AreBelievedOnlyFromTheConfiguredProxiesAndNetworks()
    {
        using var proxied = new ApiFactory();
        proxied.Settings["Beratung:ForwardedHeaders:KnownProxies:0"] = "10.0.0.5";
        proxied.Settings["Beratung:ForwardedHeaders:KnownNetworks:0"] = "10.1.0.0/16";

        var options = proxied.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Equal([IPAddress.Parse("10.0.0.5")], options.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.1.0.0/16")], options.KnownIPNetworks);
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "20010DB800010002/64")]
    [InlineData("2001:db8:1:2:1111:2222:3333:4444", "20010DB800010002/64")]
    public void ClientKey_GroupsIPv6ByItsNetwork(string address, string key) =>
        Assert.Equal(key, Ditib.Beratung.Api.Infrastructure.RateLimits.ClientKey(System.Net.IPAddress.Parse(address)));

    [Fact]
    public async Task ManageLink_OverTheLimit_Gets429()
    {
        var client = api.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SendAsync(Scenario.WithToken(HttpMethod.Get, "/api/v1/bookings/ABCD-EFGH", "guess"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
    }
}
