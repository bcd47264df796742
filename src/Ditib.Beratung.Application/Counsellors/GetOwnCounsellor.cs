using Ditib.Beratung.Application.Common;
using MediatR;

namespace Ditib.Beratung.Application.Counsellors;

/// <summary>The counsellor profile linked to the signed-in account (404 when the account has none).</summary>
public sealed record GetOwnCounsellor : IRequest<CounsellorDto>;

public sealed class GetOwnCounsellorHandler(ICurrentUser currentUser, ICounsellorRepository counsellors)
    : IRequestHandler<GetOwnCounsellor, CounsellorDto>
{
    public async Task<CounsellorDto> Handle(GetOwnCounsellor request, CancellationToken cancellationToken)
    {
        var own = currentUser.Id is { } id ? await counsellors.FindByUserAsync(id, cancellationToken) : null;
        return own is null ? throw new NotFoundException("This account is not linked to a counsellor profile.") : CounsellorDto.From(own);
    }
}
