using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Cases;
using Ditib.Beratung.Domain.Referrals;

namespace Ditib.Beratung.Application.Referrals;

/// <summary>What a referral says, sealed under the case's data key: erasing the case erases it too.</summary>
public sealed record ReferralDetails(string Purpose, string? Summary, string? LanguageNeeds, Consent? Consent, LegalBasis? LegalBasis, string RecordedBy)
{
    public static string Context(Guid caseId, Guid referralId, string part) => $"case:{caseId}:referral:{referralId}:{part}";

    public Task<byte[]> SealAsync(IEnvelopeCipher cipher, Case @case, Guid referralId, CancellationToken cancellationToken) =>
        cipher.EncryptAsync(@case.DataKeyId, SealedJson.Serialize(this), Context(@case.Id, referralId, "details"), cancellationToken);

    public static async Task<ReferralDetails> OpenAsync(IEnvelopeCipher cipher, Case @case, StoredReferral stored, CancellationToken cancellationToken)
    {
        var plain = await cipher.DecryptAsync(@case.DataKeyId, stored.SealedDetails, Context(@case.Id, stored.Referral.Id, "details"), cancellationToken);
        return SealedJson.Deserialize<ReferralDetails>(plain);
    }
}
