using System.Text.Encodings.Web;
using System.Text.Unicode;
using Ditib.Beratung.Web.Staff;
using Ditib.Beratung.Web.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.WebEncoders;

namespace Ditib.Beratung.Web;

/// <summary>
/// The residents' pages (Razor Pages, localised, without accounts), hosted by the API's application. Program.cs calls
/// <see cref="AddResidentPages"/>, <see cref="UseResidentPages"/> and <see cref="MapResidentPages"/> in plain sight.
/// </summary>
public static class ResidentPages
{
    /// <summary>
    /// Categories that log the full request URL, query string included, at Information and below. The manage link
    /// carries the booking's token in its query, so these never log below Warning, whatever the configuration says.
    /// </summary>
    public static readonly IReadOnlyList<string> UrlLoggingCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Mvc.RazorPages",
    ];

    /// <summary>
    /// The pages' services, and their stylesheet as a static web asset in every environment: from the project folders
    /// when run from a build (<c>dotnet run</c>, tests), from <c>wwwroot/_content</c> when published.
    /// </summary>
    public static WebApplicationBuilder AddResidentPages(this WebApplicationBuilder builder)
    {
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddResidentPages();
        return builder;
    }

    public static IServiceCollection AddResidentPages(this IServiceCollection services)
    {
        services.AddLocalization();
        // Turkish and Arabic letters are written as they are, not as character references.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "beratung-form";
            options.FormFieldName = "__form";
            options.SuppressXFrameOptionsHeader = true;
        });
        services.Configure<RequestLocalizationOptions>(Cultures.Configure);
        services.AddScoped<SlotFinder>();
        services.AddScoped<ReferenceNames>();
        services.AddScoped<ManageLink>();
        services.AddScoped<PageErrors>();
        services.AddLogging(logging =>
        {
            foreach (var category in UrlLoggingCategories)
            {
                logging.AddFilter(category, level => level >= LogLevel.Warning);
            }
        });
        return services;
    }

    /// <summary>
    /// Whether a request is answered as a page rather than as JSON: everything outside the API, its document and the
    /// health check. Errors of page requests become pages in the visitor's language, not problem details.
    /// </summary>
    public static bool ServesPage(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/openapi")
        && !context.Request.Path.StartsWithSegments("/scalar") && !context.Request.Path.StartsWithSegments("/health");

    /// <summary>Unexpected errors and bare error statuses (400, 404, 429, ...) of page requests become the error page.</summary>
    public static IApplicationBuilder UseResidentErrorPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    /// <summary>
    /// The stylesheet, and the language of every request outside <c>/api</c> (the API keeps its English, culture-free
    /// answers). A language chosen with <c>?culture=</c> is remembered in a cookie.
    /// </summary>
    public static IApplicationBuilder UseResidentPages(this IApplicationBuilder app)
    {
        app.UseStaticFiles();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"), pages =>
        {
            pages.UseRequestLocalization();
            pages.Use((context, next) =>
            {
                Cultures.RememberChoice(context);
                return next(context);
            });
        });

        // An address outside the API that is neither a page nor a file does not exist: 404 (the error page in the
        // visitor's language), before authorization would answer 401 for lack of a policy. The staff workspace answers
        // its own unknown addresses with its own page (UseStaffPages).
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null && ServesPage(context) && !context.Request.Path.StartsWithSegments("/staff"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>
    /// Maps every page: the residents' pages are anonymous, and booking and manage-link pages share the API's rate
    /// limits; the staff pages (<see cref="StaffPages"/>) are not anonymous, and their sign-in shares the API's
    /// sign-in limit.
    /// </summary>
    public static IEndpointRouteBuilder MapResidentPages(this IEndpointRouteBuilder app, string bookingRateLimit, string manageLinkRateLimit,
        string signInRateLimit)
    {
        app.MapRazorPages()
            .Add(endpoint =>
            {
                var page = endpoint.Metadata.OfType<PageActionDescriptor>().FirstOrDefault()?.ViewEnginePath;
                if (!StaffPages.Contains(page))
                {
                    endpoint.Metadata.Add(new AllowAnonymousAttribute());
                }

                var policy = page switch
                {
                    "/Book" => bookingRateLimit,
                    "/Manage" or "/Move" or "/Confirmation" or "/Calendar" => manageLinkRateLimit,
                    "/Staff/SignIn" or "/Staff/SignInCode" or "/Staff/Confirm" or "/Staff/Enrol" or "/Staff/PasswordChange" => signInRateLimit,
                    _ => null,
                };
                if (policy is not null)
                {
                    endpoint.Metadata.Add(new EnableRateLimitingAttribute(policy));
                }
            });
        return app;
    }
}
