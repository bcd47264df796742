using NodaTime;

namespace Ditib.Beratung.Application.Statistics;

/// <summary>Counts only, by codes and partner names: nothing about a person.</summary>
public sealed record LabelCount(string Row, string Column, long Count);

public interface IStatisticsQueries
{
    /// <summary>Bookings whose slot starts in the interval: (topic, status) and (language, status) pairs are derived from (topic, language, status).</summary>
    Task<IReadOnlyList<BookingCount>> CountBookingsAsync(Interval interval, CancellationToken cancellationToken);

    /// <summary>Case topics of cases opened between the dates (inclusive), by topic and month ("2026-12").</summary>
    Task<IReadOnlyList<LabelCount>> CountCasesOpenedAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken);

    /// <summary>Case topics of cases closed between the dates (inclusive), by topic and month ("2026-12").</summary>
    Task<IReadOnlyList<LabelCount>> CountCasesClosedAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken);

    /// <summary>Referrals created in the interval, by partner name and current state.</summary>
    Task<IReadOnlyList<LabelCount>> CountReferralsAsync(Interval interval, CancellationToken cancellationToken);
}

public sealed record BookingCount(string Topic, string Language, string Status, long Count);
