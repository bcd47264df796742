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

    /// <summary>Stores password hash, active flag, sign-in counters and security stamp.</summary>
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
    TokenDto Issue(User user, Instant now);
}

public sealed record TokenDto(string AccessToken, string ExpiresAt);

public sealed record UserDto(Guid Id, string Username, IReadOnlyList<string> Roles, bool Active, bool LockedOut)
{
    public static UserDto From(User user, Instant now) => new(user.Id, user.Username, user.Roles, user.Active, user.IsLockedOut(now));
}

/// <summary>Sign-in settings (<c>Beratung:Auth</c>).</summary>
public sealed record SignInSettings(int MaxFailedAttempts, Duration Lockout);
