using System.Text.RegularExpressions;
using Ditib.Beratung.Infrastructure.Messages;

namespace Ditib.Beratung.UnitTests.Messages;

public sealed partial class MessageTextsTests
{
    private static readonly HashSet<string> Placeholders = ["name", "date", "time", "end", "place", "reference", "link", "phone", "hours"];

    public static TheoryData<string> Languages => new(MessageTexts.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLanguage_HasExactlyTheGermanTexts_WithKnownPlaceholdersOnly(string language)
    {
        var texts = MessageTexts.For(language);

        Assert.Equal(language, texts.Language);
        Assert.Equal(MessageTexts.For("de").Keys.Order(), texts.Keys.Order());
        foreach (var key in texts.Keys)
        {
            var text = texts[key];
            Assert.False(string.IsNullOrWhiteSpace(text), $"{language}: '{key}' is empty");
            foreach (Match placeholder in PlaceholderPattern().Matches(text))
            {
                Assert.Contains(placeholder.Groups[1].Value, Placeholders);
            }
        }
    }

    [Theory]
    [InlineData("de", "Donnerstag, 3. Dezember 2026")]
    [InlineData("tr", "3 Aralık 2026 Perşembe")]
    [InlineData("en", "Thursday, 3 December 2026")]
    [InlineData("ar", "2026 (03.12.2026)")]
    public void Dates_AreWrittenInTheLanguage_OnTheGregorianCalendar(string language, string expected)
    {
        var date = MessageTexts.For(language).Date(new NodaTime.LocalDate(2026, 12, 3));

        Assert.Contains(expected, date, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ku")]
    [InlineData("bg")]
    [InlineData(null)]
    public void OtherLanguages_FallBackToGerman(string? language) => Assert.Equal("de", MessageTexts.For(language).Language);

    [Fact]
    public void Placeholders_AreFilledIn()
    {
        var text = MessageTexts.For("en")["reference", new Dictionary<string, string> { ["reference"] = "K7QM-3XPA" }];

        Assert.Equal("Booking number: K7QM-3XPA", text);
    }

    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    private static partial Regex PlaceholderPattern();
}
