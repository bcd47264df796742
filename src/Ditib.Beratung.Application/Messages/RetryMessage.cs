using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Messages;

/// <summary>
/// The desk sends a message that could not be delivered again (e.g. after the mail server was fixed or the resident
/// was called): it goes back in the queue, due now. Refused for a message that was delivered or is still waiting
/// (409), that no longer tells the truth (409, superseded), or whose booking's personal data was erased (410). Audited.
/// </summary>
public sealed record RetryMessage(Guid Id) : ICommand<RetriedMessageDto>;

public sealed record RetriedMessageDto(Guid Id, string BookingReference, string State);

public sealed class RetryMessageValidator : AbstractValidator<RetryMessage>
{
    public RetryMessageValidator() => RuleFor(r => r.Id).NotEmpty();
}

public sealed class RetryMessageHandler(IUndeliveredMessages undelivered, IBookingRepository bookings, IAuditTrail audit, IClock clock)
    : IRequestHandler<RetryMessage, RetriedMessageDto>
{
    public async Task<RetriedMessageDto> Handle(RetryMessage request, CancellationToken cancellationToken)
    {
        var message = await undelivered.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("Message not found.");
        if (message.State != MessageStates.Failed)
        {
            throw new ConflictException($"The message is '{message.State}'; only a message that could not be delivered can be sent again.");
        }

        var record = await bookings.GetByIdAsync(message.BookingId, cancellationToken);
        if (record is null || record.SealedPersonalData.Length == 0)
        {
            throw new ErasedException("The personal data of this message's booking has been erased; there is no one to send it to.");
        }

        if (MessageRelevance.IsSuperseded(message.Kind, message.SlotId, message.Sequence, record.Booking))
        {
            throw new ConflictException("The booking has changed since this message was queued; a newer message tells the resident.");
        }

        await undelivered.RequeueAsync(message.Id, clock.GetCurrentInstant(), cancellationToken);
        await audit.RecordAsync(new AuditEvent("message.retry", "booking", message.BookingId.ToString(), $"success: message {message.Id}"),
            cancellationToken);
        return new RetriedMessageDto(message.Id, message.BookingReference, MessageStates.Pending);
    }
}
