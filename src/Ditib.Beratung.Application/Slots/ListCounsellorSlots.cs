using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Slots;

/// <summary>All of a counsellor's slots in a range, open or cancelled, full or not (the staff view).</summary>
public sealed record ListCounsellorSlots(Guid CounsellorId, string? From, string? To) : IRequest<IReadOnlyList<SlotDto>>;

public sealed class ListCounsellorSlotsValidator : AbstractValidator<ListCounsellorSlots>
{
    public ListCounsellorSlotsValidator(CentreSettings settings)
    {
        this.DateRange(s => s.From, s => s.To, settings.MaxSearchDays);
    }
}

public sealed class ListCounsellorSlotsHandler(ScheduleAccess access, ISlotQueries slots, CentreSettings settings)
    : IRequestHandler<ListCounsellorSlots, IReadOnlyList<SlotDto>>
{
    public async Task<IReadOnlyList<SlotDto>> Handle(ListCounsellorSlots request, CancellationToken cancellationToken)
    {
        await access.EnsureCanManageAsync(request.CounsellorId, cancellationToken);
        var interval = LocalDates.ToInterval(Formats.ParseDate(request.From!), Formats.ParseDate(request.To!), settings.Zone);
        var rows = await slots.SearchAsync(new SlotSearch(interval, FreeOnly: false, CounsellorId: request.CounsellorId), cancellationToken);
        return rows.Select(r => r.ToDto(settings.Zone)).ToList();
    }
}
