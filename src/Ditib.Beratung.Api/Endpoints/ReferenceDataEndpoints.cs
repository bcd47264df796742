using Ditib.Beratung.Application.ReferenceData;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

public static class ReferenceDataEndpoints
{
    public static IEndpointRouteBuilder MapReferenceDataEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Reference data").AllowAnonymous();

        group.MapGet("/topics", async Task<Ok<IReadOnlyList<ReferenceItemDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListTopics(), ct)))
            .WithSummary("Counselling topics with names in de, tr, ar and en");

        group.MapGet("/languages", async Task<Ok<IReadOnlyList<ReferenceItemDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListLanguages(), ct)))
            .WithSummary("Languages counselling is offered in");

        return app;
    }
}
