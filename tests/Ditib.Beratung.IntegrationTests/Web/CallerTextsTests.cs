using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Scheduling;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The caller and Nicht-zugestellt pages' texts: every key in German and English with the same placeholders, every key used exists.</summary>
public sealed partial class CallerTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.CallerTexts", typeof(Ditib.Beratung.Web.CallerTexts).Assembly);

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryKeyThePagesUse_Exists_IncludingTheComposedOnes()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        var used = ResourceTexts.KeysUsedIn(ResourceTexts.SourceFiles(ResourceTexts.WebFolder("Pages", "Staff")), UsedKey())
            .Concat(Enum.GetValues<BookingStatus>().Select(s => $"Caller_Status_{s.ToCode()}"))
            .Concat(MessageChannels.All.Select(c => $"Caller_Channel_{c}"))
            .Concat(SlotModes.Codes.Select(m => $"Caller_Mode_{m}"))
            .Concat(new[] { MessageKinds.Confirmation, MessageKinds.Reschedule, MessageKinds.Cancellation, MessageKinds.Reminder }
                .Select(k => $"Undelivered_Kind_{k}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 50, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    [GeneratedRegex("\"(?<key>(Caller|Undelivered)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
