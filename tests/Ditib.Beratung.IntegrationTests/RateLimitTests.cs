using System.Net;
using System.Net.Http.Json;
using Ditib.Beratung.IntegrationTests.Support;

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
