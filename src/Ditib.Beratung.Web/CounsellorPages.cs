using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.Web;

/// <summary>
/// The counsellor's pages under <c>/staff</c> (Mein Tag, Fälle, the case page, Weitervermittlung). Program.cs calls
/// <see cref="AddCounsellorPages"/> beside the other pages' registrations.
/// </summary>
public static class CounsellorPages
{
    public static IServiceCollection AddCounsellorPages(this IServiceCollection services)
    {
        services.AddScoped<CaseErrors>();
        services.AddSingleton<NoteDrafts>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NoteDraftOnSignIn>();
        return services;
    }
}
