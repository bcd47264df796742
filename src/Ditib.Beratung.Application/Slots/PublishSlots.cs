using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Counsellors;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>
/// Cuts the counsellor's hours into slots for a date range. Publishing a range again creates nothing new. With
/// <see cref="DryRun"/> it only counts the slots it would create (the preview), by the same rule.
/// </summary>
public sealed record PublishSlots(Guid CounsellorId, string? From, string? To, bool DryRun = false) : ICommand<PublishResult>;

/// <summary>How many slots were created, or with <see cref="DryRun"/> would be.</summary>
public sealed record PublishResult(int Created, bool DryRun = false);

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
    public async Task<PublishResult> Handle(PublishSlots request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(request.CounsellorId, cancellationToken);
        var hours = await counsellors.GetHoursAsync(request.CounsellorId, cancellationToken);
        var (from, to) = (Formats.ParseDate(request.From!), Formats.ParseDate(request.To!));
        var now = clock.GetCurrentInstant();

        var existing = await slots.IntervalsAsync(request.CounsellorId, LocalDates.ToInterval(from, to, settings.Zone), cancellationToken);
        var planned = SlotPlanner.PlanToPublish(hours, from, to, settings.Zone, now, existing);
        if (request.DryRun)
        {
            return new PublishResult(planned.Count, DryRun: true);
        }

        var fresh = planned
            .Select(p => new Slot(Guid.CreateVersion7(), request.CounsellorId, p.Start, p.End, p.Mode, p.Location, p.Capacity, SlotStatus.Open))
            .ToList();

        await slots.AddAsync(fresh, now, cancellationToken);
        await audit.RecordAsync(new AuditEvent("slot.publish", "counsellor", request.CounsellorId.ToString(), $"success: {fresh.Count} created"),
            cancellationToken);
        return new PublishResult(fresh.Count);
    }
}
