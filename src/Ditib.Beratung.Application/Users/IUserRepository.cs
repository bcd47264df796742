using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.Application.Users;

public interface IUserRepository
{
    Task<User?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Case-insensitive.</summary>
    Task<User?> FindByUsernameAsync(string username, CancellationToken cancellationToken);

    Task<IReadOnlyList<User>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A user name taken by another account (case-insensitively) is a conflict.</summary>
    Task AddAsync(User user, CancellationToken cancellationToken);

    /// <summary>Stores password hash, active flag, sign-in counters, second factor, security stamp and roles.</summary>
    Task UpdateAsync(User user, CancellationToken cancellationToken);
}

/// <summary>ASP.NET Core Identity's password hashing behind a port.</summary>
public interface IPasswordHasher
{
    string Hash(string password);

    PasswordCheck Verify(string hash, string password);

    /// <summary>Spends the time of a verification, so an unknown user name answers as slowly as a wrong password.</summary>
    void VerifyNothing(string password);
}

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehashNeeded,
}

public interface ICommonPasswords
{
    bool Contains(string password);
}

public interface ITokenIssuer
{
    /// <summary>
    /// A bearer token for the account. <paramref name="requires"/> names the one step the token may be used for (see
    /// <see cref="PendingSteps"/>); <paramref name="secondFactorAt"/> is when the second factor was entered for it.
    /// </summary>
    TokenDto Issue(User user, Instant now, string? requires = null, Instant? secondFactorAt = null);
}

/// <summary>A bearer token; <see cref="Requires"/> is set when the token is good for one step only.</summary>
public sealed record TokenDto(string AccessToken, string ExpiresAt, string? Requires = null)
{
    /// <summary>The account as it is now signed in, for the staff pages' cookie (not part of the API's answer).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Auth.SignedInAccount? Account { get; init; }
}

/// <summary>
/// An account as the admin sees it: <see cref="LockedUntil"/> is the account's own lock after too many failures from
/// everywhere (while <see cref="LockedOut"/>); <see cref="TwoFactorEnrolled"/> says whether a second factor is in use;
/// <see cref="PasswordChangeRequired"/> that the next sign-in must change a password someone else set.
/// </summary>
public sealed record UserDto(
    Guid Id, string Username, IReadOnlyList<string> Roles, bool Active, bool LockedOut, string? LockedUntil = null,
    bool TwoFactorEnrolled = false, bool PasswordChangeRequired = false)
{
    public static UserDto From(User user, Instant now) =>
        new(user.Id, user.Username, user.Roles, user.Active, user.IsLockedOut(now),
            user.IsLockedOut(now) ? Common.Formats.Local(user.LockedUntil!.Value, DateTimeZone.Utc) : null, user.HasSecondFactor, user.PasswordChangeRequired);
}

/// <summary>
/// Sign-in settings (<c>Beratung:Auth</c>): failures per account and source that lock the source
/// (<c>LockoutAttempts</c>, <c>LockoutMinutes</c>), consecutive failures from anywhere that lock the account
/// (<c>AccountLockoutAttempts</c>, <c>AccountLockoutHours</c>), whether every account needs a second factor
/// (<c>TwoFactor:Required</c>, off only in Development) and the name authenticator apps show (<c>TwoFactor:Issuer</c>).
/// </summary>
public sealed record SignInSettings(
    int MaxFailedAttempts, Duration Lockout, int AccountMaxFailedAttempts, Duration AccountLockout, bool TwoFactorRequired, string Issuer);
