using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Domain.Scheduling;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The hours and absence pages' texts: every key in German and English with the same placeholders, and every key the pages use exists.</summary>
public sealed partial class HoursTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.HoursTexts", typeof(Ditib.Beratung.Web.HoursTexts).Assembly);

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryKeyThePagesUse_Exists_IncludingTheComposedOnes()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        var used = ResourceTexts.KeysUsedIn(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff")), UsedKey())
            .Concat(SlotModes.Codes.Select(m => $"Hours_Mode_{m}"))
            .Concat(MessageChannels.All.Select(c => $"Absence_Channel_{c}"))
            .Concat(new[] { "weekly", "exception" }.Select(s => $"Hours_Error_In_{s}"))
            .Concat(new[] { "weekday", "from", "to", "minutes", "mode", "location", "capacity", "date" }.Select(k => $"Hours_Error_{k}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 60, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>(Hours|Absence)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
