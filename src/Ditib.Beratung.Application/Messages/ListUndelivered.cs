using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using MediatR;

namespace Ditib.Beratung.Application.Messages;

/// <summary>
/// Nicht zugestellt: the messages given up on, each with its booking and, when the booking has one, the resident's
/// phone number so that someone can call. The number is unsealed for this and every unsealing is audited (one entry
/// per booking shown with a number). <see cref="UndeliveredDto.CanRetry"/> says whether sending again makes sense.
/// </summary>
public sealed record ListUndelivered(int Limit = ListUndelivered.DefaultLimit) : IRequest<IReadOnlyList<UndeliveredDto>>
{
    public const int DefaultLimit = 200;
}

public sealed record UndeliveredDto(
    Guid Id, string BookingReference, string Kind, string Channel, int Attempts, string? FailedAt, string? LastError, string? Phone,
    bool Erased, bool Superseded)
{
    public bool CanRetry => !Erased && !Superseded;
}

public sealed class ListUndeliveredHandler(IUndeliveredMessages undelivered, IBookingRepository bookings, IEnvelopeCipher cipher, IAuditTrail audit,
    CentreSettings settings)
    : IRequestHandler<ListUndelivered, IReadOnlyList<UndeliveredDto>>
{
    public async Task<IReadOnlyList<UndeliveredDto>> Handle(ListUndelivered request, CancellationToken cancellationToken)
    {
        var rows = await undelivered.ListAsync(Math.Clamp(request.Limit, 1, ListUndelivered.DefaultLimit), cancellationToken);
        var phones = new Dictionary<Guid, string?>();
        var list = new List<UndeliveredDto>(rows.Count);
        foreach (var row in rows)
        {
            var record = await bookings.GetByIdAsync(row.BookingId, cancellationToken);
            var erased = record is null || record.SealedPersonalData.Length == 0;
            if (!erased && !phones.ContainsKey(row.BookingId))
            {
                var phone = (await PersonalData.OpenAsync(cipher, record!, cancellationToken)).Phone;
                phones[row.BookingId] = phone;
                if (phone is not null)
                {
                    await audit.RecordAsync(new AuditEvent("booking.phone-read", "booking", row.BookingId.ToString(), "success: undelivered message"),
                        cancellationToken);
                }
            }

            list.Add(new UndeliveredDto(row.Id, row.BookingReference, row.Kind, row.Channel, row.Attempts,
                row.FailedAt is { } failed ? Formats.Local(failed, settings.Zone) : null, row.LastError,
                erased ? null : phones[row.BookingId], erased,
                !erased && MessageRelevance.IsSuperseded(row.Kind, row.SlotId, row.Sequence, record!.Booking)));
        }

        return list;
    }
}
