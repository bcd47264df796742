using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>
/// The desk pages' texts: every key in German and English with the same placeholders, and every key the pages and the
/// layout's navigation use exists. Every key starts with <c>Desk_</c>, so the resident pages' texts test never takes one for its own.
/// </summary>
public sealed partial class DeskTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.DeskTexts", typeof(Ditib.Beratung.Web.DeskTexts).Assembly);

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryKeyThePagesUse_Exists_IncludingTheBookingStates()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        var used = ResourceTexts.KeysUsedIn(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff", "Desk")), UsedKey())
            .Concat(Enum.GetValues<BookingStatus>().Select(s => $"Desk_Status_{s.ToCode()}"))
            .Concat(ResourceTexts.KeysUsedIn([ResourceTexts.WebFolder("Pages", "Staff", "_StaffLayout.cshtml")], UsedKey()))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 50, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>Desk_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
