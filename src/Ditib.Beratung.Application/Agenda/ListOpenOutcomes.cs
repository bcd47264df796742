using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Agenda;

/// <summary>
/// The worklist "Offen": appointments that have begun and still have no outcome (neither attended nor no-show), oldest
/// first; the desk sees everyone's, a counsellor her own. Nothing is ever marked no-show automatically: each outcome is
/// recorded by a person with <see cref="RecordAttendance"/>.
/// </summary>
public sealed record ListOpenOutcomes(int? Limit = null) : IRequest<OpenOutcomesDto>;

/// <summary>The oldest open appointments; <paramref name="More"/> when there are more than the limit.</summary>
public sealed record OpenOutcomesDto(IReadOnlyList<OpenOutcomeDto> Items, bool More);

/// <summary>An appointment without an outcome: local start and end with offset, and the resident's name (null once erased).</summary>
public sealed record OpenOutcomeDto(string Reference, string? Name, string Start, string End, string Counsellor, string Mode, string? Location);

public sealed class ListOpenOutcomesValidator : AbstractValidator<ListOpenOutcomes>
{
    public const int MaxLimit = 500;

    public ListOpenOutcomesValidator() => RuleFor(o => o.Limit).InclusiveBetween(1, MaxLimit).When(o => o.Limit is not null);
}

public sealed class ListOpenOutcomesHandler(
    ScheduleAccess access, IOpenOutcomeQueries queries, IEnvelopeCipher cipher, CentreSettings settings, IClock clock)
    : IRequestHandler<ListOpenOutcomes, OpenOutcomesDto>
{
    public const int DefaultLimit = 200;

    public async Task<OpenOutcomesDto> Handle(ListOpenOutcomes request, CancellationToken cancellationToken)
    {
        var counsellorId = await access.AgendaScopeAsync(null, cancellationToken);
        var limit = request.Limit ?? DefaultLimit;
        var rows = await queries.ListAsync(clock.GetCurrentInstant(), counsellorId, limit + 1, cancellationToken);
        var items = new List<OpenOutcomeDto>(Math.Min(rows.Count, limit));
        foreach (var row in rows.Take(limit))
        {
            var name = row is { DataKeyId: { } key, SealedPersonalData.Length: > 0 }
                ? (await PersonalData.OpenAsync(cipher, row.BookingId, key, row.SealedPersonalData, cancellationToken)).Name
                : null;
            items.Add(new OpenOutcomeDto(row.Reference, name, Formats.Local(row.Start, settings.Zone), Formats.Local(row.End, settings.Zone),
                row.Counsellor, row.Mode, row.Location));
        }

        return new OpenOutcomesDto(items, rows.Count > limit);
    }
}
