using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The staff workspace's texts: every key in German and English with the same placeholders, and every key a page uses exists.</summary>
public sealed partial class StaffTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.StaffTexts", typeof(Ditib.Beratung.Web.StaffTexts).Assembly);

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
    public void EveryStaffKeyThePagesUse_Exists()
    {
        var keys = Texts(CultureInfo.InvariantCulture).Keys.ToHashSet();
        var web = Path.Combine(RepositoryRoot(), "src", "Ditib.Beratung.Web");
        var used = Directory.EnumerateFiles(web, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 20, $"only {used.Count} keys found");
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

    [GeneratedRegex("\"(?<key>Staff(Layout|Home|SignIn|SignOut|Status|Confirm|Enrol|Account|Password|Code)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
