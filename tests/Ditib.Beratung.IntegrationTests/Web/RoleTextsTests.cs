using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Ditib.Beratung.Domain.Users;
using Ditib.Beratung.IntegrationTests.Support;

namespace Ditib.Beratung.IntegrationTests.Web;

/// <summary>The role switcher's, navigation's and start pages' texts: German and English alike, and every key used exists.</summary>
public sealed partial class RoleTextsTests
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.RoleTexts", typeof(Ditib.Beratung.Web.RoleTexts).Assembly);

    /// <summary>The files that use these texts (other pages have resource files of their own).</summary>
    private static readonly string[] Files =
    [
        "_StaffLayout.cshtml", "Role.cshtml", "_StartPage.cshtml", "Admin/Index.cshtml", "Admin/Index.cshtml.cs", "Dpo/Index.cshtml", "Dpo/Index.cshtml.cs",
    ];

    [Fact]
    public void EveryKey_ExistsInEnglish_WithTheSamePlaceholders() => ResourceTexts.AssertEnglishMatchesGerman(Resources);

    [Fact]
    public void EveryKeyThePagesUse_Exists_IncludingEachRoleAndEachStartLinksSentence()
    {
        var keys = ResourceTexts.Of(Resources, CultureInfo.InvariantCulture).Keys.ToHashSet();
        var startLinks = Ditib.Beratung.Web.Pages.Staff.Admin.IndexModel.Start.Links.Concat(Ditib.Beratung.Web.Pages.Staff.Dpo.IndexModel.Start.Links);
        var used = ResourceTexts.KeysUsedIn(Files.Select(f => ResourceTexts.WebFolder(["Pages", "Staff", .. f.Split('/')])), UsedKey())
            .Concat(Roles.All.Select(role => $"Role_{role}"))
            .Concat(startLinks.Select(link => link.Key + "Text"))
            .Distinct()
            .ToList();

        Assert.True(used.Count > 30, $"only {used.Count} keys found");
        Assert.DoesNotContain(used, k => !keys.Contains(k));
        Assert.Empty(keys.Except(used));
    }

    /// <summary>A key of these texts; in the layout, keys asked of another resource (<c>Dpo[…]</c>, <c>AdminNav[…]</c>…) are not.</summary>
    [GeneratedRegex("(?<!\\b(Dpo|AdminNav|C|P|H|S)\\[)\"(?<key>(Role|Nav|Switch|Admin|Dpo)_[A-Za-z_]+)\"")]
    private static partial Regex UsedKey();
}
