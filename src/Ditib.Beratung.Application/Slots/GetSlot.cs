using Ditib.Beratung.Application.Common;
using MediatR;

namespace Ditib.Beratung.Application.Slots;

public sealed record GetSlot(Guid Id) : IRequest<SlotDto>;

public sealed class GetSlotHandler(ISlotQueries slots, CentreSettings settings) : IRequestHandler<GetSlot, SlotDto>
{
    public async Task<SlotDto> Handle(GetSlot request, CancellationToken cancellationToken) =>
        (await slots.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("Slot not found.")).ToDto(settings.Zone);
}
