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
    string Status);

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

    public void EnsureBookable(Instant now, Duration minimumNotice, string topic, string language, bool interpreterNeeded) =>
        Availability.EnsureBookable(SlotStatus, CounsellorActive, Start, Remaining, now, minimumNotice, Topics, topic, Languages, language,
            interpreterNeeded);

    public SlotDto ToDto(DateTimeZone zone) =>
        new(Id, Formats.Local(Start, zone), Formats.Local(End, zone), zone.Id, Counsellor, Mode, Location, Languages, Topics,
            Remaining, Status);
}
