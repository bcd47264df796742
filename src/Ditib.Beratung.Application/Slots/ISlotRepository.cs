using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

public interface ISlotRepository
{
    Task<Slot?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The intervals of all the counsellor's slots (open or cancelled) that touch the interval.</summary>
    Task<IReadOnlyList<Interval>> IntervalsAsync(Guid counsellorId, Interval interval, CancellationToken cancellationToken);

    /// <summary>The counsellor's slots (open or cancelled) that start inside the interval, by start.</summary>
    Task<IReadOnlyList<Slot>> StartingInAsync(Guid counsellorId, Interval interval, CancellationToken cancellationToken);

    /// <summary>Inserts slots; a slot overlapping an open slot of the same counsellor is a conflict.</summary>
    Task AddAsync(IReadOnlyList<Slot> slots, Instant now, CancellationToken cancellationToken);

    Task UpdateStatusAsync(Slot slot, Instant now, CancellationToken cancellationToken);
}

/// <summary>
/// Filters of the slot read side. <paramref name="FreeOnly"/> leaves out cancelled and full slots and inactive counsellors;
/// <paramref name="After"/> and <paramref name="Limit"/> page through the slots in (start, id) order.
/// </summary>
public sealed record SlotSearch(Interval Interval, bool FreeOnly, string? Topic = null, string? Language = null, string? Mode = null,
    Guid? CounsellorId = null, SlotCursor? After = null, int? Limit = null);

public interface ISlotQueries
{
    Task<SlotRow?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Slots starting inside the interval that match the filters, by start and id; the caller applies availability.</summary>
    Task<IReadOnlyList<SlotRow>> SearchAsync(SlotSearch search, CancellationToken cancellationToken);
}
