using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// The personal manage link <c>/manage/{reference}?token={token}</c>. The token is taken out of the address at once:
/// it goes into a short-lived HttpOnly cookie scoped to that booking's manage path, and the browser is sent on to the
/// address without it, so it stays out of history, logs of proxies and the Referer header. Forms that act on the
/// booking send it back in that cookie, never in a URL.
/// </summary>
public sealed class ManageLink(IWebHostEnvironment environment, IOptions<BeratungOptions> settings)
{
    public const string CookieName = "beratung-link";
    public const string TokenParameter = "token";

    /// <summary>Long enough to read, move or cancel; after it the resident opens the personal link again.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromMinutes(60);

    public static string PagePath(string reference) => $"/manage/{reference}";

    /// <summary>
    /// The full personal link, shown to the resident to keep (never written to a log or a redirect). It starts with
    /// <c>Beratung:PublicBaseUrl</c> when set (as in the e-mails), so a forged Host header cannot change it.
    /// </summary>
    public string PersonalLink(HttpRequest request, string reference, string token) =>
        $"{PublicBase(request)}{PagePath(reference)}?{TokenParameter}={Uri.EscapeDataString(token)}";

    private string PublicBase(HttpRequest request) =>
        settings.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";

    /// <summary>The token sent in the address, if any (read from the query directly, so no handler argument logs it).</summary>
    public static string? FromQuery(HttpRequest request) =>
        request.Query.TryGetValue(TokenParameter, out var values) && values.Count == 1 && !string.IsNullOrEmpty(values[0]) && values[0]!.Length <= 200
            ? values[0]
            : null;

    public static bool HasTokenInQuery(HttpRequest request) => request.Query.ContainsKey(TokenParameter);

    public static string? FromCookie(HttpRequest request) => request.Cookies.TryGetValue(CookieName, out var token) ? token : null;

    /// <summary>
    /// SameSite=Lax rather than Strict: a resident opens the link from a mail program or webmail (another site), and
    /// browsers do not send Strict cookies on the redirect that follows such a navigation. Lax cookies are still
    /// never sent with cross-site POSTs or embedded requests; every form also carries an antiforgery token.
    /// </summary>
    public void Keep(HttpResponse response, string reference, string token) =>
        response.Cookies.Append(CookieName, token, Options(response.HttpContext.Request, reference, CookieLifetime));

    /// <summary>Secure whenever the request came over HTTPS, and always outside Development (where HTTPS is enforced).</summary>
    private CookieOptions Options(HttpRequest request, string reference, TimeSpan lifetime) => new()
    {
        HttpOnly = true,
        Secure = request.IsHttps || !environment.IsDevelopment(),
        SameSite = SameSiteMode.Lax,
        Path = PagePath(reference),
        MaxAge = lifetime,
        IsEssential = true,
    };

    public static bool TryNormalise(string? reference, out string normalised) => BookingReference.TryNormalise(reference, out normalised);
}
