using Ditib.Beratung.Web.Pages.Staff.Dpo;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.Web;

/// <summary>
/// The data-protection officer's pages under <c>/staff/dpo</c>. The access export document, which the API's
/// <c>export.html</c> uses as well, is registered with the letters (<see cref="Letters.LetterViews"/>). Program.cs calls
/// <see cref="AddDpoPages"/> beside the other pages' registrations.
/// </summary>
public static class DpoPages
{
    public static IServiceCollection AddDpoPages(this IServiceCollection services)
    {
        services.AddScoped<DpoErrors>();
        return services;
    }
}
