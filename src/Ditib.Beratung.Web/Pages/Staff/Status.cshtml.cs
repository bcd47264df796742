using Microsoft.AspNetCore.Diagnostics;

namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>The staff pages' answer to an error status (403, 404, …), in place of the API's problem details.</summary>
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string TitleKey => Code switch
    {
        StatusCodes.Status403Forbidden => "StaffStatus_ForbiddenTitle",
        StatusCodes.Status404NotFound => "StaffStatus_NotFoundTitle",
        _ => "StaffStatus_OtherTitle",
    };

    public string TextKey => Code switch
    {
        StatusCodes.Status403Forbidden => "StaffStatus_Forbidden",
        StatusCodes.Status404NotFound => "StaffStatus_NotFound",
        _ => "StaffStatus_Other",
    };

    public void OnGet(int? code)
    {
        // Only a re-executed error keeps its status; a direct visit is an ordinary page.
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        Code = original ?? code ?? StatusCodes.Status404NotFound;
        if (original is { } status)
        {
            Response.StatusCode = status;
        }
    }
}
