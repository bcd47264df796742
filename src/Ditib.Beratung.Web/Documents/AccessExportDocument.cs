using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Routing;

namespace Ditib.Beratung.Web.Documents;

/// <summary>
/// The access export (<see cref="IAccessExportDocument"/>) rendered with the Razor view <c>Documents/AccessExport.cshtml</c>:
/// one self-contained German page with an inline A4 print stylesheet, no script, nothing loaded from elsewhere, so it
/// can be printed, saved or handed over as it is. The API's <c>export.html</c> and the DPO's page both use it.
/// </summary>
public sealed class AccessExportDocument(
    IRazorViewEngine views, ITempDataProvider tempData, IModelMetadataProvider metadata, IHttpContextAccessor accessor, IServiceProvider services)
    : IAccessExportDocument
{
    public const string ViewPath = "/Documents/AccessExport.cshtml";

    /// <summary>The inline stylesheet (screen and print). Quotes are avoided so that it reads the same in the page and in its hash.</summary>
    public const string Style = """
        @page { size: A4; margin: 20mm 18mm 20mm 20mm; }
        body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #000; background: #fff; max-width: 60rem; margin: 1.5rem auto; padding: 0 1rem; }
        header { border-bottom: 1px solid #000; margin-bottom: 1rem; padding-bottom: 0.5rem; }
        address { font-style: normal; }
        h1 { font-size: 15pt; margin: 0.75rem 0; }
        h2 { font-size: 12pt; margin: 1.25rem 0 0.4rem; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 0.75rem; }
        th, td { border: 1px solid #555; padding: 0.25rem 0.4rem; text-align: start; vertical-align: top; overflow-wrap: anywhere; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        .text { white-space: pre-line; }
        .none { font-style: italic; }
        @media print { body { margin: 0; padding: 0; max-width: none; } h2 { break-after: avoid; } }
        """;

    /// <summary>The stylesheet as a content-security-policy source, so that a page can show the document allowing exactly it.</summary>
    public static readonly string StyleSource = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'";

    /// <summary>The policy a page serving the document sends: its one stylesheet, nothing else.</summary>
    public static readonly string Policy = $"default-src 'none'; style-src {StyleSource}; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

    public async Task<string> RenderAsync(AccessExport export, CancellationToken cancellationToken)
    {
        var http = accessor.HttpContext ?? new DefaultHttpContext { RequestServices = services };
        var found = views.GetView(executingFilePath: null, ViewPath, isMainPage: true);
        if (!found.Success)
        {
            throw new InvalidOperationException($"The view {ViewPath} was not found.");
        }

        // The document is German whatever the reader's pages are set to: it is handed to the client.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Cultures.Create(Cultures.Default);
        try
        {
            await using var writer = new StringWriter(CultureInfo.InvariantCulture);
            var context = new ViewContext(
                new ActionContext(http, http.GetRouteData(), new ActionDescriptor()), found.View,
                new ViewDataDictionary<AccessExport>(metadata, new ModelStateDictionary()) { Model = export },
                new TempDataDictionary(http, tempData), writer, new HtmlHelperOptions());
            await found.View.RenderAsync(context);
            return writer.ToString();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
