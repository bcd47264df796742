using Ditib.Beratung.Api.Infrastructure;
using Ditib.Beratung.Application.Auth;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ditib.Beratung.Api.Endpoints;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Sign-in");

        group.MapPost("/token", async Task<Results<Ok<TokenDto>, ProblemHttpResult>> (SignIn request, IMediator mediator, CancellationToken ct) =>
                await mediator.Send(request, ct) switch
                {
                    { Outcome: SignInOutcome.SignedIn, Token: { } token } => TypedResults.Ok(token),
                    { Outcome: SignInOutcome.SecondFactorRequired } => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                        title: "Second factor required", detail: "Send the code from your authenticator app (or a recovery code) as \"code\".",
                        extensions: new Dictionary<string, object?> { ["code"] = "second-factor-required" }),
                    _ => TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign-in failed",
                        detail: "The user name, password or code is not correct, or the account cannot sign in at the moment."),
                })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Exchange user name, password and a second-factor code for a bearer token")
            .WithDescription("""Without a second factor set up, the token answers "requires": "two-factor-setup" and is good only for the two-factor calls; after a password was set by someone else, "requires": "password-change".""")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        group.MapPost("/password", async Task<Ok<TokenDto>> (ChangePassword request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request, ct)))
            .RequireAuthorization(Policies.Centre)
            .WithMetadata(new AllowedForPendingStep(PendingSteps.PasswordChange))
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Change your own password; other tokens stop working and a new one is returned")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/two-factor/setup", async Task<Ok<TwoFactorSetupDto>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetUpTwoFactor(), ct)))
            .RequireAuthorization(Policies.Centre)
            .WithMetadata(new AllowedForPendingStep(PendingSteps.TwoFactorSetup))
            .WithSummary("Start setting up the second factor: a new TOTP secret (Base32) and its otpauth address")
            .WithDescription("Replacing a second factor already in use needs one entered in the last 5 minutes.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/two-factor/enable", async Task<Ok<TwoFactorEnabledDto>> (EnableTwoFactor request, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(request, ct)))
            .RequireAuthorization(Policies.Centre)
            .WithMetadata(new AllowedForPendingStep(PendingSteps.TwoFactorSetup))
            .RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Switch the second factor on with its first code: ten recovery codes (shown once) and a new token")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        group.MapPost("/two-factor/recovery-codes", async Task<Ok<RecoveryCodesDto>> (IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new NewRecoveryCodes(), ct)))
            .RequireAuthorization(Policies.Centre)
            .WithSummary("Ten new recovery codes (the old ones stop working); needs a second factor entered in the last 5 minutes")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        group.MapPost("/sign-out-everywhere", async Task<NoContent> (IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new SignOutEverywhere(), ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Centre)
            .WithSummary("End every token and staff session of your account");

        return app;
    }
}
