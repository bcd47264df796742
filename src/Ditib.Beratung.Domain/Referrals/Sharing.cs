using Ditib.Beratung.Domain.Common;

namespace Ditib.Beratung.Domain.Referrals;

/// <summary>The kinds of data a client may agree to share with a partner.</summary>
public static class SharedCategories
{
    public const string Contact = "contact";
    public const string Topics = "topics";
    public const string Summary = "summary";
    public const string LanguageNeeds = "languageNeeds";

    public static readonly IReadOnlyList<string> All = [Contact, Topics, Summary, LanguageNeeds];
}

/// <summary>How the client consented: in writing, or verbally before a witness.</summary>
/// <remarks><see cref="GivenAt"/> is unknown (null) only for consents recorded before it was stored correctly.</remarks>
public sealed record Consent(string Method, NodaTime.Instant? GivenAt, string? Witness);

/// <summary>Sharing without consent, on a stated legal ground (e.g. acute danger to life), with a mandatory reason.</summary>
public sealed record LegalBasis(string Basis, string Reason);

public static class SharingRules
{
    public static readonly IReadOnlyList<string> ConsentMethods = ["written", "verbal"];

    public static readonly IReadOnlyList<string> LegalBases = ["acute-danger", "child-welfare", "court-order"];

    /// <summary>Every referral needs the client's consent or a legal basis with a reason, never both, never neither.</summary>
    public static void EnsureGrounds(Consent? consent, LegalBasis? legalBasis)
    {
        if ((consent is null) == (legalBasis is null))
        {
            throw new DomainRuleException("A referral needs either the client's consent or a legal basis with a reason.", "consent");
        }

        if (consent is { Method: "verbal" } && string.IsNullOrWhiteSpace(consent.Witness))
        {
            throw new DomainRuleException("Verbal consent needs a witness.", "consent.witness");
        }

        if (legalBasis is not null && string.IsNullOrWhiteSpace(legalBasis.Reason))
        {
            throw new DomainRuleException("A legal basis needs a stated reason.", "legalBasis.reason");
        }
    }
}
