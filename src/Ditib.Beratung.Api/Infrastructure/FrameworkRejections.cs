using Microsoft.AspNetCore.Authorization;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Routing answers a wrong method (405) or a body of the wrong media type (415) with endpoints of its own that carry
/// no metadata at all, so the signed-in fallback policy would turn them into a 401 for anonymous callers. They do
/// nothing but set the status, so they are let through: a client learns what to change.
/// </summary>
public sealed class FrameworkRejections(RequestDelegate next)
{
    private static readonly EndpointMetadataCollection Anonymous = new(new AllowAnonymousAttribute());

    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint() is { } endpoint and not RouteEndpoint && endpoint.Metadata.Count == 0)
        {
            context.SetEndpoint(new Endpoint(endpoint.RequestDelegate, Anonymous, endpoint.DisplayName));
        }

        return next(context);
    }
}
