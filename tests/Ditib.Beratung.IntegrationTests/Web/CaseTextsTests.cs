using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Referrals;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The counsellor's pages' texts: German and English hold the same keys and placeholders, and every key used exists.</summary>
public sealed partial class CaseTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.CaseTexts", typeof(Ditib.Beratung.Web.CaseTexts).Assembly);

    [Fact]
    public void EnglishHoldsEveryGermanKey_WithTheSamePlaceholders()
    {
        Assert.True(ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Count > 150, "fewer than 150 keys");
        ResourceTexts.AssertEnglishMatchesGerman(Resources);
    }

    [Fact]
    public void EveryKeyTheCounsellorPagesUse_Exists()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        var files = ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff", "Cases"), option: SearchOption.TopDirectoryOnly)
            .Concat(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff"), "Index.cshtml*", SearchOption.TopDirectoryOnly))
            .Concat(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Support"), "Case*.cs", SearchOption.TopDirectoryOnly))
            .Concat(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Shared"), "_Case*.cshtml", SearchOption.TopDirectoryOnly));
        var used = ResourceTexts.KeysUsedIn(files, UsedKey())
            .Concat(Enum.GetValues<BookingStatus>().Select(s => $"Status_{s.ToCode()}"))
            .Concat(Enum.GetValues<ReferralStatus>().Select(s => $"Referral_Status_{s.ToCode()}"))
            .Concat(SharedCategories.All.SelectMany(c => new[] { $"Category_{c}", $"Category_{c}_Says" }))
            .Concat(SharingRules.LegalBases.Select(b => $"Basis_{b}"))
            .Concat(new[] { "email", "phone", "iban", "date", "name" }.Select(k => $"Redaction_{k}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 150, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>(CaseErrors?|Day|Cases?|Client|Note|Referrals?|NewReferral|Grounds)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
