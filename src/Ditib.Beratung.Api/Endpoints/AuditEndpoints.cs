using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Audit;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>The audit trail for the data-protection officer.</summary>
public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Policies.Dpo);

        group.MapGet("/", async Task<Ok<IReadOnlyList<AuditEntryDto>>> (
                    string? subjectType, string? subjectId, string? actor, string? action, string? from, string? to, int? limit, long? before,
                    HttpContext http, IMediator mediator, CancellationToken ct) =>
                {
                    var page = await mediator.Send(new ListAudit(subjectType, subjectId, actor, from, to, limit, before, action), ct);
                    if (page.Next is { } next)
                    {
                        http.Response.Headers.Link = $"<{http.Request.Path}{QueryString.Create(http.Request.Query.Where(q => q.Key != "before")
                            .Append(new("before", next.ToString(System.Globalization.CultureInfo.InvariantCulture))))}>; rel=\"next\"";
                    }

                    return TypedResults.Ok(page.Items);
                })
            .WithSummary("Audit entries, newest first, by subject, actor (name or id), action and local dates; the Link header (rel=next) " +
                "names the next page (before=the last entry's seq), down to the first entry")
            .ProducesValidationProblem();

        group.MapGet("/verify", async Task<Ok<AuditVerification>> (long? seq, string? hash, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new VerifyAudit(seq, hash), ct)))
            .WithSummary("Recompute the keyed hash chain, name the first entry that does not fit, and give the count and the last " +
                "entry's id and hash; with seq and hash of an entry noted earlier, also check that it is still there")
            .ProducesValidationProblem();

        return app;
    }
}
