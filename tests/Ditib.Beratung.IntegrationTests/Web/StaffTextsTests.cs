using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The staff workspace's texts: every key in German and English with the same placeholders, and every key a page uses exists.</summary>
public sealed partial class StaffTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.StaffTexts", typeof(Ditib.Beratung.Web.StaffTexts).Assembly);

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryStaffKeyThePagesUse_Exists()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        var used = ResourceTexts.KeysUsedIn(ResourceTexts.SourceFiles(ResourceTexts.WebFolder()), UsedKey()).Distinct().ToList();

        Assert.True(used.Count > 20, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>Staff(Layout|Home|SignIn|SignOut|Status|Confirm|Enrol|Account|Password|Code)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
