using Ditib.Beratung.Application.Auth;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>The source of a sign-in attempt: the client's address, an IPv6 address by its /64 (as the rate limits count).</summary>
public sealed class HttpSignInOrigin(IHttpContextAccessor accessor) : ISignInOrigin
{
    public string Source => accessor.HttpContext is { } context ? RateLimits.ClientKey(context.Connection.RemoteIpAddress) : "local";
}
