using Ditib.Beratung.Application.Cases;
using Ditib.Beratung.Application.Common;
using MediatR;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// The counsellor's pages: nothing is cached, no referrer is sent. A case in the address is found by its code (or
/// id) through the same requests as the API, so a colleague's case and a case that does not exist give the same 404.
/// </summary>
public abstract class CasePageModel(IMediator mediator, CaseErrors errors) : PageModel
{
    public CaseErrors Errors => errors;

    /// <summary>The case of the page, once <see cref="FindCaseAsync"/> found it.</summary>
    public CaseSummaryDto Case { get; private set; } = null!;

    /// <summary>Set when the page shows "case not found" (404) instead of its content.</summary>
    public bool Missing { get; private set; }

    protected IMediator Mediator => mediator;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        base.OnPageHandlerExecuting(context);
    }

    /// <summary>Loads the case named in the address; false (and the page set to 404) when the caller may not see it.</summary>
    protected async Task<bool> FindCaseAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            var found = Guid.TryParse(code, out var id)
                ? await mediator.Send(new GetCase(id), cancellationToken)
                : CaseCodes.IsCode(code)
                    ? (await mediator.Send(new ListCases(null, null, null, code), cancellationToken)).SingleOrDefault()
                    : null;
            if (found is not null)
            {
                Case = found;
                return true;
            }
        }
        catch (NotFoundException)
        {
            // Same answer as for an unknown code below.
        }

        MarkMissing();
        return false;
    }

    /// <summary>The page says "not found" with 404 instead of its content.</summary>
    protected void MarkMissing()
    {
        Missing = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>The page itself, answering <paramref name="status"/> (the form's errors are shown on it).</summary>
    protected IActionResult Show(int status)
    {
        Response.StatusCode = status;
        return Page();
    }
}
