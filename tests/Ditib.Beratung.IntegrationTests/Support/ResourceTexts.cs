using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>What the texts tests of every page family share: reading a .resx set, its placeholders, the keys the sources use.</summary>
public static partial class ResourceTexts
{
    /// <summary>The texts of one language only (no fallback to the neutral German).</summary>
    public static Dictionary<string, string> Of(ResourceManager resources, CultureInfo culture) =>
        Of(resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!);

    public static Dictionary<string, string> Of(ResourceSet set) =>
        set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    /// <summary>English holds every German key, none empty, each with the same placeholders.</summary>
    public static void AssertEnglishMatchesGerman(ResourceManager resources)
    {
        var german = Of(resources, CultureInfo.InvariantCulture);
        var english = Of(resources, CultureInfo.GetCultureInfo("en"));

        Assert.Equal(german.Keys.Order(), english.Keys.Order());
        Assert.All(english, entry =>
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Value), $"'{entry.Key}' is empty");
            Assert.Equal(Placeholders(german[entry.Key]), Placeholders(entry.Value));
        });
    }

    public static string[] Placeholders(string text) => PlaceholderPattern().Matches(text).Select(m => m.Value).Order().ToArray();

    /// <summary>The Web project's folder in this checkout, optionally a folder below it.</summary>
    public static string WebFolder(params string[] below) =>
        Path.Combine([RepositoryRoot(), "src", "Ditib.Beratung.Web", .. below]);

    /// <summary>Source files (.cs, .cshtml) below a folder, build output left out.</summary>
    public static IEnumerable<string> SourceFiles(string folder, string pattern = "*.cs*", SearchOption option = SearchOption.AllDirectories) =>
        Directory.EnumerateFiles(folder, pattern, option)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The keys a pattern with a group named <c>key</c> finds in the files.</summary>
    public static IEnumerable<string> KeysUsedIn(IEnumerable<string> files, Regex usedKey) =>
        files.SelectMany(f => usedKey.Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value));

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Ditib.Beratung.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();
}
