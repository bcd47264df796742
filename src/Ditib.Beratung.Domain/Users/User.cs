using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Users;

/// <summary>
/// An account of the centre's people. The security stamp changes whenever a password changes or the account is
/// deactivated; tokens carry it, so tokens issued before stop working at once.
/// </summary>
public sealed class User
{
    public User(Guid id, string username, string passwordHash, IReadOnlyCollection<string> roles, bool active, int failedSignIns,
        Instant? lockedUntil, string securityStamp)
    {
        if (roles.Count == 0 || !roles.All(Users.Roles.IsKnown))
        {
            throw new DomainRuleException("A user holds one or more of the roles admin, counsellor, staff, dpo.", "roles");
        }

        Id = id;
        Username = username;
        PasswordHash = passwordHash;
        Roles = roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Active = active;
        FailedSignIns = failedSignIns;
        LockedUntil = lockedUntil;
        SecurityStamp = securityStamp;
    }

    public Guid Id { get; }
    public string Username { get; }
    public string PasswordHash { get; private set; }
    public IReadOnlyList<string> Roles { get; }
    public bool Active { get; private set; }
    public int FailedSignIns { get; private set; }
    public Instant? LockedUntil { get; private set; }
    public string SecurityStamp { get; private set; }

    public static User Create(Guid id, string username, string passwordHash, IReadOnlyCollection<string> roles) =>
        new(id, username.Trim(), passwordHash, roles, active: true, failedSignIns: 0, lockedUntil: null, NewStamp());

    public bool IsLockedOut(Instant now) => LockedUntil is { } until && now < until;

    /// <summary>Counts a failed sign-in; returns true when this failure locked the account.</summary>
    public bool RecordFailedSignIn(Instant now, int maxAttempts, Duration lockout)
    {
        FailedSignIns++;
        if (FailedSignIns < maxAttempts)
        {
            return false;
        }

        FailedSignIns = 0;
        LockedUntil = now + lockout;
        return true;
    }

    public void RecordSuccessfulSignIn()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public void ChangePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedUntil = null;
        SecurityStamp = NewStamp();
    }

    /// <summary>An admin lifts a lockout (someone guessing at the account must not keep a colleague out).</summary>
    public void Unlock()
    {
        FailedSignIns = 0;
        LockedUntil = null;
    }

    /// <summary>Stores a stronger hash of the same password; tokens stay valid.</summary>
    public void Rehash(string passwordHash) => PasswordHash = passwordHash;

    public void Deactivate()
    {
        if (!Active)
        {
            throw new ConflictException("The user is already deactivated.");
        }

        Active = false;
        SecurityStamp = NewStamp();
    }

    public void Activate()
    {
        if (Active)
        {
            throw new ConflictException("The user is already active.");
        }

        Active = true;
        FailedSignIns = 0;
        LockedUntil = null;
    }

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    private static string NewStamp() => Guid.NewGuid().ToString("N");
}
