using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.Web.Security;
using Microsoft.AspNetCore.Mvc;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// A token good for one step only (<see cref="PendingSteps"/>: a password someone else set must be changed, the
/// second factor must be set up) is refused with 403 everywhere except the endpoints marked for that step, with
/// problem details naming the step (<c>"code": "password-change-required"</c>, <c>"two-factor-setup-required"</c>).
/// </summary>
public sealed class PendingStepGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.User.FindFirst(AccountClaims.Requires)?.Value is not { } step
            || context.GetEndpoint()?.Metadata.GetMetadata<AllowedForPendingStep>()?.Steps.Contains(step) == true)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "Forbidden",
            Detail = step == PendingSteps.PasswordChange
                ? "Your password was set by someone else: change it first (POST /api/v1/auth/password)."
                : "Set up your second factor first (POST /api/v1/auth/two-factor/setup, then /enable).",
        };
        problem.Extensions["code"] = $"{step}-required";
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}

/// <summary>Endpoint metadata: a token restricted to one of these steps may call this endpoint.</summary>
public sealed record AllowedForPendingStep(params string[] Steps);
