using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>Cuts the counsellor's hours into slots for a date range. Publishing a range again creates nothing new.</summary>
public sealed record PublishSlots(Guid CounsellorId, string? From, string? To) : ICommand<PublishResult>;

public sealed record PublishResult(int Created);

public sealed class PublishSlotsValidator : AbstractValidator<PublishSlots>
{
    public PublishSlotsValidator(CentreSettings settings)
    {
        this.DateRange(p => p.From, p => p.To, settings.MaxPublishDays);
    }
}

public sealed class PublishSlotsHandler(
    ScheduleAccess access, ICounsellorRepository counsellors, ISlotRepository slots, IAuditTrail audit, CentreSettings settings, IClock clock)
    : IRequestHandler<PublishSlots, PublishResult>
{
    /// <summary>Keeps one publish from holding the write lock for long (a busy year is about 3,000 slots).</summary>
    public const int MaxSlotsAtOnce = 5000;

    public async Task<PublishResult> Handle(PublishSlots request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(request.CounsellorId, cancellationToken);
        var hours = await counsellors.GetHoursAsync(request.CounsellorId, cancellationToken);
        var (from, to) = (Formats.ParseDate(request.From!), Formats.ParseDate(request.To!));
        var now = clock.GetCurrentInstant();

        var planned = SlotPlanner.Plan(hours, from, to, settings.Zone).Where(p => p.Start > now).ToList();
        var existing = await slots.IntervalsAsync(request.CounsellorId, LocalDates.ToInterval(from, to, settings.Zone), cancellationToken);
        var clashFree = SlotPlanner.WithoutClashes(planned, existing);
        if (clashFree.Count > MaxSlotsAtOnce)
        {
            throw new DomainRuleException(
                $"Publishing would create {clashFree.Count} slots; publish a shorter range (at most {MaxSlotsAtOnce} slots at once).", "to");
        }

        var fresh = clashFree
            .Select(p => new Slot(Guid.CreateVersion7(), request.CounsellorId, p.Start, p.End, p.Mode, p.Location, p.Capacity, SlotStatus.Open))
            .ToList();

        await slots.AddAsync(fresh, now, cancellationToken);
        await audit.RecordAsync(new AuditEvent("slot.publish", "counsellor", request.CounsellorId.ToString(), $"success: {fresh.Count} created"),
            cancellationToken);
        return new PublishResult(fresh.Count);
    }
}
