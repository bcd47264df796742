using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Domain.Common;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>An ad-hoc slot outside the weekly template, at a local date-time ("2026-12-02T14:30").</summary>
public sealed record AddSlot(Guid CounsellorId, string? Start, int Minutes, string? Mode, string? Location, int Capacity)
    : ICommand<SlotDto>;

public sealed class AddSlotValidator : AbstractValidator<AddSlot>
{
    public AddSlotValidator()
    {
        RuleFor(s => s.Start).NotEmpty().Must(Formats.IsDateTime)
            .WithMessage($"'{{PropertyName}}' must be a date-time written as {Formats.DateTimeForms}, between {Formats.FirstYear} and {Formats.LastYear}.");
        RuleFor(s => s.Minutes).InclusiveBetween(5, 480);
        RuleFor(s => s.Mode).SlotMode();
        RuleFor(s => s.Location).SingleLine(200);
        RuleFor(s => s.Capacity).InclusiveBetween(1, HoursWindow.MaxCapacity);
    }
}

public sealed class AddSlotHandler(
    ScheduleAccess access, IAuditTrail audit, ISlotRepository slots, ISlotQueries slotQueries, CentreSettings settings, IClock clock)
    : IRequestHandler<AddSlot, SlotDto>
{
    public async Task<SlotDto> Handle(AddSlot request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(request.CounsellorId, cancellationToken);
        var planned = SlotPlanner.TryMapAdHoc(Formats.ParseLocalDateTime(request.Start!, settings.Zone), request.Minutes, SlotModes.Parse(request.Mode!),
                request.Location, request.Capacity, settings.Zone)
            ?? throw new DomainRuleException("The slot would fall into or across the clock change; choose another time.", "start");
        if (planned.Start <= clock.GetCurrentInstant())
        {
            throw new DomainRuleException("A slot must start in the future.", "start");
        }

        var slot = new Slot(Guid.CreateVersion7(), request.CounsellorId, planned.Start, planned.End, planned.Mode, planned.Location,
            planned.Capacity, SlotStatus.Open);
        await slots.AddAsync([slot], clock.GetCurrentInstant(), cancellationToken);
        await audit.RecordAsync(new AuditEvent("slot.add", "slot", slot.Id.ToString()), cancellationToken);
        return (await slotQueries.GetAsync(slot.Id, cancellationToken))!.ToDto(settings.Zone);
    }
}
