using System.Security.Claims;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>
/// Issues HS256 JWT access tokens carrying the user id (sub), name, roles and the account's security stamp; the
/// API checks the stamp on every request, so a deactivation or password change ends old tokens at once. A token for
/// an account with a pending step carries it (<c>requires</c>) and is good for that step only.
/// </summary>
public sealed class JwtTokenIssuer(TokenSigningKey signingKey, TokenSettings settings) : ITokenIssuer
{
    public const string StampClaim = "stamp";

    /// <summary>The one step a restricted token is good for (see <see cref="PendingSteps"/>).</summary>
    public const string RequiresClaim = "requires";

    /// <summary>When the second factor was entered for this token (Unix milliseconds).</summary>
    public const string SecondFactorClaim = "mfa_at";

    private readonly JsonWebTokenHandler handler = new();

    public TokenDto Issue(User user, Instant now, string? requires = null, Instant? secondFactorAt = null)
    {
        var expires = now + settings.Lifetime;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, user.Id.ToString("D")),
            new(JwtRegisteredClaimNames.Name, user.Username),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            new(StampClaim, user.SecurityStamp),
        };
        claims.AddRange(user.Roles.Select(role => new Claim("role", role)));
        if (requires is not null)
        {
            claims.Add(new Claim(RequiresClaim, requires));
        }

        if (secondFactorAt is { } at)
        {
            claims.Add(new Claim(SecondFactorClaim, at.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = TokenSigningKey.Issuer,
            Audience = TokenSigningKey.Audience,
            IssuedAt = now.ToDateTimeUtc(),
            NotBefore = now.ToDateTimeUtc(),
            Expires = expires.ToDateTimeUtc(),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        return new TokenDto(token, Application.Common.Formats.Local(expires, DateTimeZone.Utc), requires);
    }
}

/// <summary>Token lifetime (<c>Beratung:Auth:TokenLifetimeMinutes</c>, default 480).</summary>
public sealed record TokenSettings(Duration Lifetime);
