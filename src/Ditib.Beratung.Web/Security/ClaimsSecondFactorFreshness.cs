using System.Globalization;
using Ditib.Beratung.Application.Auth;
using NodaTime;

namespace Ditib.Beratung.Web.Security;

/// <summary>
/// Whether the current request's principal (bearer token or staff cookie) carries a second factor entered in the
/// last five minutes (<see cref="AccountClaims.SecondFactorAt"/>).
/// </summary>
public sealed class ClaimsSecondFactorFreshness(IHttpContextAccessor accessor, IClock clock) : ISecondFactorFreshness
{
    public static readonly Duration MaxAge = Duration.FromMinutes(5);

    public bool IsFresh => accessor.HttpContext?.User is { } user && IsFreshAt(user, clock.GetCurrentInstant());

    public static bool IsFreshAt(System.Security.Claims.ClaimsPrincipal user, Instant now) =>
        long.TryParse(user.FindFirst(AccountClaims.SecondFactorAt)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
        && Instant.FromUnixTimeMilliseconds(ms) is var at && at <= now && now - at <= MaxAge;
}
