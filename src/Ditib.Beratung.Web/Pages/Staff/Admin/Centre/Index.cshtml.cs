using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Web.Security;
using Microsoft.AspNetCore.Authorization;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Centre;

/// <summary>
/// Zentrum: the centre's contact details as configured under <c>Beratung:Centre</c>, read-only, each with where it
/// appears and the configuration key that changes it (they are settings, not data: changing one means changing the
/// configuration and restarting the service).
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(CentreContact centre) : PageModel
{
    /// <summary>One configured value: its key below <c>Beratung:Centre</c>, its value, and the text key naming where it appears.</summary>
    public sealed record Entry(string Key, string? Value, string UsedIn);

    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public void OnGet()
    {
        var entries = new List<Entry>
        {
            new("Name", centre.Name, "Centre_UsedIn_Name"),
            new("StreetAddress", centre.StreetAddress, "Centre_UsedIn_Address"),
            new("PostcodeAndCity", centre.PostcodeAndCity, "Centre_UsedIn_Address"),
            new("Phone", centre.Phone, "Centre_UsedIn_Phone"),
            new("Email", centre.Email, "Centre_UsedIn_Email"),
        };
        entries.AddRange(new[] { "de", "tr", "ar", "en" }.Select(language =>
            new Entry($"OpeningHours:{language}", centre.OpeningHours.GetValueOrDefault(language), "Centre_UsedIn_OpeningHours")));
        entries.Add(new("Website", centre.Website, "Centre_UsedIn_Website"));
        entries.Add(new("DataProtectionOfficer:Name", centre.DataProtectionOfficer.Name, "Centre_UsedIn_Dpo"));
        entries.Add(new("DataProtectionOfficer:Email", centre.DataProtectionOfficer.Email, "Centre_UsedIn_Dpo"));
        entries.Add(new("DataProtectionOfficer:PostalAddress", centre.DataProtectionOfficer.PostalAddress, "Centre_UsedIn_Dpo"));
        Entries = entries;
    }

    public static string ConfigurationKey(Entry entry) => $"{CentreContact.Section}:{entry.Key}";

    public static string EnvironmentVariable(Entry entry) => ConfigurationKey(entry).Replace(":", "__", StringComparison.Ordinal);
}
