namespace Ditib.Beratung.Application.Partners;

public interface IPartnerRepository
{
    /// <summary>
    /// Partners by name; retired ones only when <paramref name="includeRetired"/>; with a topic, only those taking
    /// referrals for it.
    /// </summary>
    Task<IReadOnlyList<PartnerDto>> ListAsync(string? topic, bool includeRetired, CancellationToken cancellationToken);

    Task<PartnerDto?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the partner and its topics; a name used by another partner is a conflict.</summary>
    Task SaveAsync(PartnerDto partner, CancellationToken cancellationToken);
}
