using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Domain.Scheduling;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The hours and absence pages' texts: every key in German and English with the same placeholders, and every key the pages use exists.</summary>
public sealed partial class HoursTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.HoursTexts", typeof(Ditib.Beratung.Web.HoursTexts).Assembly);

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders()
    {
        var german = Texts(CultureInfo.InvariantCulture);
        var english = Texts(CultureInfo.GetCultureInfo("en"));

        Assert.Equal(german.Keys.Order(), english.Keys.Order());
        Assert.All(english, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"'{entry.Key}' is empty");
            Assert.Equal(Placeholders(german[entry.Key]), Placeholders(entry.Value));
        });
    }

    [Fact]
    public void EveryKeyThePagesUse_Exists_IncludingTheComposedOnes()
    {
        var keys = Texts(CultureInfo.InvariantCulture).Keys.ToHashSet();
        var pages = Path.Combine(RepositoryRoot(), "src", "Ditib.Beratung.Web", "Pages", "Staff");
        var used = Directory.EnumerateFiles(pages, "*.cs*", SearchOption.AllDirectories)
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(SlotModes.Codes.Select(m => $"Hours_Mode_{m}"))
            .Concat(MessageChannels.All.Select(c => $"Absence_Channel_{c}"))
            .Concat(new[] { "weekly", "exception" }.Select(s => $"Hours_Error_In_{s}"))
            .Concat(new[] { "weekday", "from", "to", "minutes", "mode", "location", "capacity", "date" }.Select(k => $"Hours_Error_{k}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 60, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ditib.Beratung.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex("\"(?<key>(Hours|Absence)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
