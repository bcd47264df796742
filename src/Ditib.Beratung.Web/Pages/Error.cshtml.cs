using System.Diagnostics;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Pages;

/// <summary>
/// What a resident sees instead of a bare status: an address that does not exist (404), a form that can no longer be
/// accepted (400, e.g. an expired antiforgery token), too many requests (429) and unexpected errors (500), in the
/// page's language. Reached by re-execution from the status-code and exception middleware, and as the fallback page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : ResidentPageModel
{
    public string Kind { get; private set; } = "NotFound";

    public string TraceId { get; private set; } = "";

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        var code = reExecuted ? Response.StatusCode : status ?? StatusCodes.Status404NotFound;
        Kind = code switch
        {
            StatusCodes.Status404NotFound => "NotFound",
            StatusCodes.Status429TooManyRequests => "TooMany",
            >= 400 and < 500 => "BadRequest",
            _ => "Unexpected",
        };
        TraceId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        Response.StatusCode = code is >= 400 and < 600 ? code : StatusCodes.Status404NotFound;
    }
}
