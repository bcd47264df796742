using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;

namespace Ditib.Beratung.Application.Messages;

/// <summary>Staff see which messages are waiting or could not be delivered: metadata only, never addresses or texts.</summary>
public sealed record ListOutbox(string? State, int? Limit) : IRequest<IReadOnlyList<OutboxEntryDto>>;

public sealed record OutboxEntryDto(
    Guid Id,
    string Kind,
    string Channel,
    string BookingReference,
    string State,
    int Attempts,
    string NotBefore,
    string? NextAttemptAt,
    string? LastAttemptAt,
    string? LastError,
    string? MessageId,
    string? FinishedAt,
    string CreatedAt);

public sealed class ListOutboxValidator : AbstractValidator<ListOutbox>
{
    public ListOutboxValidator()
    {
        RuleFor(o => o.State).Must(s => MessageStates.All.Contains(s!)).When(o => o.State is not null)
            .WithMessage($"'state' must be one of: {string.Join(", ", MessageStates.All)}.");
        RuleFor(o => o.Limit).InclusiveBetween(1, 1000).When(o => o.Limit is not null);
    }
}

public sealed class ListOutboxHandler(IOutboxQueries outbox, CentreSettings settings) : IRequestHandler<ListOutbox, IReadOnlyList<OutboxEntryDto>>
{
    public async Task<IReadOnlyList<OutboxEntryDto>> Handle(ListOutbox request, CancellationToken cancellationToken)
    {
        var rows = await outbox.ListAsync(request.State, request.Limit ?? 200, cancellationToken);
        return rows.Select(r => new OutboxEntryDto(r.Id, r.Kind, r.Channel, r.BookingReference, r.State, r.Attempts,
                Formats.Local(r.NotBefore, settings.Zone), r.State == MessageStates.Pending ? Formats.Local(r.NextAttemptAt, settings.Zone) : null,
                r.LastAttemptAt is { } last ? Formats.Local(last, settings.Zone) : null, r.LastError, r.MessageId,
                r.FinishedAt is { } finished ? Formats.Local(finished, settings.Zone) : null, Formats.Local(r.CreatedAt, settings.Zone)))
            .ToList();
    }
}
