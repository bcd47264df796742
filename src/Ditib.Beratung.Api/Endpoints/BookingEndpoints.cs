using System.Text;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Bookings;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>Residents' booking endpoints: anonymous; the manage token in <c>X-Booking-Token</c> is their key.</summary>
public static class BookingEndpoints
{
    public const string TokenHeader = "X-Booking-Token";

    public static IEndpointRouteBuilder MapBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bookings").WithTags("Bookings").AllowAnonymous();

        group.MapPost("/", async Task<Created<BookingCreatedDto>> (
                    BookSlot request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IMediator mediator, CancellationToken ct) =>
            {
                var booking = await mediator.Send(request with { IdempotencyKey = idempotencyKey }, ct);
                return TypedResults.Created($"/api/v1/bookings/{booking.Reference}", booking);
            })
            .RequireRateLimiting(RateLimits.Booking)
            .WithSummary("Book a slot; the answer holds the manage token, shown only this once")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{reference}", async Task<Ok<BookingDto>> (
                    string reference, [FromHeader(Name = TokenHeader)] string? token, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetBooking(reference, token), ct)))
            .RequireRateLimiting(RateLimits.ManageLink)
            .WithSummary("The booking and the resident's own details (needs the manage token)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        group.MapPost("/{reference}/cancel", async Task<Ok<BookingDto>> (
                    string reference, [FromHeader(Name = TokenHeader)] string? token, CancelBooking? request, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send((request ?? new CancelBooking(null)) with { Reference = reference, Token = token }, ct)))
            .RequireRateLimiting(RateLimits.ManageLink)
            .WithSummary("Cancel, until the cut-off before the start (the body with a reason is optional)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{reference}/reschedule", async Task<Ok<BookingDto>> (
                    string reference, [FromHeader(Name = TokenHeader)] string? token, RescheduleBooking request, IMediator mediator,
                    CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request with { Reference = reference, Token = token }, ct)))
            .RequireRateLimiting(RateLimits.ManageLink)
            .WithSummary("Move to another slot in one step; nothing changes when the new slot cannot be had")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapGet("/{reference}/calendar.ics", async Task<FileContentHttpResult> (
                    string reference, [FromHeader(Name = TokenHeader)] string? token, IMediator mediator, CancellationToken ct) =>
            {
                var calendar = await mediator.Send(new GetBookingCalendar(reference, token), ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(calendar.Content), "text/calendar; charset=utf-8", calendar.FileName);
            })
            .RequireRateLimiting(RateLimits.ManageLink)
            .WithSummary("The appointment as an iCalendar file (METHOD:CANCEL once cancelled)")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        return app;
    }
}
