using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using MediatR;

namespace Ditib.Beratung.Application.Cases;

/// <summary>Reveals the client's identity to a counsellor of the case, on explicit request; every reveal is audited.</summary>
public sealed record RevealClient(Guid CaseId) : IRequest<ClientIdentity>;

public sealed class RevealClientHandler(CaseAccess access, ICaseRepository cases, IEnvelopeCipher cipher, IAuditTrail audit)
    : IRequestHandler<RevealClient, ClientIdentity>
{
    public async Task<ClientIdentity> Handle(RevealClient request, CancellationToken cancellationToken)
    {
        var (@case, _) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        var identity = await ClientIdentity.OpenAsync(cipher, cases, @case, cancellationToken);
        await audit.RecordAsync(new AuditEvent("client.reveal", "case", @case.Id.ToString()), cancellationToken);
        return identity;
    }
}
