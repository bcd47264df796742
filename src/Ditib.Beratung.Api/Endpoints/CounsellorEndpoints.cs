using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Application.Slots;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>Counsellors (admin manages profiles), their hours and slots (admin, staff, and counsellors for their own).</summary>
public static class CounsellorEndpoints
{
    public static IEndpointRouteBuilder MapCounsellorEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/counsellors").WithTags("Counsellors").RequireAuthorization(Policies.Centre);

        group.MapGet("/", async Task<Ok<IReadOnlyList<CounsellorDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCounsellors(), ct)))
            .WithSummary("All counsellors");

        group.MapGet("/me", async Task<Ok<CounsellorDto>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetOwnCounsellor(), ct)))
            .WithSummary("The counsellor profile linked to the caller's account")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}", async Task<Ok<CounsellorDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCounsellor(id), ct)))
            .WithSummary("One counsellor")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<CounsellorDto>> (CreateCounsellor request, IMediator mediator, CancellationToken ct) =>
            {
                var counsellor = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/v1/counsellors/{counsellor.Id}", counsellor);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Create a counsellor profile, optionally linked to the counsellor's account (userId)")
            .ProducesValidationProblem();

        group.MapPut("/{id:guid}", async Task<Ok<CounsellorDto>> (Guid id, CounsellorBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UpdateCounsellor(id, body.DisplayName, body.Languages, body.Topics, body.Active, body.UserId), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Change display name, languages, topics, the active flag, or link an account")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:guid}/hours", async Task<Ok<HoursDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetHours(id), ct)))
            .RequireAuthorization(Policies.Schedule)
            .WithSummary("The weekly template and exceptions")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}/hours", async Task<Ok<HoursDto>> (Guid id, HoursBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetHours(id, body.Weekly, body.Exceptions), ct)))
            .RequireAuthorization(Policies.Schedule)
            .WithSummary("Replace the weekly template (local times) and dated exceptions")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/slots/publish", async Task<Ok<PublishResult>> (
                    Guid id, PublishBody body, bool? dryRun, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new PublishSlots(id, body.From, body.To, dryRun ?? false), ct)))
            .RequireAuthorization(Policies.Schedule)
            .WithSummary("Create slots from the hours for a date range; repeating it creates nothing new; dryRun=true only counts them")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/absences", async Task<Ok<AbsenceReport>> (
                    Guid id, AbsenceBody body, bool? dryRun, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelSlotsForAbsence(id, body.From, body.To, body.Reason, dryRun ?? true), ct)))
            .RequireAuthorization(Policies.Schedule)
            .WithSummary("An absence: cancel the counsellor's slots on the days from..to and tell each resident; dryRun=true (the default) only reports who is affected")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/slots", async Task<Created<SlotDto>> (Guid id, AdHocSlotBody body, IMediator mediator, CancellationToken ct) =>
            {
                var slot = await mediator.Send(new AddSlot(id, body.Start, body.Minutes, body.Mode, body.Location, body.Capacity), ct);
                return TypedResults.Created($"/api/v1/slots/{slot.Id}", slot);
            })
            .RequireAuthorization(Policies.Schedule)
            .WithSummary("Add an ad-hoc slot at a local date-time")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{id:guid}/slots", async Task<Ok<IReadOnlyList<SlotDto>>> (Guid id, string? from, string? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCounsellorSlots(id, from, to), ct)))
            .RequireAuthorization(Policies.Schedule)
            .WithSummary("All of the counsellor's slots in a date range, open or cancelled")
            .ProducesValidationProblem();

        return app;
    }

    public sealed record CounsellorBody(
        string? DisplayName, IReadOnlyList<string>? Languages, IReadOnlyList<string>? Topics, bool? Active, Guid? UserId = null);

    public sealed record HoursBody(IReadOnlyList<WeeklyHoursDto>? Weekly, IReadOnlyList<HoursExceptionDto>? Exceptions);

    public sealed record PublishBody(string? From, string? To);

    public sealed record AbsenceBody(string? From, string? To, string? Reason);

    public sealed record AdHocSlotBody(string? Start, int Minutes, string? Mode, string? Location, int Capacity = 1);
}
