using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Messages;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>The desk's view of messages to residents that wait or could not be delivered (metadata only).</summary>
public static class OutboxEndpoints
{
    public static IEndpointRouteBuilder MapOutboxEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outbox").WithTags("Messages").RequireAuthorization(Policies.Staff);

        group.MapGet("/", async Task<Ok<IReadOnlyList<OutboxEntryDto>>> (string? state, int? limit, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListOutbox(state, limit), ct)))
            .WithSummary("Messages to residents by state (pending, sent, failed, skipped, cancelled), oldest first: kind, channel, booking, attempts, times, last error")
            .ProducesValidationProblem();

        group.MapPost("/{id:guid}/retry", async Task<Ok<RetriedMessageDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RetryMessage(id), ct)))
            .WithSummary("Send a message that could not be delivered again (due now); refused when superseded (409) or the booking's data is erased (410); audited")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        return app;
    }
}
