using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Users;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

/// <summary>Accounts of the centre's people (admin only).</summary>
public static class UserEndpoints
{
    public static IEndpointRouteBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(Policies.Admin);

        group.MapGet("/", async Task<Ok<IReadOnlyList<UserDto>>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListUsers(), ct)))
            .WithSummary("All accounts");

        group.MapGet("/{id:guid}", async Task<Ok<UserDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetUser(id), ct)))
            .WithSummary("One account and its state: active, locked, second factor, pending password change")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", async Task<Created<UserDto>> (CreateUser request, IMediator mediator, CancellationToken ct) =>
            {
                var user = await mediator.Send(request, ct);
                return TypedResults.Created($"/api/v1/users/{user.Id}", user);
            })
            .WithSummary("Create an account with roles admin, counsellor, staff and/or dpo")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/deactivate", async Task<Ok<UserDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUserActive(id, false), ct)))
            .WithSummary("Deactivate an account; its tokens stop working at once (not one's own, nor the last active admin)")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/activate", async Task<Ok<UserDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUserActive(id, true), ct)))
            .WithSummary("Re-activate an account")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/{id:guid}/unlock", async Task<Ok<UserDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new UnlockUser(id), ct)))
            .WithSummary("Lift a lockout after failed sign-ins")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/password", async Task<Ok<UserDto>> (Guid id, PasswordBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResetPassword(id, body.Password), ct)))
            .WithSummary("Set a new password for a user; their tokens stop working")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPut("/{id:guid}/roles", async Task<Ok<UserDto>> (Guid id, RolesBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUserRoles(id, body.Roles), ct)))
            .WithSummary("Give an account other roles; its tokens stop working (the last active admin keeps the admin role)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/{id:guid}/two-factor/reset", async Task<Ok<UserDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ResetTwoFactor(id), ct)))
            .WithSummary("Remove a user's second factor and recovery codes; their sessions and tokens end, the next sign-in sets up a new one")
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/{id:guid}/sessions/end", async Task<Ok<UserDto>> (Guid id, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new EndUserSessions(id), ct)))
            .WithSummary("End every session and token of a user at once")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    public sealed record PasswordBody(string? Password);

    public sealed record RolesBody(IReadOnlyList<string>? Roles);
}
