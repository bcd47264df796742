namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// Headers for an API that carries personal data: no sniffing, no framing, no referrer, and API answers are never
/// cached. The strict content policy is for the API; the residents' pages get one almost as strict (their own
/// stylesheet, forms to themselves, no script at all); the staff pages may
/// load their own script files and are never cached (they show case data); the Scalar UI needs its scripts.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Set when the response starts, so that answers written by the exception handler carry them too.
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    }

    public const string PagePolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The staff pages: their own script files (the session-expiry warning, never inline) that may call back to the
    /// site (keeping the session alive), and <c>data:</c> images (the second factor's QR code, drawn on the server).
    /// </summary>
    public const string StaffPagePolicy = "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
            headers.CacheControl = "no-store";
        }
        else if (context.Request.Path.StartsWithSegments("/staff"))
        {
            // A staff page may set a stricter policy of its own (the referral letter: its one inline stylesheet by hash).
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = StaffPagePolicy;
            }

            headers.CacheControl = "no-store";
        }
        else if (!context.Request.Path.StartsWithSegments("/scalar"))
        {
            headers.ContentSecurityPolicy = PagePolicy;
        }
    }
}
