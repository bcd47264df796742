using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>
/// Counts failed sign-ins (a wrong password and a wrong code alike) per account and source, and per account against
/// the ceiling; audits every lockout. Runs inside the caller's write transaction.
/// </summary>
public sealed class SignInGuard(
    IUserRepository users, ISignInSourceStore sources, ISignInOrigin origin, IAuditTrail audit, SignInSettings settings)
{
    public async Task<bool> IsLockedOutAsync(User user, Instant now, CancellationToken cancellationToken) =>
        user.IsLockedOut(now) || (await sources.GetAsync(user.Id, origin.Source, cancellationToken)).IsLockedOut(now);

    /// <summary>Counts the failure for this source and towards the account's ceiling, and stores the account.</summary>
    public async Task RecordFailureAsync(User user, string why, Instant now, CancellationToken cancellationToken)
    {
        var actor = ((Guid?)user.Id, user.Username);
        var source = await sources.GetAsync(user.Id, origin.Source, cancellationToken);
        var sourceLocked = source.RecordFailure(now, settings.MaxFailedAttempts, settings.Lockout);
        await sources.SaveAsync(source, now, cancellationToken);
        var accountLocked = user.RecordFailedSignIn(now, settings.AccountMaxFailedAttempts, settings.AccountLockout);
        await users.UpdateAsync(user, cancellationToken);
        await audit.RecordAsync(new AuditEvent("auth.sign-in", "user", user.Id.ToString(), $"failure: {why}") { Actor = actor }, cancellationToken);
        if (sourceLocked)
        {
            await audit.RecordAsync(new AuditEvent("auth.lockout", "user", user.Id.ToString(), "success: source locked") { Actor = actor },
                cancellationToken);
        }

        if (accountLocked)
        {
            await audit.RecordAsync(new AuditEvent("auth.lockout", "user", user.Id.ToString(), "success: account locked") { Actor = actor },
                cancellationToken);
        }
    }

    /// <summary>A complete sign-in clears this source's failures and the account's consecutive count (the caller stores the account).</summary>
    public async Task RecordSuccessAsync(User user, CancellationToken cancellationToken)
    {
        user.RecordSuccessfulSignIn();
        await sources.ClearAsync(user.Id, origin.Source, cancellationToken);
    }
}
