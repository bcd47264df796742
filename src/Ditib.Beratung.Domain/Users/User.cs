using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Users;

/// <summary>
/// An account of the centre's people. The security stamp changes whenever a password or the second factor changes,
/// the account is deactivated or its sessions are ended; tokens and cookies carry it, so those issued before stop
/// working at once. The second factor is a TOTP secret (sealed by the application; the domain keeps its bytes as
/// they are stored) that counts once it has been confirmed with a first code; a pending secret waits for that code.
/// </summary>
public sealed class User
{
    public User(Guid id, string username, string passwordHash, IReadOnlyCollection<string> roles, bool active, int failedSignIns,
        Instant? lockedUntil, string securityStamp, SecondFactor? secondFactor = null, bool passwordChangeRequired = false)
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
        SecondFactor = secondFactor ?? SecondFactor.None;
        PasswordChangeRequired = passwordChangeRequired;
    }

    public Guid Id { get; }
    public string Username { get; }
    public string PasswordHash { get; private set; }
    public IReadOnlyList<string> Roles { get; private set; }
    public bool Active { get; private set; }
    public int FailedSignIns { get; private set; }
    public Instant? LockedUntil { get; private set; }
    public string SecurityStamp { get; private set; }

    public SecondFactor SecondFactor { get; private set; }

    /// <summary>Someone else set the password: the next sign-in may do nothing but change it.</summary>
    public bool PasswordChangeRequired { get; private set; }

    public bool HasSecondFactor => SecondFactor.Secret is not null;

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

    /// <summary>The account's own new password.</summary>
    public void ChangePassword(string passwordHash)
    {
        PasswordHash = passwordHash;
        FailedSignIns = 0;
        LockedUntil = null;
        PasswordChangeRequired = false;
        SecurityStamp = NewStamp();
    }

    /// <summary>A password set by someone else (an admin's reset): it must be changed at the next sign-in.</summary>
    public void SetPasswordByOther(string passwordHash)
    {
        ChangePassword(passwordHash);
        PasswordChangeRequired = true;
    }

    /// <summary>The password was chosen by someone else (an admin creating the account): it must be changed at the first sign-in.</summary>
    public void RequirePasswordChange() => PasswordChangeRequired = true;

    /// <summary>A new secret waits for its first code; the second factor in use (if any) stays until then.</summary>
    public void StartSecondFactorSetup(Guid dataKeyId, byte[] sealedSecret) =>
        SecondFactor = SecondFactor with { DataKeyId = dataKeyId, PendingSecret = sealedSecret };

    /// <summary>
    /// The pending secret becomes the second factor after its first valid code (of time step <paramref name="step"/>,
    /// which is then used up). Other sessions end.
    /// </summary>
    public void EnableSecondFactor(long step)
    {
        if (SecondFactor.PendingSecret is null)
        {
            throw new ConflictException("There is no second factor being set up; start the set-up first.");
        }

        SecondFactor = SecondFactor with { Secret = SecondFactor.PendingSecret, PendingSecret = null, LastStep = step };
        SecurityStamp = NewStamp();
    }

    /// <summary>
    /// Uses up a TOTP time step: a code is accepted once, and never one older than the last accepted (RFC 6238
    /// section 5.2). Returns false when the step was used already.
    /// </summary>
    public bool UseTotpStep(long step)
    {
        if (SecondFactor.LastStep is { } last && step <= last)
        {
            return false;
        }

        SecondFactor = SecondFactor with { LastStep = step };
        return true;
    }

    /// <summary>
    /// An admin removes the second factor (a lost phone): the secret in use and any pending one are gone, every token
    /// and cookie issued before stops working, and the next sign-in leads to setting up a new one.
    /// </summary>
    public void ResetSecondFactor()
    {
        SecondFactor = SecondFactor.None with { DataKeyId = SecondFactor.DataKeyId };
        SecurityStamp = NewStamp();
    }

    /// <summary>Sign out everywhere: every token and cookie issued before stops working.</summary>
    public void EndAllSessions() => SecurityStamp = NewStamp();

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

    /// <summary>An admin gives the account other roles; its sessions and tokens end, so none keeps the old roles.</summary>
    public void ChangeRoles(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0 || !roles.All(Users.Roles.IsKnown))
        {
            throw new DomainRuleException("A user holds one or more of the roles admin, counsellor, staff, dpo.", "roles");
        }

        Roles = roles.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        SecurityStamp = NewStamp();
    }

    public bool IsIn(string role) => Roles.Contains(role, StringComparer.Ordinal);

    internal static string NewStamp() => Guid.NewGuid().ToString("N");
}

/// <summary>
/// The account's TOTP second factor as stored: the sealed secret in use, a sealed secret being set up, the data key
/// both are sealed under, and the last time step accepted.
/// </summary>
public sealed record SecondFactor(Guid? DataKeyId, byte[]? Secret, byte[]? PendingSecret, long? LastStep)
{
    public static readonly SecondFactor None = new(null, null, null, null);
}
