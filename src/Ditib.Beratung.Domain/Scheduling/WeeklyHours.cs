using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

/// <summary>One entry of a counsellor's weekly template: a window on a weekday.</summary>
public sealed record WeeklyHours(IsoDayOfWeek Weekday, HoursWindow Window);

/// <summary>A dated deviation from the template: closed all day, or other windows instead of the template's.</summary>
public sealed record HoursException(LocalDate Date, bool Closed, IReadOnlyList<HoursWindow> Windows);
