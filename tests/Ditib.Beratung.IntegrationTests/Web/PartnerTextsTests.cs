using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Partners;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The partner and follow-up pages' texts: every key in German and English with the same placeholders, and every key the pages use exists.</summary>
public sealed partial class PartnerTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.PartnerTexts", typeof(Ditib.Beratung.Web.PartnerTexts).Assembly);

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryKeyThePagesUse_Exists_IncludingTheComposedOnes()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        var used = ResourceTexts.KeysUsedIn(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff")), UsedKey())
            .Concat(PartnerKinds.All.Select(k => $"Partners_Kind_{k}"))
            .Concat(new[] { "draft", "sent", "accepted" }.Select(s => $"FollowUp_Status_{s}"))
            .Concat(new[] { "accepted", "declined", "completed" }.Select(s => $"FollowUp_Done_{s}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 50, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>(Partners|FollowUp)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
