namespace Ditib.Beratung.IntegrationTests.Support;

/// <summary>Invented contact details of the centre (<c>Beratung:Centre</c>, required outside Development).</summary>
public static class TestCentre
{
    public const string Phone = "0203 5550199";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["Beratung:Centre:Name"] = "Erfundene Begegnungsstätte Teststadt",
        ["Beratung:Centre:StreetAddress"] = "Teststraße 7",
        ["Beratung:Centre:PostcodeAndCity"] = "47169 Duisburg",
        ["Beratung:Centre:Phone"] = Phone,
        ["Beratung:Centre:Email"] = "test-zentrum@example.invalid",
        ["Beratung:Centre:OpeningHours:de"] = "Mo–Fr 09:00–17:00",
        ["Beratung:Centre:OpeningHours:tr"] = "Pazartesi–Cuma 09:00–17:00",
        ["Beratung:Centre:Website"] = "https://zentrum.example.invalid",
        ["Beratung:Centre:DataProtectionOfficer:Name"] = "Erfundene Datenschutzbeauftragte",
        ["Beratung:Centre:DataProtectionOfficer:Email"] = "test-datenschutz@example.invalid",
    };

    /// <summary>The same as environment variables, for hosts started as a process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Environment =>
        Settings.Select(s => KeyValuePair.Create(s.Key.Replace(":", "__", StringComparison.Ordinal), s.Value));
}
