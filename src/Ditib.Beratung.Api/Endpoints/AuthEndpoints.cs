using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Application.Users;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Sign-in");

        group.MapPost("/token", async Task<Results<Ok<TokenDto>, ProblemHttpResult>> (SignIn request, IMediator mediator, CancellationToken ct) =>
                (await mediator.Send(request, ct)).Token is { } token
                    ? TypedResults.Ok(token)
                    : TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                        detail: "The user name or password is not correct, or the account cannot sign in at the moment."))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Exchange user name and password for a bearer token")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/password", async Task<Ok<TokenDto>> (ChangePassword request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request, ct)))
            .RequireAuthorization(Policies.Centre)
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Change your own password; other tokens stop working and a new one is returned")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        return app;
    }
}
