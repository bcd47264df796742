using Ditib.Beratung.Domain.Counsellors;
using Ditib.Beratung.Domain.Scheduling;

namespace Ditib.Beratung.Application.Counsellors;

public interface ICounsellorRepository
{
    Task<Counsellor?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The counsellor profile linked to an account, if any.</summary>
    Task<Counsellor?> FindByUserAsync(Guid userId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Counsellor>> ListAsync(CancellationToken cancellationToken);

    Task AddAsync(Counsellor counsellor, CancellationToken cancellationToken);

    Task UpdateAsync(Counsellor counsellor, CancellationToken cancellationToken);

    Task<ConsultationHours> GetHoursAsync(Guid counsellorId, CancellationToken cancellationToken);

    Task ReplaceHoursAsync(Guid counsellorId, ConsultationHours hours, CancellationToken cancellationToken);
}
