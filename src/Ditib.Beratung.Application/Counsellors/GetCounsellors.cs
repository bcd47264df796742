using Ditib.Beratung.Application.Common;
using MediatR;

namespace Ditib.Beratung.Application.Counsellors;

public sealed record ListCounsellors : IRequest<IReadOnlyList<CounsellorDto>>;

public sealed record GetCounsellor(Guid Id) : IRequest<CounsellorDto>;

public sealed class ListCounsellorsHandler(ICounsellorRepository counsellors) : IRequestHandler<ListCounsellors, IReadOnlyList<CounsellorDto>>
{
    public async Task<IReadOnlyList<CounsellorDto>> Handle(ListCounsellors request, CancellationToken cancellationToken) =>
        (await counsellors.ListAsync(cancellationToken)).Select(CounsellorDto.From).ToList();
}

public sealed class GetCounsellorHandler(ICounsellorRepository counsellors) : IRequestHandler<GetCounsellor, CounsellorDto>
{
    public async Task<CounsellorDto> Handle(GetCounsellor request, CancellationToken cancellationToken) =>
        CounsellorDto.From(await counsellors.GetAsync(request.Id, cancellationToken) ?? throw new NotFoundException("Counsellor not found."));
}
