using Ditib.Beratung.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin;

/// <summary>The admin's start page: links to Benutzer, Beraterinnen und Berater, Partner and Zentrum.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel : PageModel
{
    public static readonly StartPage Start = new("Admin_Title", "Admin_Intro",
    [
        new("/staff/admin/users", "Admin_Users"),
        new("/staff/admin/counsellors", "Admin_Counsellors"),
        new("/staff/admin/partners", "Admin_Partners"),
        new("/staff/admin/centre", "Admin_Centre"),
    ]);
}
