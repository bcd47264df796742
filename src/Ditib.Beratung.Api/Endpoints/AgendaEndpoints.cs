using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Agenda;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Domain.Bookings;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>The staff desk: the day's agenda, bookings on behalf of callers and walk-ins, attendance. Counsellors see their own.</summary>
public static class AgendaEndpoints
{
    public static IEndpointRouteBuilder MapAgendaEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/agenda").WithTags("Agenda (staff)");

        group.MapGet("/", async Task<Ok<IReadOnlyList<AgendaSlotDto>>> (string? date, string? to, Guid? counsellorId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAgenda(date, counsellorId, to), ct)))
            .RequireAuthorization(Policies.Agenda)
            .WithSummary("Slots and bookings from date to to (at most 14 days), for one counsellor or all (a counsellor: their own, with the concerns)")
            .ProducesValidationProblem();

        group.MapPost("/bookings", async Task<Created<BookingCreatedDto>> (
                    BookSlot request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
            {
                var booking = await mediator.Send(request with { IdempotencyKey = idempotencyKey, BookedBy = BookedBy.Staff }, ct);
                return TypedResults.Created($"/api/v1/bookings/{booking.Reference}", booking);
            })
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Book on behalf of a caller or walk-in (no minimum notice)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/bookings/{reference}/attendance", async Task<Ok<AttendanceDto>> (
                    string reference, RecordAttendance request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Reference = reference }, ct)))
            .RequireAuthorization(Policies.Agenda)
            .WithSummary("Mark a booking attended or no-show")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/bookings/{reference}", async Task<Ok<DeskBookingDto>> (string reference, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetDeskBooking(reference), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("A caller's booking by its reference (typed loosely): when, where, with whom, language, state, name; audited")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        group.MapPost("/bookings/{reference}/cancel", async Task<Ok<DeskBookingDto>> (
                    string reference, CancelBookingForCaller? request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send((request ?? new CancelBookingForCaller(null)) with { Reference = reference }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Cancel on the caller's behalf until the appointment begins (the body with a reason is optional); the resident is told as usual")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/bookings/{reference}/reschedule", async Task<Ok<DeskBookingDto>> (
                    string reference, RescheduleBookingForCaller request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Reference = reference }, ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Move to another free slot on the caller's behalf, in one step; the resident is told as usual")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
