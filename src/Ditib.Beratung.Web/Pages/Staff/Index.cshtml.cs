namespace Ditib.Beratung.Web.Pages.Staff;

/// <summary>"Mein Tag", the home page after signing in (a placeholder until the counsellor's day is built).</summary>
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
