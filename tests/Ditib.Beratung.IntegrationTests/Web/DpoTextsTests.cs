using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Privacy;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The DPO pages' and the access export's texts: every key in German and English, and every key the pages use exists.</summary>
public sealed partial class DpoTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.DpoTexts", typeof(Ditib.Beratung.Web.DpoTexts).Assembly);

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryKeyThePagesUse_Exists_IncludingTheComposedOnes()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        // The DPO's start page (Dpo/Index) speaks with the role texts.
        var files = ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff", "Dpo"))
            .Where(f => !Path.GetFileName(f).StartsWith("Index.cshtml", StringComparison.Ordinal))
            .Concat(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Documents")));
        var used = ResourceTexts.KeysUsedIn(files, UsedKey())
            .Concat(ResourceTexts.KeysUsedIn([ResourceTexts.WebFolder("Pages", "Staff", "_StaffLayout.cshtml")], UsedInLayout()))
            .Concat(new[] { ErasureRefusals.AlreadyErased, ErasureRefusals.LegalHold, ErasureRefusals.OpenReferral }.Select(r => $"Requests_Refusal_{r}"))
            .Concat(new[] { "erased", "hold", "lifted" }.Select(d => $"Requests_Done_{d}"))
            .Concat(new[] { "open", "closed" }.Select(s => $"Requests_Status_{s}"))
            .Concat(new[] { "bookings-by-topic", "bookings-by-language", "booking-outcomes-by-topic", "cases-opened-by-topic", "cases-closed-by-topic",
                "referrals-by-partner" }.Select(t => $"Statistics_Table_{t}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 100, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>(Nav|Dpo|Audit|Requests|Retention|Statistics|Export)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();

    /// <summary>The layout uses several resources; the DPO's are asked through <c>Dpo[…]</c>.</summary>
    [GeneratedRegex("""Dpo\["(?<key>[^"]+)"\]""")]
    private static partial Regex UsedInLayout();
}
