using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Ditib.Beratung.Web.Support;

public static class PageModelExtensions
{
    /// <summary>303 See Other: after a POST the browser fetches the result with GET (post-redirect-get).</summary>
    public static IActionResult SeeOther(this PageModel page, string location)
    {
        page.Response.Headers.Location = location;
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }
}
