using System.Net;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.IntegrationTests;

/// <summary>
/// Issue 13, item 9: failures lock the source (address, IPv6 /64) they come from, not the account, so a stranger
/// cannot lock a colleague out; a per-account ceiling stops guessing spread over many sources and is audited.
/// </summary>
public sealed class SignInLockoutTests : IDisposable
{
    private readonly ApiFactory api = new();
    private readonly HttpClient client;

    public SignInLockoutTests()
    {
        api.Settings["Beratung:Auth:AccountLockoutAttempts"] = "10";
        api.ConfigureServices = services => services.AddSingleton<IStartupFilter, TestSourceAddress>();
        client = api.CreateClient();
    }

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task FiveFailuresFromAStranger_LockTheStrangersSource_NotTheColleague()
    {
        var (_, _, username) = await api.CreateClientAsAsync(Roles.Counsellor);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync("203.0.113.5", new { username, password = $"Geraten-Testwort-{i}" });
        }

        var stranger = await SignInAsync("203.0.113.5", api.SignInBody(username));
        var colleague = await SignInAsync("198.51.100.7", api.SignInBody(username));

        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, colleague.StatusCode);
        Assert.Equal(1, Scenario.Count(api, "SELECT count(*) FROM audit_entry WHERE action = 'auth.lockout' AND outcome = 'success: source locked'"));
    }

    [Fact]
    public async Task AnIPv6Source_IsItsSlash64()
    {
        var (_, _, username) = await api.CreateClientAsAsync(Roles.Staff);
        for (var i = 0; i < 5; i++)
        {
            await SignInAsync($"2001:db8:0:7::{i + 1}", new { username, password = $"Geraten-Testwort-{i}" });
        }

        var sameNetwork = await SignInAsync("2001:db8:0:7::99", api.SignInBody(username));
        var otherNetwork = await SignInAsync("2001:db8:0:8::1", api.SignInBody(username));

        Assert.Equal(HttpStatusCode.Unauthorized, sameNetwork.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherNetwork.StatusCode);
    }

    [Fact]
    public async Task GuessingSpreadOverManySources_HitsTheAccountCeiling_WhichLocksTheAccountAndIsAudited()
    {
        var (_, userId, username) = await api.CreateClientAsAsync(Roles.Staff);
        for (var i = 0; i < 10; i++)
        {
            await SignInAsync($"192.0.2.{i + 1}", new { username, password = $"Geraten-Testwort-{i}" });
        }

        var anywhere = await SignInAsync("198.51.100.200", api.SignInBody(username));

        Assert.Equal(HttpStatusCode.Unauthorized, anywhere.StatusCode);
        Assert.Equal(1, Scenario.Count(api,
            $"SELECT count(*) FROM audit_entry WHERE action = 'auth.lockout' AND outcome = 'success: account locked' AND subject_id = '{userId}'"));
        Assert.Equal(0, Scenario.Count(api, "SELECT count(*) FROM audit_entry WHERE action = 'auth.lockout' AND outcome = 'success: source locked'"));
    }

    [Fact]
    public async Task ASuccessfulSignIn_ClearsItsSourcesFailures()
    {
        var (_, _, username) = await api.CreateClientAsAsync(Roles.Staff);
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync("203.0.113.9", new { username, password = $"Geraten-Testwort-{i}" });
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync("203.0.113.9", api.SignInBody(username))).StatusCode);
        for (var i = 0; i < 4; i++)
        {
            await SignInAsync("203.0.113.9", new { username, password = $"Nochmal-Geraten-{i}" });
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync("203.0.113.9", api.SignInBody(username))).StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(string source, object body) => client.SendAsync(TestSourceAddress.SignIn(source, body));
}
