using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Scheduling;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Web.Support;

/// <summary>A free appointment as the pages show it: local times in the centre's zone.</summary>
public sealed record SlotView(Guid Id, LocalDateTime Start, LocalDateTime End, string Mode, string? Location, string Counsellor, int Remaining)
{
    /// <summary>
    /// The room, for appointments at the centre only: by phone or video the counsellor's location text ("Telefon")
    /// tells the resident nothing the translated mode does not.
    /// </summary>
    public string? Place => Mode == SlotMode.InPerson.ToCode() && !string.IsNullOrWhiteSpace(Location) ? Location : null;
}

public sealed record SlotDay(LocalDate Date, IReadOnlyList<SlotView> Slots);

/// <summary>
/// Which free appointments to look for: a window of local dates from <see cref="From"/>, at most <see cref="Limit"/>
/// of them, continuing after the cursor <see cref="After"/> of an earlier page.
/// </summary>
public sealed record SlotQuery(
    string Topic, string? Language, string? Mode, LocalDate From, int Days = SlotFinder.WindowDays, string? After = null,
    int Limit = SlotPage.DefaultLimit);

/// <summary>Free appointments found, and the cursor for the rest of the window when there were more than the limit.</summary>
public sealed record SlotResult(IReadOnlyList<SlotView> Slots, string? Next);

/// <summary>
/// The one place where the pages send <see cref="SearchSlots"/>: the same request as <c>GET /api/v1/slots</c>, so what
/// a page lists is exactly what can be booked.
/// </summary>
public sealed class SlotFinder(IMediator mediator, CentreSettings settings, IClock clock)
{
    public const int WindowDays = 14;

    public LocalDate Today => clock.GetCurrentInstant().InZone(settings.Zone).Date;

    public async Task<SlotResult> FindAsync(SlotQuery query, CancellationToken cancellationToken)
    {
        var to = query.From.PlusDays(query.Days - 1);
        var page = await mediator.Send(
            new SearchSlots(query.Topic, query.Language, Formats.Date.Format(query.From), Formats.Date.Format(to), query.Mode, query.Limit,
                query.After),
            cancellationToken);
        return new SlotResult(page.Items.Select(ToView).ToList(), page.Next);
    }

    /// <summary>The next free appointments for a topic and language, e.g. when the chosen one was just taken.</summary>
    public async Task<IReadOnlyList<SlotView>> NextAsync(string topic, string? language, Guid except, int count, CancellationToken cancellationToken)
    {
        var found = await FindAsync(new SlotQuery(topic, language, null, Today, settings.MaxSearchDays, Limit: count + 1), cancellationToken);
        return found.Slots.Where(s => s.Id != except).Take(count).ToList();
    }

    public static IReadOnlyList<SlotDay> ByDay(IEnumerable<SlotView> slots) =>
        slots.GroupBy(s => s.Start.Date).OrderBy(g => g.Key).Select(g => new SlotDay(g.Key, g.OrderBy(s => s.Start).ToList())).ToList();

    public SlotView ToView(SlotDto slot) =>
        new(slot.Id, Local(slot.Start), Local(slot.End), slot.Mode, slot.Location, slot.Counsellor, slot.RemainingCapacity);

    /// <summary>The local time a cut-off before the slot's start falls on.</summary>
    public LocalDateTime LocalCutoff(SlotDto slot, Duration cutoff) =>
        (Formats.OffsetDateTime.Parse(slot.Start).Value.ToInstant() - cutoff).InZone(settings.Zone).LocalDateTime;

    private LocalDateTime Local(string offsetDateTime) =>
        Formats.OffsetDateTime.Parse(offsetDateTime).Value.ToInstant().InZone(settings.Zone).LocalDateTime;
}
