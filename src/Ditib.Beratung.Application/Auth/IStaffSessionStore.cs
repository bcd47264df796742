using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// The staff pages' sessions, kept on the server: the browser's cookie names one, and a session ended here (signing
/// out) is refused even when someone replays the cookie.
/// </summary>
public interface IStaffSessionStore
{
    Task StartAsync(Guid sessionId, Guid userId, Instant now, CancellationToken cancellationToken);

    /// <summary>True while the session exists and has not been ended.</summary>
    Task<bool> IsActiveAsync(Guid sessionId, CancellationToken cancellationToken);

    Task EndAsync(Guid sessionId, Instant now, CancellationToken cancellationToken);
}
