using System.Globalization;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Counsellors;

namespace Ditib.Beratung.Web.Pages.Staff.Hours;

/// <summary>A form field a failure is about: its id, its table (<c>weekly</c> or <c>exception</c>), row number from 1, and kind.</summary>
public sealed record FieldRef(string Id, string Section, int Row, string Kind);

/// <summary>
/// Turns the posted rows into <see cref="SetHours"/> and the validator's property paths back into the rows they came
/// from: blank and removed rows are left out, rows of the same exception date become one exception.
/// </summary>
public sealed partial class HoursForm(IReadOnlyList<WeeklyRow> weekly, IReadOnlyList<ExceptionRow> exceptions)
{
    /// <summary>Rows of each table taken from a post; more than the validators allow anyway.</summary>
    public const int MaxRows = 400;

    private readonly List<int> weeklyRows = [];
    private readonly List<(List<int> Closed, List<int> Windows)> exceptionRows = [];

    public SetHours ToRequest(Guid counsellorId)
    {
        var sentWeekly = new List<WeeklyHoursDto>();
        for (var i = 0; i < Math.Min(weekly.Count, MaxRows); i++)
        {
            if (!weekly[i].Remove && !weekly[i].IsBlank)
            {
                weeklyRows.Add(i);
                sentWeekly.Add(weekly[i].ToDto());
            }
        }

        var byDate = exceptions.Take(MaxRows).Select((row, index) => (row, index))
            .Where(r => !r.row.Remove && !r.row.IsBlank)
            .GroupBy(r => r.row.Date?.Trim() ?? "", StringComparer.Ordinal);
        var sentExceptions = new List<HoursExceptionDto>();
        foreach (var date in byDate)
        {
            var closed = date.Any(r => r.row.Closed);
            var windows = date.Where(r => !r.row.Closed).ToList();
            exceptionRows.Add((date.Where(r => r.row.Closed).Select(r => r.index).ToList(), windows.Select(r => r.index).ToList()));
            sentExceptions.Add(new HoursExceptionDto(date.Key, closed, windows.Select(r => r.row.ToWindow()).ToList()));
        }

        return new SetHours(counsellorId, sentWeekly, sentExceptions);
    }

    /// <summary>
    /// The form field a validation failure is about (e.g. id <c>weekly-2-from</c>, section <c>weekly</c>, row 3,
    /// kind <c>from</c>), or null for a failure about the whole list.
    /// </summary>
    public FieldRef? Field(string propertyPath)
    {
        var match = PropertyPath().Match(propertyPath);
        if (!match.Success)
        {
            return null;
        }

        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        var field = (match.Groups["field"].Success ? match.Groups["field"].Value : "").ToLowerInvariant();
        if (match.Groups["list"].Value == "Weekly")
        {
            return index < weeklyRows.Count ? Ref("weekly", weeklyRows[index], Kind(field, "weekday")) : null;
        }

        if (index >= exceptionRows.Count)
        {
            return null;
        }

        var (closed, windows) = exceptionRows[index];
        var window = match.Groups["window"].Success ? int.Parse(match.Groups["window"].Value, CultureInfo.InvariantCulture) : -1;
        var row = window >= 0 && window < windows.Count ? windows[window] : closed.Concat(windows).First();
        return Ref("exception", row, Kind(field, "date"));
    }

    private static FieldRef Ref(string section, int row, string kind) => new($"{section}-{row}-{kind}", section, row + 1, kind);

    /// <summary>The kind of field: weekday, from, to, minutes, mode, location, capacity or date.</summary>
    private static string Kind(string field, string whole) => field switch
    {
        "" or "hours" => whole,
        "slotminutes" => "minutes",
        _ => field,
    };

    [GeneratedRegex(@"^(?<list>Weekly|Exceptions)\[(?<index>\d{1,4})\](\.Hours\[(?<window>\d{1,3})\])?(\.(?<field>\w+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyPath();
}
