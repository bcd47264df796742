using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.Web.Documents;
using Ditib.Beratung.Web.Pages.Staff.Dpo;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.Web;

/// <summary>
/// The data-protection officer's pages under <c>/staff/dpo</c> and the access export document, which the API's
/// <c>export.html</c> uses as well. Program.cs calls <see cref="AddDpoPages"/> beside the other pages' registrations.
/// </summary>
public static class DpoPages
{
    public static IServiceCollection AddDpoPages(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IAccessExportDocument, AccessExportDocument>();
        services.AddScoped<DpoErrors>();
        return services;
    }
}
