using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Users;
using Ditib.Beratung.Domain.Users;
using MediatR;

namespace Ditib.Beratung.Application.Auth;

/// <summary>The current account as it is stored now, e.g. to renew the staff cookie after its security stamp changed.</summary>
public sealed record GetSignedInAccount : IRequest<SignedInAccount>;

public sealed class GetSignedInAccountHandler(IUserRepository users, ICurrentUser currentUser, SignInSettings settings)
    : IRequestHandler<GetSignedInAccount, SignedInAccount>
{
    public async Task<SignedInAccount> Handle(GetSignedInAccount request, CancellationToken cancellationToken)
    {
        var user = (currentUser.Id is { } id ? await users.GetAsync(id, cancellationToken) : null)
            ?? throw new ForbiddenException("Only a signed-in account has an account to show.");
        return SignedInAccount.From(user, PendingSteps.For(user, settings.TwoFactorRequired), null);
    }
}
