using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>Declares the bearer scheme in the OpenAPI document, so the Scalar UI can send a token.</summary>
public sealed class OpenApiSecurity : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/v1/auth/token.",
        };
        return Task.CompletedTask;
    }
}
