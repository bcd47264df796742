using System.Text;
using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.Application.Referrals;
using Ditib.Beratung.Domain.Referrals;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>The partner directory and referrals onward with the client's consent.</summary>
public static class ReferralEndpoints
{
    public static IEndpointRouteBuilder MapReferralEndpoints(this IEndpointRouteBuilder app)
    {
        var partners = app.MapGroup("/api/v1/partners").WithTags("Partners").RequireAuthorization(Policies.Centre);

        partners.MapGet("/", async Task<Ok<IReadOnlyList<PartnerDto>>> (string? topic, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListPartners(topic), ct)))
            .WithSummary("The partner directory; with a topic, the partners that take referrals for it")
            .ProducesValidationProblem();

        partners.MapGet("/{id:guid}", async Task<Ok<PartnerDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetPartner(id), ct)))
            .WithSummary("One partner")
            .ProducesProblem(StatusCodes.Status404NotFound);

        partners.MapPost("/", async Task<Created<PartnerDto>> (PartnerBody body, IMediator mediator, CancellationToken ct) =>
            {
                var partner = await mediator.Send(body.ToCommand(null), ct);
                return TypedResults.Created($"/api/v1/partners/{partner.Id}", partner);
            })
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Add a partner: name, kind, topics, contact person, e-mail, phone, street, postcode and city, whether it takes referrals")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        partners.MapPut("/{id:guid}", async Task<Ok<PartnerDto>> (Guid id, PartnerBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(body.ToCommand(id), ct)))
            .RequireAuthorization(Policies.Admin)
            .WithSummary("Change a partner, or retire it (\"retired\": true)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var cases = app.MapGroup("/api/v1/cases/{id:guid}").WithTags("Referrals").RequireAuthorization(Policies.CaseWork);

        cases.MapGet("/partner-suggestions", async Task<Ok<IReadOnlyList<PartnerDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SuggestPartners(id), ct)))
            .WithSummary("Partners that take referrals for the case's topics, best match first")
            .ProducesProblem(StatusCodes.Status404NotFound);

        cases.MapPost("/referrals", async Task<Created<ReferralCreatedDto>> (Guid id, CreateReferral request, IMediator mediator, CancellationToken ct) =>
            {
                var referral = await mediator.Send(request with { CaseId = id }, ct);
                return TypedResults.Created($"/api/v1/referrals/{referral.Id}/letter", referral);
            })
            .WithSummary("Refer the case to a partner with the client's consent (or a legal basis); starts as a draft")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        cases.MapGet("/referrals", async Task<Ok<IReadOnlyList<ReferralListItemDto>>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListCaseReferrals(id), ct)))
            .WithSummary("The case's referrals")
            .ProducesProblem(StatusCodes.Status404NotFound);

        var referrals = app.MapGroup("/api/v1/referrals").WithTags("Referrals");

        referrals.MapGet("/", async Task<Ok<IReadOnlyList<ReferralListItemDto>>> (string? status, string? due, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListReferrals(status, due), ct)))
            .RequireAuthorization(Policies.Staff)
            .WithSummary("Follow-ups: by state and due (overdue, today, week); case code, partner, state and dates only")
            .ProducesValidationProblem();

        referrals.MapGet("/{id:guid}/letter", async Task<ContentHttpResult> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Text(await mediator.Send(new GetReferralLetter(id), ct), "text/html", Encoding.UTF8))
            .RequireAuthorization(Policies.ReferralDesk)
            .WithSummary("The printable letter for the partner (German HTML) with only the consented data (audited)")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status404NotFound);

        MapStep(referrals, "send", ReferralAction.Send, Policies.CaseWork, "Send the referral to the partner (the case's counsellors)");
        MapStep(referrals, "withdraw", ReferralAction.Withdraw, Policies.CaseWork, "Withdraw a draft or sent referral (the case's counsellors)");
        MapStep(referrals, "accept", ReferralAction.Accept, Policies.Staff, "Record that the partner accepted (staff)");
        MapStep(referrals, "decline", ReferralAction.Decline, Policies.Staff, "Record that the partner declined, with the reason (staff)");
        MapStep(referrals, "complete", ReferralAction.Complete, Policies.Staff, "Record the outcome of an accepted referral (staff)");
        return app;
    }

    private static void MapStep(RouteGroupBuilder group, string verb, ReferralAction action, string policy, string summary) =>
        group.MapPost($"/{{id:guid}}/{verb}", async Task<Ok<ReferralListItemDto>> (Guid id, StepBody? body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new TakeReferralStep(id, action, body?.Reason ?? body?.Outcome), ct)))
            .RequireAuthorization(policy)
            .WithSummary(summary)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    public sealed record StepBody(string? Reason, string? Outcome);

    public sealed record PartnerBody(
        string? Name, string? Kind, IReadOnlyList<string>? Topics, string? ContactPerson, string? Email, string? Phone, string? Street,
        string? PostcodeAndCity, bool TakesReferrals = true, bool Retired = false)
    {
        public SavePartner ToCommand(Guid? id) =>
            new(id, Name, Kind, Topics, ContactPerson, Email, Phone, Street, PostcodeAndCity, TakesReferrals, Retired);
    }
}
