using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>
/// Lets a test choose the client's address per request (header <c>X-Test-Source</c>), since the in-memory test
/// server has none: <c>api.ConfigureServices = s =&gt; s.AddSingleton&lt;IStartupFilter, TestSourceAddress&gt;()</c>.
/// </summary>
public sealed class TestSourceAddress : IStartupFilter
{
    public const string Header = "X-Test-Source";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
            {
                context.Connection.RemoteIpAddress = address;
            }

            return following(context);
        });
        next(app);
    };

    public static HttpRequestMessage SignIn(string source, object body) => new(HttpMethod.Post, "/api/v1/auth/token")
    {
        Content = System.Net.Http.Json.JsonContent.Create(body),
        Headers = { { Header, source } },
    };
}
