using Ditib.Beratung.Domain.Users;
using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>Failed sign-ins per account and source (see <see cref="SignInSource"/>).</summary>
public interface ISignInSourceStore
{
    /// <summary>The record for this account and source, or a fresh one without failures.</summary>
    Task<SignInSource> GetAsync(Guid userId, string source, CancellationToken cancellationToken);

    Task SaveAsync(SignInSource record, Instant now, CancellationToken cancellationToken);

    Task ClearAsync(Guid userId, string source, CancellationToken cancellationToken);

    /// <summary>Lifts every source's lock on the account (an admin's unlock).</summary>
    Task ClearAllAsync(Guid userId, CancellationToken cancellationToken);
}
