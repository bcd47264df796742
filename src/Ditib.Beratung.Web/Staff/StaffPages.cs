using System.Globalization;
using Ditib.Beratung.Web.Security;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;

namespace Ditib.Beratung.Web.Staff;

/// <summary>
/// The staff workspace: every page under <c>Pages/Staff</c> wants the staff cookie (<see cref="Policies.StaffPages"/>)
/// except the sign-in and its later steps; a page names its role policy on top (<c>[Authorize(Policy = Policies.CaseWork)]</c>).
/// German first, English second. Program.cs calls <see cref="AddStaffPages"/> and <see cref="UseStaffPages"/>.
/// </summary>
public static class StaffPages
{
    public const string Folder = "/Staff";

    public const string PathPrefix = "/staff";

    /// <summary>The staff pages' languages; any other choice shows German.</summary>
    public static readonly IReadOnlyList<(string Code, string Endonym)> Languages = [("de", "Deutsch"), ("en", "English")];

    public static IServiceCollection AddStaffPages(this IServiceCollection services)
    {
        services.AddStaffAuthentication();
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder(Folder, Policies.StaffPages);
            options.Conventions.AllowAnonymousToPage("/Staff/SignIn");
            // The steps between the password and a complete sign-in check the pending cookie themselves.
            options.Conventions.AllowAnonymousToPage("/Staff/SignInCode");
            options.Conventions.AllowAnonymousToPage("/Staff/Enrol");
            options.Conventions.AllowAnonymousToPage("/Staff/PasswordChange");
        });
        return services;
    }

    /// <summary>
    /// For requests under <c>/staff</c>: German unless English was chosen, and error statuses (403, 404, …) answered
    /// with the staff pages' own explanation instead of problem details. Call after <c>UseResidentPages</c>.
    /// </summary>
    public static IApplicationBuilder UseStaffPages(this IApplicationBuilder app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments(PathPrefix), staff =>
        {
            staff.Use((context, next) =>
            {
                if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName != "en")
                {
                    CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Cultures.Create(Cultures.Default);
                }

                return next(context);
            });
            staff.UseStatusCodePages(StaffStatusPage.WriteAsync);
            staff.Use((context, next) =>
            {
                // No such staff page: 404, before authorization would answer 401 for lack of a policy.
                if (context.GetEndpoint() is null)
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return Task.CompletedTask;
                }

                return next(context);
            });
        });
        return app;
    }

    /// <summary>True for a page of the staff workspace (by its view engine path, e.g. <c>/Staff/Index</c>).</summary>
    public static bool Contains(string? viewEnginePath) =>
        viewEnginePath is not null && viewEnginePath.StartsWith(Folder + "/", StringComparison.OrdinalIgnoreCase);
}
