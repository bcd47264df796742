using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Referrals;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The counsellor's pages' texts: German and English hold the same keys and placeholders, and every key used exists.</summary>
public sealed partial class CaseTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.CaseTexts", typeof(Ditib.Beratung.Web.CaseTexts).Assembly);

    private static Dictionary<string, string> Texts(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!.Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void EnglishHoldsEveryGermanKey_WithTheSamePlaceholders()
    {
        var german = Texts(CultureInfo.InvariantCulture);
        var english = Texts(CultureInfo.GetCultureInfo("en"));

        Assert.True(german.Count > 150, $"only {german.Count} keys");
        Assert.Equal(german.Keys.Order(), english.Keys.Order());
        Assert.All(english, entry => Assert.Equal(Placeholders(german[entry.Key]), Placeholders(entry.Value)));
    }

    [Fact]
    public void EveryKeyTheCounsellorPagesUse_Exists()
    {
        var keys = Texts(CultureInfo.InvariantCulture).Keys.ToHashSet();
        var web = Path.Combine(RepositoryRoot(), "src", "Ditib.Beratung.Web");
        var files = Directory.EnumerateFiles(Path.Combine(web, "Pages", "Staff", "Cases"), "*.cs*")
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Pages", "Staff"), "Index.cshtml*"))
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Support"), "Case*.cs"))
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Pages", "Shared"), "_Case*.cshtml"));
        var used = files.SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(Enum.GetValues<BookingStatus>().Select(s => $"Status_{s.ToCode()}"))
            .Concat(Enum.GetValues<ReferralStatus>().Select(s => $"Referral_Status_{s.ToCode()}"))
            .Concat(SharedCategories.All.SelectMany(c => new[] { $"Category_{c}", $"Category_{c}_Says" }))
            .Concat(SharingRules.LegalBases.Select(b => $"Basis_{b}"))
            .Concat(new[] { "email", "phone", "iban", "date", "name" }.Select(k => $"Redaction_{k}"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 150, $"only {used.Count} keys found");
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

    [GeneratedRegex("\"(?<key>(CaseErrors?|Day|Cases?|Client|Note|Referrals?|NewReferral|Grounds)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
