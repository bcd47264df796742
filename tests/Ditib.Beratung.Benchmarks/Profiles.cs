namespace Ditib.Beratung.Benchmarks;

/// <summary>
/// Invented counsellor profiles shared by the micro benchmarks and the load run: everyone speaks German, most
/// Turkish, some a third language; each advises on three of the twelve topics.
/// </summary>
public static class Profiles
{
    public static readonly string[] Topics =
    [
        "integration", "family", "seniors", "dementia", "women", "violence-protection", "education", "social-benefits",
        "anti-discrimination", "volunteering", "health", "general",
    ];

    public static readonly string[] ThirdLanguages = ["ar", "ku", "bg", "ro", "pl", "ru", "fa", "uk", "en", "fr"];

    /// <summary>The languages residents search in, weighted roughly as the centre hears them.</summary>
    public static readonly string[] SearchLanguages = ["de", "de", "tr", "tr", "tr", "ar", "ku", "bg", "ro", "ru"];

    public static (string Name, string[] Languages, string[] Topics) Counsellor(int index)
    {
        var languages = new List<string> { "de" };
        if (index % 5 != 0)
        {
            languages.Add("tr");
        }

        if (index % 2 == 0)
        {
            languages.Add(ThirdLanguages[index / 2 % ThirdLanguages.Length]);
        }

        var topics = new[] { Topics[index % 12], Topics[(index + 5) % 12], Topics[(index * 7 + 3) % 12] }.Distinct().ToArray();
        return ($"Lastberater·in {index + 1:00} (erfunden)", languages.ToArray(), topics);
    }
}
