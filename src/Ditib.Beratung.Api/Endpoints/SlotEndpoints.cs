using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Slots;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

public static class SlotEndpoints
{
    public static IEndpointRouteBuilder MapSlotEndpoints(this IEndpointRouteBuilder app)
    {
        var residents = app.MapGroup("/api/v1/slots").WithTags("Slots").AllowAnonymous();

        residents.MapGet("/", async Task<Ok<SlotPage>> (
                    string? topic, string? language, string? from, string? to, string? mode, int? limit, string? after, Guid? counsellorId,
                    IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SearchSlots(topic, language, from, to, mode, limit, after, counsellorId), ct)))
            .WithSummary("Free slots by topic, language, counsellor and local dates (inclusive, at most 62 days), in pages of at most 200 by start")
            .ProducesValidationProblem();

        residents.MapGet("/{id:guid}", async Task<Ok<SlotDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetSlot(id), ct)))
            .WithSummary("One slot with its remaining capacity")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var staff = app.MapGroup("/api/v1/slots").WithTags("Slots (staff)").RequireAuthorization(Policies.Schedule);

        staff.MapPost("/{id:guid}/cancel", async Task<Ok<CancelSlotResult>> (Guid id, CancelSlotBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new CancelSlot(id, body.Reason), ct)))
            .WithSummary("Cancel a slot; its bookings become 'cancelled by the centre'")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public sealed record CancelSlotBody(string? Reason);
}
