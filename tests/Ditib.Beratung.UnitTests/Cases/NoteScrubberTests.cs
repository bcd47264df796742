using Ditib.Beratung.Domain.Cases;

namespace Ditib.Beratung.UnitTests.Cases;

/// <summary>
/// Every person, number and address here is invented. The IBANs are the published example IBANs of their countries
/// or fakes with computed check digits; phone numbers use made-up subscriber numbers; e-mail domains are example.*.
/// Known names are given as one string, several names separated by <c>|</c>.
/// </summary>
public sealed class NoteScrubberTests
{
    [Theory]
    // E-mail addresses; a name inside an address is part of the address.
    [InlineData("Mail: ayse.yilmaz@example.org bitte.", "Ayşe Yılmaz", "Mail: [E-MAIL] bitte.")]
    [InlineData("Kontakt über m.oeztuerk+beratung@mail.example.com.", "", "Kontakt über [E-MAIL].")]
    [InlineData("Schreibt an şerin.reber@örnek.example.com.tr", "Rêber Şêrîn", "Schreibt an [E-MAIL]")]
    // German phone numbers in every usual form.
    [InlineData("Tel. 0203 1234567", "", "Tel. [TELEFON]")]
    [InlineData("Tel. +49 203 1234567.", "", "Tel. [TELEFON].")]
    [InlineData("0049 203 1234567 (Festnetz)", "", "[TELEFON] (Festnetz)")]
    [InlineData("Handy 0176-12345678, ab 14 Uhr", "", "Handy [TELEFON], ab 14 Uhr")]
    [InlineData("Büro 0203/1234567", "", "Büro [TELEFON]")]
    [InlineData("Büro 0203 / 123 45 67", "", "Büro [TELEFON]")]
    [InlineData("(0203) 123 45 67 anrufen", "", "[TELEFON] anrufen")]
    [InlineData("+49 (0) 203 1234567", "", "[TELEFON]")]
    [InlineData("Tel.:02031234567", "", "Tel.:[TELEFON]")]
    [InlineData("mobil +4917612345678!", "", "mobil [TELEFON]!")]
    [InlineData("Durchwahl 0203 12345-67", "", "Durchwahl [TELEFON]")]
    [InlineData("Tel 0203.1234567 oder +49-203-1234567", "", "Tel [TELEFON] oder [TELEFON]")]
    // International numbers.
    [InlineData("Bruder in Izmir: +90 532 123 45 67", "", "Bruder in Izmir: [TELEFON]")]
    [InlineData("Onkel in Damaskus +963 11 1234567", "", "Onkel in Damaskus [TELEFON]")]
    [InlineData("Schwester in Sofia 00359 2 9876543", "", "Schwester in Sofia [TELEFON]")]
    // IBANs, grouped or solid, any country, check digits not verified.
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 für die Miete", "", "IBAN [IBAN] für die Miete")]
    [InlineData("IBAN: DE89370400440532013000", "", "IBAN: [IBAN]")]
    [InlineData("Konto TR33 0006 1005 1978 6457 8413 26", "", "Konto [IBAN]")]
    [InlineData("Konto TR330006100519786457841326, Ziraat", "", "Konto [IBAN], Ziraat")]
    [InlineData("BG80 BNBG 9661 1020 3456 78 (Sofia)", "", "[IBAN] (Sofia)")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "", "[IBAN]")]
    [InlineData("de03 3505 0000 1234 5678 90 klein geschrieben", "", "[IBAN] klein geschrieben")]
    [InlineData("AT61 1904 3002 3457 3201 Bank Austria", "", "[IBAN] Bank Austria")]
    [InlineData("vertippt DE00 3704 0044 0532 0130 00", "", "vertippt [IBAN]")]
    // Dates that a birth word introduces (or follows); other dates stay.
    [InlineData("geb. 12.03.1985 in Duisburg", "", "geb. [DATUM] in Duisburg")]
    [InlineData("geboren 12.3.85", "", "geboren [DATUM]")]
    [InlineData("DOB 1985-03-12", "", "DOB [DATUM]")]
    [InlineData("geb. 12/03/1985 und 03/25/1990", "", "geb. [DATUM] und 03/25/1990")]
    [InlineData("Geburtsdatum: 3. März 1985.", "", "Geburtsdatum: [DATUM].")]
    [InlineData("geb. am 12. 03. 1985", "", "geb. am [DATUM]")]
    [InlineData("geb. 29.02.1984", "", "geb. [DATUM]")]
    [InlineData("Geb.-Datum 05.06.1990", "", "Geb.-Datum [DATUM]")]
    [InlineData("(geb. 05.06.1990)", "", "(geb. [DATUM])")]
    [InlineData("geboren am 5. Juni 1990 in Ankara", "", "geboren am [DATUM] in Ankara")]
    [InlineData("Geburtsdatum der Tochter: 01.02.2016", "", "Geburtsdatum der Tochter: [DATUM]")]
    [InlineData("Sohn * 14.07.2012", "", "Sohn * [DATUM]")]
    [InlineData("doğum tarihi: 05.06.1990", "", "doğum tarihi: [DATUM]")]
    [InlineData("Doğum Tarihi 5 Haziran 1990", "", "Doğum Tarihi [DATUM]")]
    [InlineData("D.T. 05.06.1990", "", "D.T. [DATUM]")]
    [InlineData("d.t.: 1990-06-05", "", "d.t.: [DATUM]")]
    [InlineData("05.06.1990 doğumlu", "", "[DATUM] doğumlu")]
    [InlineData("date of birth 05/06/1990", "", "date of birth [DATUM]")]
    // Names: capitalisation, diacritics, Turkish i, German umlaut spellings, apostrophe suffixes.
    [InlineData("Herr Yilmaz kam mit Frau YILMAZ; yılmaz", "Ayşe Yılmaz", "Herr [NAME] kam mit Frau [NAME]; [NAME]")]
    [InlineData("Ayse und Ayşe und AYŞE", "Ayşe Yılmaz", "[NAME] und [NAME] und [NAME]")]
    [InlineData("Yılmaz'ın Sohn, Ayşe'nin Bruder, Yilmaz’a", "Ayşe Yılmaz", "[NAME]'ın Sohn, [NAME]'nin Bruder, [NAME]’a")]
    [InlineData("İbrahim, Ibrahim, ibrahim, IBRAHIM, ıbrahim", "İbrahim Şahin", "[NAME], [NAME], [NAME], [NAME], [NAME]")]
    [InlineData("Sahin und ŞAHİN", "İbrahim Şahin", "[NAME] und [NAME]")]
    [InlineData("Ibrahim Sahin", "ibrahim şahin", "[NAME] [NAME]")]
    [InlineData("Mueller, Muller, MÜLLER, Müller", "Hans Müller", "[NAME], [NAME], [NAME], [NAME]")]
    [InlineData("Familie Oeztuerk (Ozturk)", "Mehmet Öztürk", "Familie [NAME] ([NAME])")]
    [InlineData("Herr Oztürk", "Mehmet Oeztuerk", "Herr [NAME]")]
    [InlineData("قال محمد إنه سيأتي", "محمد", "قال [NAME] إنه سيأتي")]
    [InlineData("أحمد و احمد", "أحمد", "[NAME] و [NAME]")]
    [InlineData("قال مُحَمَّدٌ", "محمد", "قال [NAME]")]
    [InlineData("Reber und Serin kamen, RÊBER auch", "Rêber Şêrîn", "[NAME] und [NAME] kamen, [NAME] auch")]
    [InlineData("Ivan Petrov und ИВАН", "Иван Петров|Ivan Petrov", "[NAME] [NAME] und [NAME]")]
    [InlineData("Stefan Popescu, Ştefan", "Ștefan Popescu", "[NAME] [NAME], [NAME]")]
    [InlineData("Frau Yılmaz-Demir", "Ayşe Yılmaz-Demir", "Frau [NAME]-[NAME]")]
    // Names: suffixes without an apostrophe, in the name's vowel harmony, and the German genitive.
    [InlineData("Ayses Mutter ist krank", "Ayşe Yılmaz", "[NAME]s Mutter ist krank")]
    [InlineData("Die Familie Yılmazlar kam, die Yilmazlar auch", "Ayşe Yılmaz", "Die Familie [NAME]lar kam, die [NAME]lar auch")]
    [InlineData("Yılmazların Kinder, Yılmazlara, Yılmazlardan, Yılmazgil", "Ayşe Yılmaz", "[NAME]ların Kinder, [NAME]lara, [NAME]lardan, [NAME]gil")]
    [InlineData("Yılmazın Sohn, Yilmazin Sohn, Yılmaz'ın Sohn", "Ayşe Yılmaz", "[NAME]ın Sohn, [NAME]in Sohn, [NAME]'ın Sohn")]
    [InlineData("Yılmazda, Yılmazdan, Yılmazla", "Ayşe Yılmaz", "[NAME]da, [NAME]dan, [NAME]la")]
    [InlineData("Ayşenin Bruder, Aysenin, Ayşeye, Ayşeyi, Ayşede, Ayşeden, Ayşeyle", "Ayşe Yılmaz",
        "[NAME]nin Bruder, [NAME]nin, [NAME]ye, [NAME]yi, [NAME]de, [NAME]den, [NAME]yle")]
    [InlineData("Öztürkün Vater, Öztürkler, Öztürkte, Öztürkten", "Mehmet Öztürk", "[NAME]ün Vater, [NAME]ler, [NAME]te, [NAME]ten")]
    [InlineData("Elifs Schule, Elifin Lehrerin", "Elif Demir", "[NAME]s Schule, [NAME]in Lehrerin")]
    [InlineData("Leylas Antrag, Straußens?", "Leyla Strauß", "[NAME]s Antrag, Straußens?")]
    [InlineData("die Schneiderin", "Anna Schneider", "die [NAME]in")] // too much, as the README says: name + genitive ending
    // Names that are also German words in lower case: only where written with a capital.
    [InlineData("Nur kam, sie hat nur wenig Geld; Nurs Sohn", "Nur Demir", "[NAME] kam, sie hat nur wenig Geld; [NAME]s Sohn")]
    [InlineData("Frau Klein ist nicht klein, Kleins Tochter", "Eva Klein", "Frau [NAME] ist nicht klein, [NAME]s Tochter")]
    [InlineData("Herr Schön ist schon da", "Jan Schön", "Herr [NAME] ist schon da")]
    // Names: other spellings of the same sound.
    [InlineData("Aise Yilmaz rief an", "Ayşe Yılmaz", "[NAME] [NAME] rief an")]
    [InlineData("Aische, Ayshe, Aysche, AISE", "Ayşe Yılmaz", "[NAME], [NAME], [NAME], [NAME]")]
    [InlineData("Hussein, Hüssein, Husein, Hüseyin", "Hüseyin Çelik", "[NAME], [NAME], [NAME], [NAME]")]
    [InlineData("Tschelik und Chelik", "Hüseyin Çelik", "[NAME] und [NAME]")]
    [InlineData("Schahin, Shahin", "İbrahim Şahin", "[NAME], [NAME]")]
    [InlineData("Sanije und Sanie", "Saniye Kaya", "[NAME] und [NAME]")]
    [InlineData("Frau Meyer und Frau Meier", "Anna Meier", "Frau [NAME] und Frau [NAME]")]
    [InlineData("Strauss und STRAUß", "Leyla Strauß", "[NAME] und [NAME]")]
    [InlineData("Yılmaz schreibt von yilmaz@example.org", "Ayşe Yılmaz", "[NAME] schreibt von [E-MAIL]")]
    [InlineData("A. Demir, A und Demir", "A. Demir", "A. [NAME], A und [NAME]")]
    // Everything at once.
    [InlineData(
        "Frau Yılmaz (geb. 12.03.1985), Tel. 0176-12345678, IBAN DE89 3704 0044 0532 0130 00, ayse.yilmaz@example.org",
        "Ayşe Yılmaz",
        "Frau [NAME] (geb. [DATUM]), Tel. [TELEFON], IBAN [IBAN], [E-MAIL]")]
    public void Scrub_ReplacesPersonalData(string input, string knownNames, string expected)
    {
        Assert.Equal(expected, NoteScrubber.Scrub(input, Names(knownNames)).Text);
    }

    [Theory]
    [InlineData("Termin um 14:30, Rückruf 9.30 Uhr oder 09:15")]
    [InlineData("Termin am 12.03.2026 um 14:30 Uhr, Treffen 2026-03-12T14:30")]
    [InlineData("Antrag vom 01.12.2026 eingereicht, Frist 15. Januar 2027, Bescheid vom 3/4/2026")]
    [InlineData("Fall F-2026-0042, Buchung K7QM-3XPA")]
    [InlineData("Miete 1.250,00 €, Zuschuss 350 EUR, Rest € 1.234, Gebühr 0,50 €")]
    [InlineData("Schulden 1.000.000 € oder 12.500 EUR")]
    [InlineData("PLZ 47169 Duisburg, Weseler Str. 12a, Nr. 104")]
    [InlineData("Umzug nach 01067 Dresden")]
    [InlineData("Seit 2026 hier, 50 % Zuschuss, 12,5% Zinsen, 3 Kinder")]
    [InlineData("Nächster Termin 12.03. oder im März 2026")]
    [InlineData("Aktenzeichen 0042/26, Bescheid vom Mai")]
    [InlineData("Faktor 0,01234567 und 14:0176")]
    [InlineData("Version 2.10.3, Schritt 10. 11. 12.")]
    [InlineData("am 31.02.1985 gab es nicht, 13/13/2020 auch nicht")]
    [InlineData("Alimente und Kalium, Salim, Demirci, Demirel, Aliyev, Alina, Alias, Allianz, Dalia")]
    [InlineData("die kleine Tochter, ihre Alte, die Demire")]
    [InlineData("Mohammed kam mit Ivan")]
    [InlineData("Muhammad und إيفان")]
    [InlineData("Bereits ersetzt: [NAME], [TELEFON], [IBAN], [DATUM], [E-MAIL]")]
    [InlineData("")]
    public void Scrub_TextWithoutPersonalData_StaysAsItIs(string input)
    {
        var result = NoteScrubber.Scrub(input, ["Ali Demir", "محمد", "Иван Петров", "Name Telefon"]);

        Assert.Equal(input, result.Text);
        Assert.Empty(result.Redactions);
    }

    [Theory]
    [InlineData("Mail: ayse.yilmaz@example.org bitte.", "Ayşe Yılmaz", "email:1")]
    [InlineData("Yılmaz schreibt von yilmaz@example.org", "Ayşe Yılmaz", "email:1 name:1")]
    [InlineData("0203 1234567, +49 203 1234567, 0049 203 1234567, 0176-12345678", "", "phone:4")]
    [InlineData("0203/1234567 oder (0203) 123 45 67 oder +90 532 123 45 67 oder +963 11 1234567", "", "phone:4")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00 und TR330006100519786457841326", "", "iban:2")]
    [InlineData("IBAN DE89370400440532013000, Tel. 0203 1234567", "", "phone:1 iban:1")]
    [InlineData("geb. 12.03.1985, geb. 12.3.85, geb. 1985-03-12, geb. 12/03/1985, geb. 3. März 1985", "", "date:5")]
    [InlineData("12.03.1985, 12.3.85, 1985-03-12, 12/03/1985, 3. März 1985", "", "")]
    [InlineData("Ayşe Yılmaz, AYSE YILMAZ, Yılmaz'ın", "Ayşe Yılmaz", "name:5")]
    [InlineData("Rêber, Reber, Şêrîn, Serin", "Rêber Şêrîn", "name:4")]
    [InlineData("قال محمد", "محمد", "name:1")]
    [InlineData("14:30, F-2026-0042, 1.250,00 €, 47169, 2026", "Ali", "")]
    [InlineData(
        "Frau Yılmaz (geb. 12.03.1985), Tel. 0176-12345678, IBAN DE89 3704 0044 0532 0130 00, ayse.yilmaz@example.org",
        "Ayşe Yılmaz",
        "email:1 phone:1 iban:1 date:1 name:1")]
    [InlineData(
        "Yilmaz: a@example.org, b@example.org, 0203 1234567, geb. 12.03.1985, * 13.04.1986, DOB 14.05.1987, Ayşe",
        "Ayşe Yılmaz",
        "email:2 phone:1 date:3 name:2")]
    public void Scrub_CountsRedactionsPerKindInFixedOrder(string input, string knownNames, string expected)
    {
        var redactions = NoteScrubber.Scrub(input, Names(knownNames)).Redactions;

        Assert.Equal(expected, string.Join(' ', redactions.Select(r => $"{r.Kind}:{r.Count}")));
    }

    [Fact]
    public void Scrub_NoKnownNames_ReplacesOnlyPatterns()
    {
        var result = NoteScrubber.Scrub("Ayşe Yılmaz, 0203 1234567", []);

        Assert.Equal("Ayşe Yılmaz, [TELEFON]", result.Text);
    }

    [Fact]
    public void Scrub_BlankOrOneLetterNames_AreIgnored()
    {
        var result = NoteScrubber.Scrub("A B und C", ["", "  ", "A", "B C"]);

        Assert.Equal("A B und C", result.Text);
        Assert.Empty(result.Redactions);
    }

    [Fact]
    public void Scrub_NullText_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => NoteScrubber.Scrub(null!, []));
    }

    private static string[] Names(string knownNames) =>
        knownNames.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
