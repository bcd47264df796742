using System.Globalization;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Scheduling;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The resource files agree: every key in every language, with the same placeholders, and every key a page uses exists.</summary>
public sealed partial class PageTextsTests
{
    private static Dictionary<string, string> Texts(string culture) =>
        ResourceTexts.Of(PageTexts.Set(culture == "de" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("tr")]
    [InlineData("ar")]
    [InlineData("en")]
    public void EveryKey_ExistsInEveryLanguage_WithTheSamePlaceholders(string culture)
    {
        var german = Texts("de");
        var other = Texts(culture);

        Assert.Equal(german.Keys.Order(), other.Keys.Order());
        Assert.All(other, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"{culture}: '{entry.Key}' is empty");
            // Plural forms may write the number as a word ("يومين", two days) instead of its placeholder.
            var expected = ResourceTexts.Placeholders(german[entry.Key]);
            Assert.True(expected.SequenceEqual(ResourceTexts.Placeholders(entry.Value)) || (entry.Key.StartsWith("Days_", StringComparison.Ordinal) && ResourceTexts.Placeholders(entry.Value).Length == 0),
                $"{culture}: '{entry.Key}' has other placeholders than the German");
        });
    }

    [Fact]
    public void EveryKeyThePagesUse_Exists()
    {
        var keys = Texts("de").Keys.ToHashSet();
        var used = ResourceTexts.KeysUsedIn(ResourceTexts.SourceFiles(ResourceTexts.WebFolder()), UsedKey())
            .Concat(SlotModes.Codes.Select(m => $"Mode_{m}"))
            .Concat(Enum.GetValues<BookingStatus>().Select(s => $"Status_{s.ToCode()}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 100, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    /// <summary>T["Key"], texts.Add(..., "Error_X"), Notice keys and the like: any quoted word that looks like a text key.</summary>
    [GeneratedRegex("\"(?<key>(Site|Layout|Errors?|Notice|Start|List|Slot|Taken|Book|Details|Confirm|Personal|Manage|Privacy)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
