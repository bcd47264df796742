using System.Security.Cryptography;
using System.Text;
using Ditib.Beratung.Application.Privacy;

namespace Ditib.Beratung.Web.Documents;

/// <summary>
/// The access export (<see cref="IAccessExportDocument"/>) rendered with the Razor view <c>Documents/AccessExport.cshtml</c>:
/// one self-contained German page with an inline A4 print stylesheet, no script, nothing loaded from elsewhere, so it
/// can be printed, saved or handed over as it is. The API's <c>export.html</c> and the DPO's page both use it.
/// </summary>
public sealed class AccessExportDocument(DocumentViews views) : IAccessExportDocument
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

    public Task<string> RenderAsync(AccessExport export, CancellationToken cancellationToken) =>
        views.RenderAsync(ViewPath, export);
}
