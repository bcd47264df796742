using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Privacy;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>The data-protection officer's tools: access and erasure requests, legal holds, retention (dpo only, all audited).</summary>
public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/privacy").WithTags("Data protection").RequireAuthorization(Policies.Dpo);

        group.MapGet("/cases/{code}/export", async Task<Ok<AccessExport>> (string code, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetAccessExport(code), ct)))
            .WithSummary("Access request (Art. 15): everything held about the client of a case, as JSON")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/cases/{code}/export.html", async Task<ContentHttpResult> (
                    string code, IMediator mediator, IAccessExportDocument document, CancellationToken ct) =>
                TypedResults.Text(await document.RenderAsync(await mediator.Send(new GetAccessExport(code), ct), ct), "text/html", System.Text.Encoding.UTF8))
            .WithSummary("Access request (Art. 15) as a page to print or hand over (the same as the DPO's page in the staff workspace)")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/cases/{code}/erase", async Task<Results<Ok<ErasureResult>, ProblemHttpResult>> (string code, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(new EraseClient(code), ct) is { Erased: false, Refusal: { } refusal }
                    ? TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Erasure refused", detail: refusal)
                    : TypedResults.Ok(new ErasureResult(code.Trim().ToUpperInvariant(), true, null)))
            .WithSummary("Erasure request (Art. 17): erase the client of a case now, or refuse with the reason")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/cases/{code}/legal-hold", async Task<Ok<ErasureResult>> (string code, HoldBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetLegalHold(code, true, body.Reason), ct)))
            .WithSummary("Set a legal hold: the case is not erased, by request or retention, until it is lifted")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/cases/{code}/legal-hold/lift", async Task<Ok<ErasureResult>> (string code, HoldBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetLegalHold(code, false, body.Reason), ct)))
            .WithSummary("Lift a legal hold, with the reason (kept sealed until the next hold)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/retention", async Task<Ok<RetentionReport>> (bool? dryRun, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new RunRetention(dryRun ?? true), ct)))
            .WithSummary("Run retention now (dryRun=true, the default, only reports what it would delete); 409 while another run is going on")
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public sealed record HoldBody(string? Reason);
}
