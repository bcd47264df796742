using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Ditib.Beratung.Web.Staff;

/// <summary>
/// The staff pages' answer to an error status without a body (403 for a role the person lacks, 404, …): a short page
/// in the staff pages' language and style instead of the API's problem details. The status stays as it is.
/// </summary>
public static class StaffStatusPage
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var texts = http.RequestServices.GetRequiredService<IStringLocalizer<StaffTexts>>();
        var (title, text) = http.Response.StatusCode switch
        {
            StatusCodes.Status403Forbidden => ("StaffStatus_ForbiddenTitle", "StaffStatus_Forbidden"),
            StatusCodes.Status404NotFound => ("StaffStatus_NotFoundTitle", "StaffStatus_NotFound"),
            _ => ("StaffStatus_OtherTitle", "StaffStatus_Other"),
        };
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "de";
        string T(string key) => HtmlEncoder.Default.Encode(texts[key].Value);

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}" dir="ltr">
            <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>{T(title)} – {T("StaffLayout_Site")}</title>
                <link rel="stylesheet" href="/_content/Ditib.Beratung.Web/staff.css">
            </head>
            <body>
                <header class="staff-header"><a class="staff-site" href="/staff">{T("StaffLayout_Site")}</a></header>
                <main id="main">
                    <h1>{T(title)}</h1>
                    <p>{T(text)}</p>
                    <p><a href="/staff">{T("StaffStatus_Home")}</a></p>
                </main>
            </body>
            </html>
            """);
    }
}
