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
                    string? subjectType, string? subjectId, string? actor, string? from, string? to, int? limit, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListAudit(subjectType, subjectId, actor, from, to, limit), ct)))
            .WithSummary("Audit entries, newest first, by subject, actor (name or id) and local dates")
            .ProducesValidationProblem();

        group.MapGet("/verify", async Task<Ok<AuditVerification>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new VerifyAudit(), ct)))
            .WithSummary("Recompute the hash chain and name the first entry that does not fit");

        return app;
    }
}
