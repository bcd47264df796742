using Scalar.AspNetCore;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary><c>Beratung:ApiDocs</c>: whether <c>/openapi/v1.json</c> and the Scalar UI at <c>/scalar</c> are served.</summary>
public sealed class ApiDocsOptions
{
    /// <summary>Off unless set: <c>appsettings.Development.json</c> switches it on for development.</summary>
    public bool Enabled { get; set; }
}

/// <summary>The OpenAPI document and its UI. Scalar is served from the application itself and fetches nothing from elsewhere.</summary>
public static class ApiDocs
{
    public static IServiceCollection AddBeratungApiDocs(this IServiceCollection services)
    {
        services.AddOptions<ApiDocsOptions>().BindConfiguration("Beratung:ApiDocs");
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<OpenApiDocumentConventions>();
            options.AddOperationTransformer<OpenApiOperations>();
        });
        return services;
    }

    public static WebApplication MapBeratungApiDocs(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiDocsOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options
                .WithTitle("Ditib.Beratung API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .AddPreferredSecuritySchemes(OpenApiOperations.BearerScheme))
            .AllowAnonymous();
        return app;
    }
}
