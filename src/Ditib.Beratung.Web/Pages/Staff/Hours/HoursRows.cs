using System.Globalization;
using Ditib.Beratung.Application.Counsellors;

namespace Ditib.Beratung.Web.Pages.Staff.Hours;

/// <summary>A window's fields as the form posts them; numbers stay text, so a typo comes back as a field error.</summary>
public abstract class WindowRow
{
    public string? From { get; set; }
    public string? To { get; set; }
    public string? SlotMinutes { get; set; } = "45";
    public string? Mode { get; set; } = "in-person";
    public string? Location { get; set; }
    public string? Capacity { get; set; } = "1";

    /// <summary>Ticked: the row is left out when saving.</summary>
    public bool Remove { get; set; }

    protected static int Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    protected WindowDto Window() => new(From?.Trim(), To?.Trim(), Number(SlotMinutes), Mode, Blank(Location) ? null : Location!.Trim(), Number(Capacity));

    protected void CopyFrom(WindowDto window)
    {
        (From, To, SlotMinutes, Mode, Location) = (window.From, window.To, Text(window.SlotMinutes), window.Mode, window.Location);
        Capacity = Text(window.Capacity);
    }

    protected static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static string Text(int number) => number.ToString(CultureInfo.InvariantCulture);
}

public sealed class WeeklyRow : WindowRow
{
    public string? Weekday { get; set; }

    /// <summary>An untouched empty row: no times given.</summary>
    public bool IsBlank => Blank(From) && Blank(To);

    public static WeeklyRow Of(WeeklyHoursDto hours)
    {
        var row = new WeeklyRow { Weekday = hours.Weekday };
        row.CopyFrom(new WindowDto(hours.From, hours.To, hours.SlotMinutes, hours.Mode, hours.Location, hours.Capacity));
        return row;
    }

    public WeeklyHoursDto ToDto()
    {
        var window = Window();
        return new(Weekday, window.From, window.To, window.SlotMinutes, window.Mode, window.Location, window.Capacity);
    }
}

/// <summary>One row of the exceptions: a closed day, or one window of other hours (several rows may share a date).</summary>
public sealed class ExceptionRow : WindowRow
{
    public string? Date { get; set; }

    public bool Closed { get; set; }

    public bool IsBlank => Blank(Date) && Blank(From) && Blank(To);

    public static IEnumerable<ExceptionRow> Of(HoursExceptionDto exception) =>
        exception.Closed || exception.Hours is not { Count: > 0 }
            ? [new ExceptionRow { Date = exception.Date, Closed = true }]
            : exception.Hours.Select(window =>
            {
                var row = new ExceptionRow { Date = exception.Date };
                row.CopyFrom(window);
                return row;
            });

    public WindowDto ToWindow() => Window();
}
