using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ditib.Beratung.Web.Support;

/// <summary>
/// Every resident page: nothing is cached (the pages show bookings and personal data), and no page sends a referrer
/// (the manage pages' addresses identify a booking). The host's security headers say the same; this keeps the pages
/// safe wherever they are hosted.
/// </summary>
public abstract class ResidentPageModel : PageModel
{
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = "no-store";
        headers["Referrer-Policy"] = "no-referrer";
        base.OnPageHandlerExecuting(context);
    }
}
