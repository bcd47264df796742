using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Scheduling;
using FluentValidation;

namespace Ditib.Beratung.Application.Counsellors;

/// <summary>A window of consultation time as the API writes it: local times, "HH:mm".</summary>
public interface IWindowFields
{
    string? From { get; }
    string? To { get; }
    int SlotMinutes { get; }
    string? Mode { get; }
    string? Location { get; }
    int Capacity { get; }
}

public class WindowValidator<T> : AbstractValidator<T>
    where T : IWindowFields
{
    public WindowValidator()
    {
        RuleFor(w => w.From).Time();
        RuleFor(w => w.To).Time();
        RuleFor(w => w.SlotMinutes).InclusiveBetween(5, 480);
        RuleFor(w => w.Mode).SlotMode();
        RuleFor(w => w.Location).SingleLine(200);
        RuleFor(w => w.Capacity).InclusiveBetween(1, HoursWindow.MaxCapacity);
    }
}

public sealed record WindowDto(string? From, string? To, int SlotMinutes, string? Mode, string? Location, int Capacity) : IWindowFields
{
    public static WindowDto Of(HoursWindow window) =>
        new(Formats.Time.Format(window.From), Formats.Time.Format(window.To), window.SlotMinutes, window.Mode.ToCode(),
            window.Location, window.Capacity);

    public HoursWindow ToDomain() =>
        new(Formats.ParseTime(From!), Formats.ParseTime(To!), SlotMinutes, SlotModes.Parse(Mode!), Location, Capacity);
}

public sealed record WeeklyHoursDto(string? Weekday, string? From, string? To, int SlotMinutes, string? Mode, string? Location, int Capacity)
    : IWindowFields
{
    public static WeeklyHoursDto Of(WeeklyHours hours)
    {
        var window = WindowDto.Of(hours.Window);
        return new(hours.Weekday.ToString().ToLowerInvariant(), window.From, window.To, window.SlotMinutes, window.Mode,
            window.Location, window.Capacity);
    }

    public WeeklyHours ToDomain()
    {
        if (!Formats.TryParseWeekday(Weekday, out var weekday))
        {
            throw new ArgumentException("Unknown weekday.", nameof(Weekday));
        }

        return new(weekday, new WindowDto(From, To, SlotMinutes, Mode, Location, Capacity).ToDomain());
    }
}

public sealed record HoursExceptionDto(string? Date, bool Closed, IReadOnlyList<WindowDto>? Hours)
{
    public static HoursExceptionDto From(HoursException exception) =>
        new(Formats.Date.Format(exception.Date), exception.Closed, exception.Windows.Select(WindowDto.Of).ToList());

    public HoursException ToDomain() =>
        new(Formats.ParseDate(Date!), Closed, (Hours ?? []).Select(h => h.ToDomain()).ToList());
}

public sealed record HoursDto(IReadOnlyList<WeeklyHoursDto> Weekly, IReadOnlyList<HoursExceptionDto> Exceptions)
{
    public static HoursDto From(ConsultationHours hours) =>
        new(hours.Weekly.OrderBy(w => w.Weekday).ThenBy(w => w.Window.From).Select(WeeklyHoursDto.Of).ToList(),
            hours.Exceptions.OrderBy(e => e.Date).Select(HoursExceptionDto.From).ToList());
}
