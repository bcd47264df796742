using System.Security.Claims;
using Ditib.Beratung.Application.Common;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ditib.Beratung.Api.Infrastructure;

/// <summary>
/// The caller of the current HTTP request. Outside a request (start-up seeding, command-line verbs) there is no
/// HTTP context, and the caller is the system itself.
/// </summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public bool IsSystem => accessor.HttpContext is null;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(JwtRegisteredClaimNames.Sub), out var id) ? id : null;

    public string Name => IsSystem ? "system" : Principal?.Identity?.IsAuthenticated == true
        ? Principal.FindFirstValue(JwtRegisteredClaimNames.Name) ?? "unknown"
        : "resident";

    public bool IsInRole(string role) => IsSystem || Principal?.IsInRole(role) == true;
}
