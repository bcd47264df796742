using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Statistics;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Statistics;

/// <summary>
/// Anonymous figures for funders over whole months (local dates, inclusive, from the first of a month to the last
/// of a month, at most a year): whole months make every month's cell the same in every query, so comparing two
/// overlapping periods reveals nothing new. Audited.
/// </summary>
public sealed record GetStatistics(string? From, string? To) : IRequest<StatisticsDto>;

public sealed class GetStatisticsValidator : AbstractValidator<GetStatistics>
{
    public GetStatisticsValidator()
    {
        this.DateRange(s => s.From, s => s.To, 366);
        RuleFor(s => s.From).Must(f => Formats.ParseDate(f!).Day == 1)
            .WithMessage("'from' must be the first day of a month.").When(s => Formats.IsDate(s.From));
        RuleFor(s => s.To).Must(t => Formats.ParseDate(t!).PlusDays(1).Day == 1)
            .WithMessage("'to' must be the last day of a month.").When(s => Formats.IsDate(s.To));
    }
}

public sealed class GetStatisticsHandler(IStatisticsQueries statistics, IAuditTrail audit, CentreSettings settings)
    : IRequestHandler<GetStatistics, StatisticsDto>
{
    private static readonly string[] Outcomes = ["confirmed", "attended", "no-show", "cancelled-by-resident", "cancelled-by-centre"];
    private static readonly string[] ReferralStates = ["draft", "sent", "accepted", "declined", "completed", "withdrawn"];

    public async Task<StatisticsDto> Handle(GetStatistics request, CancellationToken cancellationToken)
    {
        var (from, to) = (Formats.ParseDate(request.From!), Formats.ParseDate(request.To!));
        var months = new List<(string Label, LocalDate First)>();
        for (var month = from; month <= to; month = month.PlusMonths(1))
        {
            months.Add((Month(month), month));
        }

        var labels = months.Select(m => m.Label).ToList();
        var bookings = new List<(string Month, BookingCount Count)>();
        foreach (var (label, first) in months)
        {
            var interval = LocalDates.ToInterval(first, first.PlusMonths(1).PlusDays(-1), settings.Zone);
            bookings.AddRange((await statistics.CountBookingsAsync(interval, cancellationToken)).Select(b => (label, b)));
        }

        var bookingTables = LinkedSuppression.Publish(
            [
                Table("bookings-by-topic", "Bookings by topic and month", bookings.Select(b => new LabelCount(b.Count.Topic, b.Month, b.Count.Count)), labels),
                Table("bookings-by-language", "Bookings by language and month",
                    bookings.Select(b => new LabelCount(b.Count.Language, b.Month, b.Count.Count)), labels),
                Table("booking-outcomes-by-topic", "Booking outcomes by topic",
                    bookings.Select(b => new LabelCount(b.Count.Topic, b.Count.Status, b.Count.Count)), Outcomes),
            ],
            [new TableLink(0, TableAxis.Columns, 1, TableAxis.Columns), new TableLink(0, TableAxis.Rows, 2, TableAxis.Rows)]);

        var period = LocalDates.ToInterval(from, to, settings.Zone);
        var others = new[]
        {
            Table("cases-opened-by-topic", "Cases opened by topic and month (a case counts once for each of its topics)",
                await statistics.CountCasesOpenedAsync(from, to, cancellationToken), labels),
            Table("cases-closed-by-topic", "Cases closed by topic and month (a case counts once for each of its topics)",
                await statistics.CountCasesClosedAsync(from, to, cancellationToken), labels),
            Table("referrals-by-partner", "Referrals made in the period by partner and current state",
                await statistics.CountReferralsAsync(period, cancellationToken), ReferralStates),
        }.Select(SuppressedTable.Publish);

        await audit.RecordAsync(new AuditEvent("statistics.read", "statistics", null), cancellationToken);
        return new StatisticsDto(request.From!, request.To!, bookingTables.Concat(others).Select(StatisticsTableDto.From).ToList());
    }

    public static string Month(LocalDate date) => $"{date.Year:D4}-{date.Month:D2}";

    /// <summary>Rows are the labels that occur, in ordinal order; columns are fixed, so that empty ones show as 0.</summary>
    private static CountTable Table(string name, string title, IEnumerable<LabelCount> counts, IReadOnlyList<string> columns)
    {
        var list = counts.ToList();
        var rows = list.Select(c => c.Row).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var matrix = new long[rows.Count, columns.Count];
        foreach (var count in list)
        {
            var column = columns.ToList().IndexOf(count.Column);
            if (column < 0)
            {
                throw new InvalidOperationException($"Unexpected column '{count.Column}' in {name}.");
            }

            matrix[rows.IndexOf(count.Row), column] += count.Count;
        }

        return new CountTable(name, title, rows, columns, matrix);
    }
}
