using NodaTime;

namespace Ditib.Beratung.Application.Auth;

/// <summary>An account's recovery codes, kept only as hashes.</summary>
public interface IRecoveryCodeStore
{
    /// <summary>The account's codes are these from now on; the old ones, used or not, are gone.</summary>
    Task ReplaceAsync(Guid userId, IReadOnlyList<string> hashes, CancellationToken cancellationToken);

    /// <summary>Marks an unused code as used; false when there is no such unused code.</summary>
    Task<bool> UseAsync(Guid userId, string hash, Instant now, CancellationToken cancellationToken);

    Task<int> CountUnusedAsync(Guid userId, CancellationToken cancellationToken);
}
