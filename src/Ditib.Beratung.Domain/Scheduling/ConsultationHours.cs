using Ditib.Beratung.Domain.Common;
using NodaTime;

namespace Ditib.Beratung.Domain.Scheduling;

/// <summary>
/// A counsellor's weekly template plus dated exceptions. Windows on the same day never overlap, so the slots cut
/// from them never overlap either.
/// </summary>
public sealed class ConsultationHours
{
    public ConsultationHours(IReadOnlyList<WeeklyHours> weekly, IReadOnlyList<HoursException> exceptions)
    {
        foreach (var day in weekly.GroupBy(w => w.Weekday))
        {
            EnsureNoOverlap(day.Select(w => w.Window).ToList(), $"weekly ({day.Key})");
        }

        foreach (var date in exceptions.GroupBy(e => e.Date))
        {
            if (date.Count() > 1)
            {
                throw new DomainRuleException("Each date may have only one exception.", "exceptions");
            }

            var exception = date.Single();
            if (exception.Closed && exception.Windows.Count > 0)
            {
                throw new DomainRuleException("A closed day cannot have other hours.", "exceptions");
            }

            if (!exception.Closed && exception.Windows.Count == 0)
            {
                throw new DomainRuleException("An exception is either closed or names other hours.", "exceptions");
            }

            EnsureNoOverlap(exception.Windows, "exceptions");
        }

        Weekly = weekly;
        Exceptions = exceptions;
    }

    public IReadOnlyList<WeeklyHours> Weekly { get; }
    public IReadOnlyList<HoursException> Exceptions { get; }

    /// <summary>The windows that apply on a date: the exception's if there is one, otherwise the template's.</summary>
    public IEnumerable<HoursWindow> WindowsOn(LocalDate date)
    {
        var exception = Exceptions.FirstOrDefault(e => e.Date == date);
        if (exception is not null)
        {
            return exception.Windows;
        }

        return Weekly.Where(w => w.Weekday == date.DayOfWeek).Select(w => w.Window);
    }

    private static void EnsureNoOverlap(IReadOnlyList<HoursWindow> windows, string field)
    {
        for (var i = 0; i < windows.Count; i++)
        {
            for (var j = i + 1; j < windows.Count; j++)
            {
                if (windows[i].Overlaps(windows[j]))
                {
                    throw new DomainRuleException("Consultation hours on the same day must not overlap.", field);
                }
            }
        }
    }
}
