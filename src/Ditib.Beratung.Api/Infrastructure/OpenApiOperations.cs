using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// What every operation declares, read from the endpoint's own metadata so that endpoints added later get it too:
/// its security (the bearer scheme, or none where anonymous), 401 and 403 where authorization can refuse, 400 and
/// 415 where a body is read, 429 where a rate limit applies, and an operation id.
/// </summary>
public sealed class OpenApiOperations : IOpenApiOperationTransformer
{
    public const string BearerScheme = "Bearer";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var document = context.Document!;
        operation.OperationId ??= OperationId(description);
        operation.Responses ??= [];

        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [];
        }
        else
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
            await AddProblemAsync(operation, context, StatusCodes.Status401Unauthorized, "Not signed in, or the token is no longer valid", cancellationToken);
            if (await MayForbidAsync(metadata, context.ApplicationServices))
            {
                await AddProblemAsync(operation, context, StatusCodes.Status403Forbidden, "Signed in without the role this needs", cancellationToken);
            }
        }

        if (description.ParameterDescriptions.Any(p => p.Source == BindingSource.Body))
        {
            await AddProblemAsync(operation, context, StatusCodes.Status400BadRequest, "The body is not well-formed JSON or a value has the wrong form", cancellationToken);
            await AddProblemAsync(operation, context, StatusCodes.Status415UnsupportedMediaType, "The body is not sent as application/json", cancellationToken);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            await AddProblemAsync(operation, context, StatusCodes.Status429TooManyRequests, "Too many requests from this address; see Retry-After", cancellationToken);
        }
    }

    /// <summary>Whether the endpoint's policy (or the fallback policy) asks for more than being signed in.</summary>
    private static async Task<bool> MayForbidAsync(IList<object> metadata, IServiceProvider services)
    {
        var provider = services.GetRequiredService<IAuthorizationPolicyProvider>();
        var policy = await AuthorizationPolicy.CombineAsync(provider, metadata.OfType<IAuthorizeData>())
            ?? await provider.GetFallbackPolicyAsync();
        return policy?.Requirements.Any(r => r is not Microsoft.AspNetCore.Authorization.Infrastructure.DenyAnonymousAuthorizationRequirement) == true;
    }

    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string description,
        CancellationToken cancellationToken)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses!.ContainsKey(key))
        {
            return;
        }

        var document = context.Document!;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(nameof(ProblemDetails)))
        {
            document.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }

        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), document) },
            },
        };
    }

    /// <summary><c>POST api/v1/bookings/{reference}/cancel</c> becomes <c>postBookingsByReferenceCancel</c>.</summary>
    internal static string OperationId(ApiDescription description)
    {
        var id = new StringBuilder((description.HttpMethod ?? "any").ToLowerInvariant());
        var path = (description.RelativePath ?? "").Split('?')[0];
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipWhile(s => s is "api" or "v1"))
        {
            var parameter = segment.StartsWith('{');
            var name = parameter ? "By-" + segment.Trim('{', '}', '*', '?').Split(':')[0] : segment;
            foreach (var word in name.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries))
            {
                id.Append(char.ToUpperInvariant(word[0])).Append(word[1..]);
            }
        }

        return id.ToString();
    }
}
