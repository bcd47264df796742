using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Cases;

namespace Ditib.Beratung.Application.Cases;

/// <summary>Who the client is. Stored apart from the case and only ever sealed under the case's data key.</summary>
public sealed record ClientIdentity(string Name, string? Phone, string? Email, string? DateOfBirth, string? Address)
{
    public static string Context(Guid caseId) => $"case:{caseId}:client";

    public Task<byte[]> SealAsync(IEnvelopeCipher cipher, Case @case, CancellationToken cancellationToken) =>
        cipher.EncryptAsync(@case.DataKeyId, SealedJson.Serialize(this), Context(@case.Id), cancellationToken);

    public static async Task<ClientIdentity> OpenAsync(IEnvelopeCipher cipher, ICaseRepository cases, Case @case, CancellationToken cancellationToken)
    {
        var sealedIdentity = await cases.GetSealedIdentityAsync(@case.Id, cancellationToken);
        var plain = await cipher.DecryptAsync(@case.DataKeyId, sealedIdentity, Context(@case.Id), cancellationToken);
        return SealedJson.Deserialize<ClientIdentity>(plain);
    }
}
