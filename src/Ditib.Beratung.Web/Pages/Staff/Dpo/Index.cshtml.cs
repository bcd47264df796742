using Ditib.Beratung.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Ditib.Beratung.Web.Pages.Staff.Dpo;

/// <summary>The data-protection officer's start page: links to Protokoll, Anfragen, Aufbewahrung and Statistik.</summary>
[Authorize(Policy = Policies.Dpo)]
public sealed class IndexModel : PageModel
{
    public static readonly StartPage Start = new("Dpo_Title", "Dpo_Intro",
    [
        new("/staff/dpo/audit", "Dpo_Audit"),
        new("/staff/dpo/requests", "Dpo_Requests"),
        new("/staff/dpo/retention", "Dpo_Retention"),
        new("/staff/dpo/statistics", "Dpo_Statistics"),
    ]);
}
