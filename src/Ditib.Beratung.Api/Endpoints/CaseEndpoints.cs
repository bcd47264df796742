using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Cases;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>
/// Counsellors' cases. Only the owning counsellor and those the case is shared with see it; to anyone else a case
/// does not exist (404). Admin, staff and dpo have no access to notes or identities (403).
/// </summary>
public static class CaseEndpoints
{
    public static IEndpointRouteBuilder MapCaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization(Policies.CaseWork);

        group.MapPost("/", async Task<Created<CaseCreatedDto>> (OpenCase request, IMediator mediator, CancellationToken ct) =>
            {
                var created = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/v1/cases/{created.Id}", created);
            })
            .WithSummary("Open a case from one of your bookings ({ bookingReference }) or directly ({ client, topics })")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapGet("/", async Task<Ok<IReadOnlyList<CaseSummaryDto>>> (
                    string? status, string? topic, bool? own, string? code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCases(status, topic, own, code), ct)))
            .WithSummary("Your own and shared cases, by status (open/closed), topic, own only, or case code (F-2026-0042)")
            .ProducesValidationProblem();

        group.MapGet("/{id:guid}", async Task<Ok<CaseSummaryDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCase(id), ct)))
            .WithSummary("One of your own or shared cases: code, topics, status, owner, sharing (no identity, no notes)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/notes", async Task<Ok<IReadOnlyList<NoteDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListNotes(id), ct)))
            .WithSummary("The case's notes in order, with author and time (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/notes", async Task<Created<NoteCreatedDto>> (Guid id, AddNote request, IMediator mediator, CancellationToken ct) =>
            {
                var note = await mediator.Send(request with { CaseId = id }, ct);
                return TypedResults.Created($"/api/v1/cases/{id}/notes", note);
            })
            .WithSummary("Write a note; it is scrubbed (contact data, IBANs, identity numbers, the client's address, birth dates, names of the client and related persons) and the answer lists what was replaced")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:guid}/client", async Task<Ok<ClientIdentity>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RevealClient(id), ct)))
            .WithSummary("Reveal the client's identity (audited)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}/client", async Task<Ok<ClientIdentity>> (Guid id, UpdateClient request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { CaseId = id }, ct)))
            .WithSummary("Replace the client's identity, incl. related persons ({ relation, name, dateOfBirth }) whose names notes are scrubbed of (audited)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        MapManage(group, "share", CaseAction.Share, "Share the case with another counsellor ({ counsellorId }; owner only)");
        MapManage(group, "unshare", CaseAction.Unshare, "Stop sharing the case with a counsellor ({ counsellorId }; owner only)");
        MapManage(group, "close", CaseAction.Close, "Close the case (owner only)");
        MapManage(group, "reopen", CaseAction.Reopen, "Reopen a closed case (owner only)");

        return app;
    }

    private static void MapManage(RouteGroupBuilder group, string verb, CaseAction action, string summary) =>
        group.MapPost($"/{{id:guid}}/{verb}", async Task<Ok<CaseSummaryDto>> (Guid id, CounsellorBody? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ManageCase(id, action, body?.CounsellorId), ct)))
            .WithSummary(summary)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed record CounsellorBody(Guid? CounsellorId);
}
