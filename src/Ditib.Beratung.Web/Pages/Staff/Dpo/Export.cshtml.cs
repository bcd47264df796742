using System.Text.Json;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Web.Documents;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Staff;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ditib.Beratung.Web.Pages.Staff.Dpo;

/// <summary>
/// The access export of a case (<see cref="GetAccessExport"/>, audited) as the document the API's <c>export.html</c>
/// gives, served under a policy that allows its one inline print stylesheet by hash, or as the API's JSON to download.
/// Wants a fresh second factor.
/// </summary>
[Authorize(Policy = Policies.Dpo)]
[RequireFreshSecondFactor]
public sealed class ExportModel(IMediator mediator, IAccessExportDocument document, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json) : PageModel
{
    public static string For(string code, bool json = false) =>
        $"{RequestsModel.Path}/{Uri.EscapeDataString(code)}/export{(json ? "?handler=json" : "")}";

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await ExportAsync(code, cancellationToken) is not { } export)
        {
            return NotFound();
        }

        Response.Headers.ContentSecurityPolicy = AccessExportDocument.Policy;
        return Content(await document.RenderAsync(export, cancellationToken), "text/html; charset=utf-8");
    }

    public async Task<IActionResult> OnGetJsonAsync(string code, CancellationToken cancellationToken)
    {
        if (await ExportAsync(code, cancellationToken) is not { } export)
        {
            return NotFound();
        }

        return File(JsonSerializer.SerializeToUtf8Bytes(export, json.Value.SerializerOptions), "application/json", $"auskunft-{export.CaseCode}.json");
    }

    /// <summary>The export, or null for a code that is malformed or names no case (both a 404 page).</summary>
    private async Task<AccessExport?> ExportAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            return await mediator.Send(new GetAccessExport(code), cancellationToken);
        }
        catch (Exception e) when (e is ValidationException or NotFoundException)
        {
            return null;
        }
    }
}
