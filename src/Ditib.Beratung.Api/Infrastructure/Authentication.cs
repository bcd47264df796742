using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// JWT bearer sign-in. Lifetimes are checked against the application clock, and every request re-checks that the
/// account is still active and its security stamp unchanged, so deactivation or a new password ends old tokens.
/// </summary>
public static class Authentication
{
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(30);

    public static IServiceCollection AddBeratungAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenSigningKey, IClock>((options, signingKey, clock) =>
            {
                options.MapInboundClaims = false;
                options.IncludeErrorDetails = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = TokenSigningKey.Issuer,
                    ValidAudience = TokenSigningKey.Audience,
                    IssuerSigningKey = signingKey.Key,
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = JwtRegisteredClaimNames.Name,
                    RoleClaimType = "role",
                    LifetimeValidator = (notBefore, expires, _, _) => WithinLifetime(notBefore, expires, clock.GetCurrentInstant().ToDateTimeUtc()),
                };
                options.Events = new JwtBearerEvents { OnTokenValidated = EnsureAccountUnchangedAsync };
            });

        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        return services;
    }

    private static bool WithinLifetime(DateTime? notBefore, DateTime? expires, DateTime now) =>
        expires is not null && now < expires.Value + Skew && (notBefore is null || now >= notBefore.Value - Skew);

    private static async Task EnsureAccountUnchangedAsync(TokenValidatedContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<IUserRepository>();
        if (await AccountCheck.RefreshAsync(context.Principal!, users, context.HttpContext.RequestAborted) is not { } current)
        {
            context.Fail("The token is no longer valid; please sign in again.");
            return;
        }

        context.Principal = current;
    }
}
