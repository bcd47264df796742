using System.Text.Json.Serialization;
using Ditib.Beratung.Application.Audit;
using Ditib.Beratung.Application.Common;
using FluentValidation;
using MediatR;
using NodaTime;

namespace Ditib.Beratung.Application.Cases;

/// <summary>
/// A counsellor of the case replaces the client's identity: corrects her details or records related persons, whose
/// names and birth dates the note scrubber then removes too. The whole identity is sent, as on opening the case; it
/// is sealed again under the case's data key. Audited; the answer is the identity as stored.
/// </summary>
public sealed record UpdateClient(
    string? Name, string? Phone, string? Email, string? DateOfBirth, string? Address, IReadOnlyList<RelatedPersonInput>? RelatedPersons = null)
    : ClientInput(Name, Phone, Email, DateOfBirth, Address, RelatedPersons), ICommand<ClientIdentity>
{
    [JsonIgnore]
    public Guid CaseId { get; init; }
}

public sealed class UpdateClientValidator : AbstractValidator<UpdateClient>
{
    public UpdateClientValidator(CentreSettings settings, IClock clock) => Include(new ClientInputValidator(settings, clock));
}

public sealed class UpdateClientHandler(CaseAccess access, ICaseRepository cases, IEnvelopeCipher cipher, IAuditTrail audit)
    : IRequestHandler<UpdateClient, ClientIdentity>
{
    public async Task<ClientIdentity> Handle(UpdateClient request, CancellationToken cancellationToken)
    {
        var (@case, _) = await access.OpenReadableAsync(request.CaseId, cancellationToken);
        @case.EnsureOpenForClientChanges();
        var identity = ClientIdentity.From(request);
        await cases.UpdateSealedIdentityAsync(@case.Id, await identity.SealAsync(cipher, @case, cancellationToken), cancellationToken);
        await audit.RecordAsync(new AuditEvent("client.update", "case", @case.Id.ToString(),
            $"success: {identity.RelatedPersons.Count} related person(s)"), cancellationToken);
        return identity;
    }
}
