using System.Text;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Statistics;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>Anonymous figures for funders, for admins and the data-protection officer.</summary>
public static class StatisticsEndpoints
{
    public static IEndpointRouteBuilder MapStatisticsEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Statistics").RequireAuthorization(Policies.Statistics);

        group.MapGet("/statistics", async Task<Ok<StatisticsDto>> (string? from, string? to, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetStatistics(from, to), ct)))
            .WithSummary("Counts by topic, language, month, outcome and partner over whole months; 1–4 shown as <5 (audited)")
            .ProducesValidationProblem();

        group.MapGet("/statistics.csv", async Task<FileContentHttpResult> (string? from, string? to, IMediator mediator, CancellationToken ct) =>
            {
                var statistics = await mediator.Send(new GetStatistics(from, to), ct);
                return TypedResults.File(Encoding.UTF8.GetBytes(statistics.ToCsv()), "text/csv; charset=utf-8",
                    $"statistik-{statistics.From}-{statistics.To}.csv");
            })
            .WithSummary("The same figures as CSV: table,row,column,value, totals included (audited)")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesValidationProblem();

        return app;
    }
}
