using NodaTime;

namespace Ditib.Beratung.Domain.Users;

/// <summary>
/// Failed sign-ins of one account from one source (an IPv4 address or an IPv6 /64). Too many lock that source for a
/// while, not the account, so a stranger guessing cannot keep a colleague out; the account's own ceiling
/// (<see cref="User.RecordFailedSignIn"/>) stops guessing spread over many sources.
/// </summary>
public sealed class SignInSource(Guid userId, string source, int failures, Instant? lockedUntil)
{
    public Guid UserId { get; } = userId;
    public string Source { get; } = source;
    public int Failures { get; private set; } = failures;
    public Instant? LockedUntil { get; private set; } = lockedUntil;

    public bool IsLockedOut(Instant now) => LockedUntil is { } until && now < until;

    /// <summary>Counts a failure; returns true when this failure locked the source.</summary>
    public bool RecordFailure(Instant now, int maxAttempts, Duration lockout)
    {
        Failures++;
        if (Failures < maxAttempts)
        {
            return false;
        }

        Failures = 0;
        LockedUntil = now + lockout;
        return true;
    }
}
