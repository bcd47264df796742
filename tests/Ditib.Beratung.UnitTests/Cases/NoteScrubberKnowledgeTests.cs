using Ditib.Beratung.Domain.Cases;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Cases;

/// <summary>
/// The scrubber with what a case knows of an invented client, "Ayşe Yılmaz" (born 12 March 1985, Weseler Straße 112,
/// 47169 Duisburg), her husband "Mehmet Yıldırım" and her daughter "Elif" (born 1 February 2015). The identity
/// numbers are made up, with computed check digits where they are meant to be valid.
/// </summary>
public sealed class NoteScrubberKnowledgeTests
{
    private static readonly ScrubKnowledge Client = new(
        ["Ayşe Yılmaz", "Mehmet Yıldırım", "Elif"],
        [new LocalDate(1985, 3, 12), new LocalDate(2015, 2, 1)],
        ["Weseler Straße 112, 47169 Duisburg"]);

    [Theory]
    // Names of the client and of related persons, in any form.
    [InlineData("Ayses Mutter ist krank", "[NAME]s Mutter ist krank")]
    [InlineData("Die Familie Yılmazlar kam zu zweit", "Die Familie [NAME]lar kam zu zweit")]
    [InlineData("Aise Yilmaz rief an", "[NAME] [NAME] rief an")]
    [InlineData("ihr Mann Mehmet Yıldırım, Mehmets Arbeitgeber", "ihr Mann [NAME] [NAME], [NAME]s Arbeitgeber")]
    [InlineData("die Tochter Elif, Elifs Schule, Elif'in Lehrerin", "die Tochter [NAME], [NAME]s Schule, [NAME]'in Lehrerin")]
    [InlineData("Yildirims Lohn", "[NAME]s Lohn")]
    // The known address: street word in any form, house number, postcode and city after it.
    [InlineData("wohnt Weseler Straße 112", "wohnt [ADRESSE]")]
    [InlineData("Weseler Str. 112, 47169 Duisburg", "[ADRESSE]")]
    [InlineData("Adresse: Weselerstr. 112a.", "Adresse: [ADRESSE].")]
    [InlineData("neu: weseler strasse 112 - 114 in Marxloh", "neu: [ADRESSE] in Marxloh")]
    [InlineData("Weseler-Straße 112 47169 Duisburg, 2. OG", "[ADRESSE], 2. OG")]
    [InlineData("WESELER STR 112, 47169", "[ADRESSE]")]
    [InlineData("Weseler Str. Nr. 98 (alte Wohnung)", "[ADRESSE] (alte Wohnung)")]
    // Her (and her daughter's) birth dates in any written form, with or without a birth word.
    [InlineData("Unterlagen vom 12.03.1985", "Unterlagen vom [DATUM]")]
    [InlineData("12.3.85, 1985-03-12, 12/03/1985, 03/12/1985", "[DATUM], [DATUM], [DATUM], [DATUM]")]
    [InlineData("12. März 1985 und 12 Mart 1985", "[DATUM] und [DATUM]")]
    [InlineData("Elif, 01.02.2015", "[NAME], [DATUM]")]
    [InlineData("geb. 05.06.1990", "geb. [DATUM]")]
    // Identity numbers with valid check digits.
    [InlineData("Steuer-ID 12 345 678 911", "Steuer-ID [STEUER-ID]")]
    [InlineData("IdNr. 86095742719.", "IdNr. [STEUER-ID].")]
    [InlineData("RV-Nr. 12 120385 Y 125", "RV-Nr. [RV-NUMMER]")]
    [InlineData("SV-Nummer 15070649C103, 65 170839 J 003", "SV-Nummer [RV-NUMMER], [RV-NUMMER]")]
    [InlineData("KV-Nr. A123456780 (AOK)", "KV-Nr. [KV-NUMMER] (AOK)")]
    [InlineData("Versichertennummer T220519973", "Versichertennummer [KV-NUMMER]")]
    // Everything at once.
    [InlineData(
        "Aise Yilmaz (geb. 12.3.85), Weseler Str. 112, 47169 Duisburg, Steuer-ID 12 345 678 911, Yılmazlar wohnen dort seit 2019.",
        "[NAME] [NAME] (geb. [DATUM]), [ADRESSE], Steuer-ID [STEUER-ID], [NAME]lar wohnen dort seit 2019.")]
    public void Scrub_KnownClient_ReplacesHerData(string input, string expected)
    {
        Assert.Equal(expected, NoteScrubber.Scrub(input, Client).Text);
    }

    [Theory]
    [InlineData("Antrag vom 01.12.2026 eingereicht")]
    [InlineData("Termin am 12.03.2026 um 14:30 Uhr, Geburtstag am 12.03.2026 feiern")]
    [InlineData("Frist bis 31. Januar 2027, Bescheid vom 15 Ocak 2027, Rückruf 2026-12-03T09:30")]
    [InlineData("Miete 1.250,00 €, Zuschuss 350 EUR, 12,5 % Zinsen")]
    [InlineData("Fall F-2026-0042, Buchung K7QM-3XPA")]
    [InlineData("PLZ 47169, Umzug nach 47169 Duisburg geplant")]
    [InlineData("Unfall auf der Weseler Straße, Bus an der Weseler Str.")]
    [InlineData("Termin in der Hermannstraße 5, 47169 Duisburg")]
    [InlineData("Jobcenter Duisburg, Ausländerbehörde, Familienkasse, Sozialamt")]
    [InlineData("Aktenzeichen 52-1234, Az. 0042/26, BG-Nummer 12345BG0012345")]
    [InlineData("Steuer-ID 12 345 678 901 (vertippt), 86095742718")]
    [InlineData("RV 12 120385 Y 123, 15070649C104")]
    [InlineData("KV A123456781, Z000000018")]
    [InlineData("Eis, Reise, Aisha, Ayşegül, Mehmetçik, Yıldız, Elifant, Elfi")]
    [InlineData("Termine um 14:30 und 9.30 Uhr, 3 Kinder, seit 2019")]
    public void Scrub_KnownClient_OrdinaryTextStaysAsItIs(string input)
    {
        var result = NoteScrubber.Scrub(input, Client);

        Assert.Equal(input, result.Text);
        Assert.Empty(result.Redactions);
    }

    [Fact]
    public void Scrub_KnownClient_CountsEachKind()
    {
        var result = NoteScrubber.Scrub(
            "Ayşe (geb. 12.03.1985) wohnt Weseler Str. 112; Mail a@example.org; Steuer-ID 86095742719, RV 15070649C103, KV A123456780.",
            Client);

        Assert.Equal("email:1 tax-id:1 pension-number:1 health-insurance-number:1 address:1 date:1 name:1",
            string.Join(' ', result.Redactions.Select(r => $"{r.Kind}:{r.Count}")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Weseler")]
    [InlineData("112, 47169 Duisburg")]
    [InlineData("Am")]
    public void Scrub_AddressWithoutStreet_IsNotLookedFor(string address)
    {
        var knowledge = new ScrubKnowledge([], [], [address]);

        Assert.Equal("Am 112, 47169 Duisburg", NoteScrubber.Scrub("Am 112, 47169 Duisburg", knowledge).Text);
    }

    [Theory]
    [InlineData("Am Schlachthof 3", "wohnt Am Schlachthof 3", "wohnt [ADRESSE]")]
    [InlineData("Kaiser-Wilhelm-Straße 12, 47169 Duisburg", "Kaiser Wilhelm Str. 12", "[ADRESSE]")]
    [InlineData("Hermannstr. 5", "Hermann-Straße 5 und Hermannstraße 7", "[ADRESSE] und [ADRESSE]")]
    [InlineData("c/o Familie Demir, Weseler Str.112,47169 Duisburg", "wohnt Weseler Straße 112, 47169 Duisburg", "wohnt [ADRESSE]")]
    [InlineData("Weseler Straße 112\n47169 Duisburg", "Weseler Str. 112 47169 Duisburg", "[ADRESSE]")]
    public void Scrub_OtherStreetForms_AreFound(string address, string input, string expected)
    {
        Assert.Equal(expected, NoteScrubber.Scrub(input, new ScrubKnowledge([], [], [address])).Text);
    }
}
