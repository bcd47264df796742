using System.Globalization;
using System.Resources;

namespace Ditib.Beratung.BrowserTests.Support;

/// <summary>
/// The pages' own texts (Texts.resx and its translations), so that multi-language tests find buttons and headings by
/// what a resident reads. Tests of one language state their expected texts literally instead.
/// </summary>
public static class UiText
{
    private static readonly ResourceManager Resources = new("Ditib.Beratung.Web.Texts", typeof(Web.Texts).Assembly);

    public static string Get(string language, string key, params object[] arguments)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var text = Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No text {key} for {language}");
        return arguments.Length == 0 ? text : string.Format(culture, text, arguments);
    }
}
