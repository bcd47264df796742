using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>Open slots residents can book: local dates, inclusive, at most <see cref="CentreSettings.MaxSearchDays"/> days.</summary>
public sealed record SearchSlots(string? Topic, string? Language, string? From, string? To, string? Mode) : IRequest<IReadOnlyList<SlotDto>>;

public sealed class SearchSlotsValidator : AbstractValidator<SearchSlots>
{
    public SearchSlotsValidator(IReferenceData referenceData, CentreSettings settings)
    {
        RuleFor(s => s.Topic).Topic(referenceData);
        RuleFor(s => s.Language).Language(referenceData);
        RuleFor(s => s.Mode).SlotMode().When(s => s.Mode is not null);
        this.DateRange(s => s.From, s => s.To, settings.MaxSearchDays);
    }
}

public sealed class SearchSlotsHandler(ISlotQueries slots, CentreSettings settings, IClock clock)
    : IRequestHandler<SearchSlots, IReadOnlyList<SlotDto>>
{
    public async Task<IReadOnlyList<SlotDto>> Handle(SearchSlots request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var days = LocalDates.ToInterval(Formats.ParseDate(request.From!), Formats.ParseDate(request.To!), settings.Zone);
        if (days.End <= now)
        {
            return [];
        }

        var interval = new Interval(Instant.Max(days.Start, now), days.End);
        var candidates = await slots.SearchAsync(
            new SlotSearch(interval, OpenOnly: true, request.Topic, request.Language, request.Mode), cancellationToken);
        return candidates
            .Where(s => s.Unavailability(now, settings.MinimumNotice) is null)
            .Select(s => s.ToDto(settings.Zone))
            .ToList();
    }
}
