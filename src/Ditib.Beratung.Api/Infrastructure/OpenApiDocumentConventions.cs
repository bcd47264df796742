using Ditib.Beratung.Application.Common;
using FluentValidation;
using FluentValidation.Validators;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// The document as a whole: the bearer scheme, an introduction that says how to sign in, a description per tag,
/// server addresses without a trailing slash, and request fields marked required only when they are.
/// </summary>
public sealed class OpenApiDocumentConventions : IOpenApiDocumentTransformer
{
    private const string Introduction = """
        The counselling system of the DITIB Bildungs- und Begegnungsstätte in Duisburg-Marxloh.

        Residents search slots and book without an account; the manage token from the booking's answer, sent as
        `X-Booking-Token`, is their key to the booking. Everything else needs a signed-in account of the centre:
        send user name and password to `POST /api/v1/auth/token` and put the `accessToken` of the answer into
        `Authorization: Bearer <token>` (here: under "Authentication", scheme Bearer). Errors are RFC 9457 problem
        details; a 400 names the offending fields in `errors`.
        """;

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Reference data"] = "Counselling topics and languages, with names in de, tr, ar and en (anonymous).",
        ["Slots"] = "Free appointments for residents, filtered by topic, language, mode and counsellor (anonymous).",
        ["Slots (staff)"] = "Consultation hours, publishing them as slots, ad-hoc slots and cancelling slots.",
        ["Bookings"] = "Booking, and the resident's own booking with the manage token: look, move, cancel, calendar file.",
        ["Counsellors"] = "Counsellor profiles: languages, topics, linked account.",
        ["Agenda (staff)"] = "The day's agenda, booking on behalf of callers and attendance.",
        ["Sign-in"] = "Bearer tokens and the own password.",
        ["Users"] = "Accounts and roles (admin).",
        ["Audit"] = "The hash-chained audit trail and its verification (dpo).",
        ["Cases"] = "Cases under pseudonymous codes, the sealed client identity and scrubbed notes (counsellors).",
        ["Partners"] = "The directory of partner organisations clients are referred to.",
        ["Referrals"] = "Referrals onward with the client's consent, their follow-up and the letter.",
        ["Data protection"] = "Access and erasure requests, legal holds and retention (dpo).",
        ["Statistics"] = "Anonymous counts by month with small numbers hidden (admin, dpo).",
        ["Messages"] = "The outbox of messages to residents, metadata only (staff).",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Ditib.Beratung API";
        document.Info.Description = Introduction;
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OpenApiOperations.BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /api/v1/auth/token.",
        };

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is not null && TagDescriptions.TryGetValue(tag.Name, out var text))
            {
                tag.Description = text;
            }
        }

        RequestFields.MarkOptional(document, context.ApplicationServices);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The generator marks every constructor parameter of a record as required, nullable or not. A field of a request
    /// body is required when it cannot be null, or when the request's validator asks for it without a condition;
    /// other nullable fields may be left out. Schemas that answers use as well keep what the generator said.
    /// </summary>
    private static class RequestFields
    {
        private static readonly Dictionary<string, Type> ValidatedTypes = typeof(ICommand).Assembly.GetTypes()
            .Select(t => t.BaseType)
            .Where(b => b is { IsGenericType: true } && b.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
            .Select(b => b!.GetGenericArguments()[0])
            .DistinctBy(t => t.Name)
            .ToDictionary(t => t.Name, StringComparer.Ordinal);

        public static void MarkOptional(OpenApiDocument document, IServiceProvider services)
        {
            var schemas = document.Components?.Schemas;
            if (schemas is null || document.Paths is null)
            {
                return;
            }

            var operations = document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()).ToList();
            var requests = Reachable(operations.SelectMany(o => o.RequestBody?.Content?.Values ?? []).Select(m => m.Schema), schemas);
            var answers = Reachable(operations.SelectMany(o => o.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? []).Select(m => m.Schema),
                schemas);
            foreach (var id in requests.Except(answers))
            {
                if (schemas[id] is not OpenApiSchema { Required: { Count: > 0 } required, Properties: { } properties })
                {
                    continue;
                }

                var demanded = Demanded(id, services);
                foreach (var (name, property) in properties)
                {
                    if (Nullable(property) && !demanded.Contains(name))
                    {
                        required.Remove(name);
                    }
                }
            }
        }

        /// <summary>Members the type's validator asks for (not null, not empty) under no condition.</summary>
        private static HashSet<string> Demanded(string schemaId, IServiceProvider services)
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!ValidatedTypes.TryGetValue(schemaId, out var type)
                || services.GetService(typeof(IValidator<>).MakeGenericType(type)) is not IValidator validator)
            {
                return names;
            }

            var descriptor = validator.CreateDescriptor();
            foreach (var member in descriptor.GetMembersWithValidators())
            {
                var unconditional = descriptor.GetRulesForMember(member.Key)
                    .Where(rule => !IsForEach(rule))
                    .SelectMany(rule => rule.Components)
                    .Any(c => !c.HasCondition && !c.HasAsyncCondition && c.Validator is INotNullValidator or INotEmptyValidator);
                if (unconditional)
                {
                    names.Add(member.Key);
                }
            }

            return names;
        }

        /// <summary>A <c>RuleForEach</c> rule speaks about the items, not about the member itself.</summary>
        private static bool IsForEach(IValidationRule rule) =>
            rule.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

        private static bool Nullable(IOpenApiSchema schema) =>
            (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null))
            || schema.OneOf?.Any(s => s.Type == JsonSchemaType.Null) == true
            || schema.AnyOf?.Any(s => s.Type == JsonSchemaType.Null) == true;

        private static HashSet<string> Reachable(IEnumerable<IOpenApiSchema?> roots, IDictionary<string, IOpenApiSchema> schemas)
        {
            var found = new HashSet<string>(StringComparer.Ordinal);
            var pending = new Stack<IOpenApiSchema>(roots.OfType<IOpenApiSchema>());
            while (pending.TryPop(out var schema))
            {
                if (schema is OpenApiSchemaReference { Reference.Id: { } id })
                {
                    if (found.Add(id) && schemas.TryGetValue(id, out var target))
                    {
                        pending.Push(target);
                    }

                    continue;
                }

                foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
                             .Concat(schema.AllOf ?? []).Append(schema.Items).Append(schema.AdditionalProperties).OfType<IOpenApiSchema>())
                {
                    pending.Push(child);
                }
            }

            return found;
        }
    }
}
