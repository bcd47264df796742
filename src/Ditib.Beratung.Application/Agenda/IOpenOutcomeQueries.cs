using NodaTime;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>
/// A confirmed booking whose appointment has begun: the booking's sealed personal data (empty once erased) and where and
/// with whom the appointment was.
/// </summary>
public sealed record OpenOutcomeRow(
    Guid BookingId, string Reference, Guid? DataKeyId, byte[]? SealedPersonalData, Instant Start, Instant End, string Counsellor, string Mode,
    string? Location);

/// <summary>The read side of the desk's worklist "Offen".</summary>
public interface IOpenOutcomeQueries
{
    /// <summary>
    /// Confirmed bookings (no outcome yet) of open or cancelled slots that began before <paramref name="begunBefore"/>,
    /// oldest first, at most <paramref name="limit"/>; only those of one counsellor when <paramref name="counsellorId"/> is set.
    /// </summary>
    Task<IReadOnlyList<OpenOutcomeRow>> ListAsync(Instant begunBefore, Guid? counsellorId, int limit, CancellationToken cancellationToken);
}
