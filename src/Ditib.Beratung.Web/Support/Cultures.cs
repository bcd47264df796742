using System.Globalization;
using Ditib.Beratung.Application.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// The languages of the pages. Chosen, in this order, from <c>?culture=</c>, the remembered cookie and the
/// browser's Accept-Language; German when none of them names one of these.
/// </summary>
public static class Cultures
{
    public const string Default = "de";

    /// <summary>Each language with its own name for itself, for the language switch.</summary>
    public static readonly IReadOnlyList<(string Code, string Endonym)> Supported =
    [
        ("de", "Deutsch"),
        ("tr", "Türkçe"),
        ("ar", "العربية"),
        ("en", "English"),
    ];

    public static void Configure(RequestLocalizationOptions options)
    {
        var cultures = Supported.Select(s => Create(s.Code)).ToList();
        options.DefaultRequestCulture = new RequestCulture(Default);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.ApplyCurrentCultureToResponseHeaders = true;
    }

    /// <summary>
    /// The culture of a page: its dates and times come from <see cref="ResidentFormats"/>, the same as in the e-mails
    /// (Gregorian, 24-hour clock, English as in Britain).
    /// </summary>
    public static CultureInfo Create(string code) => ResidentFormats.Culture(code);

    public static bool IsSupported(string? code) => Supported.Any(s => s.Code == code);

    /// <summary>"rtl" for Arabic, "ltr" otherwise.</summary>
    public static string Direction(CultureInfo culture) => culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";

    /// <summary>The current address in another language: the same path and query, without the token or a handler.</summary>
    public static string SwitchLink(HttpRequest request, string code)
    {
        var query = request.Query
            .Where(q => q.Key is not ("culture" or ManageLink.TokenParameter or "handler" or "done"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("culture", code));
        return $"{request.PathBase}{request.Path}{QueryString.Create(query)}";
    }

    /// <summary>When the language came from <c>?culture=</c>, the choice is kept in the culture cookie for a year.</summary>
    public static void RememberChoice(HttpContext context)
    {
        var feature = context.Features.Get<IRequestCultureFeature>();
        if (feature?.Provider is not QueryStringRequestCultureProvider || !context.Request.Query.ContainsKey("culture"))
        {
            return;
        }

        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(feature.RequestCulture),
            new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
                HttpOnly = true,
                Secure = context.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                Path = "/",
            });
    }
}
