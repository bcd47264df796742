using System.Globalization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.ReferenceData;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Slots;

/// <summary>
/// Free slots residents can book: local dates, inclusive, at most <see cref="CentreSettings.MaxSearchDays"/> days; in
/// pages of at most <see cref="SlotPage.MaxLimit"/> slots, by start. <paramref name="After"/> is the
/// <see cref="SlotPage.Next"/> of the page before; <paramref name="CounsellorId"/> narrows the search to one counsellor.
/// </summary>
public sealed record SearchSlots(
    string? Topic, string? Language, string? From, string? To, string? Mode, int? Limit = null, string? After = null, Guid? CounsellorId = null)
    : IRequest<SlotPage>;

/// <summary>One page of a slot search; <see cref="Next"/> is null on the last page.</summary>
public sealed record SlotPage(IReadOnlyList<SlotDto> Items, string? Next)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

/// <summary>Where a page ended: the last slot's start and id (slots are ordered by both). Opaque to clients.</summary>
public sealed record SlotCursor(Instant Start, Guid Id)
{
    public override string ToString() => $"{Start.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture)}-{Id:N}";

    public static SlotCursor? TryParse(string? text)
    {
        var parts = text?.Split('-');
        return parts is [var ticks, var id]
               && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var unixTicks)
               && unixTicks <= Instant.MaxValue.ToUnixTimeTicks()
               && Guid.TryParseExact(id, "N", out var guid)
            ? new SlotCursor(Instant.FromUnixTimeTicks(unixTicks), guid)
            : null;
    }
}

public sealed class SearchSlotsValidator : AbstractValidator<SearchSlots>
{
    public SearchSlotsValidator(IReferenceData referenceData, CentreSettings settings)
    {
        RuleFor(s => s.Topic).Topic(referenceData);
        RuleFor(s => s.Language).Language(referenceData);
        RuleFor(s => s.Mode).SlotMode().When(s => s.Mode is not null);
        this.DateRange(s => s.From, s => s.To, settings.MaxSearchDays);
        RuleFor(s => s.Limit).InclusiveBetween(1, SlotPage.MaxLimit).When(s => s.Limit is not null);
        RuleFor(s => s.After).Must(after => SlotCursor.TryParse(after) is not null)
            .WithMessage("Must be the 'next' value of a previous page.").When(s => s.After is not null);
    }
}

public sealed class SearchSlotsHandler(ISlotQueries slots, CentreSettings settings, IClock clock) : IRequestHandler<SearchSlots, SlotPage>
{
    public async Task<SlotPage> Handle(SearchSlots request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var days = LocalDates.ToInterval(Formats.ParseDate(request.From!), Formats.ParseDate(request.To!), settings.Zone);
        var earliest = now + settings.MinimumNotice;
        if (days.End <= earliest)
        {
            return new SlotPage([], null);
        }

        var limit = request.Limit ?? SlotPage.DefaultLimit;
        var rows = await slots.SearchAsync(
            new SlotSearch(new Interval(Instant.Max(days.Start, earliest), days.End), FreeOnly: true, request.Topic, request.Language,
                request.Mode, request.CounsellorId, SlotCursor.TryParse(request.After), limit + 1),
            cancellationToken);
        var page = rows.Take(limit).ToList();
        var next = rows.Count > limit ? new SlotCursor(page[^1].Start, page[^1].Id).ToString() : null;

        // The store narrows by the same conditions in SQL; the domain rule stays the one that decides.
        return new SlotPage(
            page.Where(s => s.Unavailability(now, settings.MinimumNotice) is null).Select(s => s.ToDto(settings.Zone)).ToList(), next);
    }
}
