using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Web.Support;

/// <summary>Until the staff sign-in with its second factor is merged, revealing an identity on a page is refused.</summary>
public static class FreshSecondFactor
{
    public static IActionResult? Demand(HttpContext context, string returnUrl) => new ForbidResult();
}
