using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Scheduling;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>A slot as residents see it: local date-times with offset plus the zone id.</summary>
public sealed record SlotDto(
    Guid Id,
    string Start,
    string End,
    string Zone,
    string Counsellor,
    string Mode,
    string? Location,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Topics,
    int RemainingCapacity,
    string Status)
{
    /// <summary>A slot loaded with its counsellor (<see cref="Slot.Counsellor"/>) as residents see it.</summary>
    public static SlotDto From(Slot slot, DateTimeZone zone)
    {
        var counsellor = slot.Counsellor ?? throw new InvalidOperationException("The slot was loaded without its counsellor.");
        return new SlotDto(slot.Id, Formats.Local(slot.Start, zone), Formats.Local(slot.End, zone), zone.Id, counsellor.Name, slot.Mode.ToCode(),
            slot.Location, [.. counsellor.Languages], [.. counsellor.Topics], slot.Remaining, slot.Status.ToCode());
    }
}

/// <summary>A slot as the read side loads it, with its counsellor and how many places are taken.</summary>
public sealed record SlotRow(
    Guid Id,
    Guid CounsellorId,
    string Counsellor,
    bool CounsellorActive,
    Instant Start,
    Instant End,
    string Mode,
    string? Location,
    int Capacity,
    int Taken,
    string Status,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Topics)
{
    public int Remaining => Math.Max(0, Capacity - Taken);

    public SlotStatus SlotStatus => Status == "cancelled" ? SlotStatus.Cancelled : SlotStatus.Open;

    public Unavailability? Unavailability(Instant now, Duration minimumNotice) =>
        Availability.Check(SlotStatus, CounsellorActive, Start, Remaining, now, minimumNotice);

    public SlotDto ToDto(DateTimeZone zone) =>
        new(Id, Formats.Local(Start, zone), Formats.Local(End, zone), zone.Id, Counsellor, Mode, Location, Languages, Topics,
            Remaining, Status);
}
