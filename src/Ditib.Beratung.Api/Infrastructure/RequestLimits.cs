namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Refuses bodies over the limit before anything reads them. Kestrel enforces the same limit on the wire
/// (<c>MaxRequestBodySize</c>); this also covers hosts without Kestrel's limits, such as the test server.
/// </summary>
public sealed class RequestLimits(RequestDelegate next)
{
    public const long MaxBodyBytes = 64 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
