using System.Security.Claims;
using Ditib.Beratung.Application.Common;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// The caller of the current HTTP request, or the system inside an explicit <see cref="SystemScope"/> (seeding,
/// command-line verbs). Anything else without a signed-in user is an anonymous resident with no rights.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsSystem => accessor.HttpContext is null && SystemScope.IsActive;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id) ? id : null;

    public string Name => IsSystem ? "system" : Principal?.Identity?.IsAuthenticated == true
        ? Principal.FindFirstValue(JwtRegisteredClaimNames.Name) ?? "unknown"
        : "resident";

    public bool IsInRole(string role) => IsSystem || Principal?.IsInRole(role) == true;
}
