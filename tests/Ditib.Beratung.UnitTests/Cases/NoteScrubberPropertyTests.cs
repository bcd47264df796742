using System.Globalization;
using System.Numerics;
using CsCheck;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Cases;
using NodaTime;

namespace Ditib.Beratung.UnitTests.Cases;

/// <summary>
/// Random notes made of tokens joined by separators a counsellor would type between them. Safe tokens (times,
/// amounts, postcodes, case codes, booking references, years, partial dates, dates that are no birth date, office
/// names, ordinary words) must survive unchanged; personal tokens (phone numbers, IBANs with computed check digits,
/// the client's birth date and dates after a birth word, e-mail addresses, her address, identity numbers, the names of
/// the client and related persons in other spellings and with suffixes) must become their placeholder. All data is
/// invented.
/// </summary>
public sealed class NoteScrubberPropertyTests
{
    private const int Iterations = 1_000;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly LocalDate BirthDate = new(1985, 3, 12);

    private static readonly ScrubKnowledge Knowledge = new(
        ["Ayşe Yılmaz", "Ali Demir", "Rêber Şêrîn", "محمد"], [BirthDate], ["Weseler Straße 112, 47169 Duisburg"]);

    private static readonly Gen<string> Separator = Gen.OneOf(", ", "; ", " und ", " – ", " bei ", "\n");

    private static readonly Gen<string> Word = Gen.OneOf(
        "Termin", "Beratung", "Miete", "Jobcenter", "Schule", "Übersetzung", "Größe", "Straße", "Ämter", "Mutter",
        "Alimente", "Kalium", "Salim", "Demirci", "Aliyev", "Ayşegül", "Kindergeld", "Wohngeld", "Uhr", "EUR", "Frau",
        "Herr", "Nr.", "ca.", "z. B.", "merhaba", "teşekkürler", "شكرا", "Rückruf", "Aufenthaltstitel", "Ausländerbehörde",
        "Familienkasse", "Weseler Straße", "Aisha", "Alina", "Demirel", "Reise", "Eis", "kleine", "Geburtstag");

    private static readonly Gen<string> Safe = Gen.OneOf<string>(
        Word,
        Gen.Int[0, 23].Select(Gen.Int[0, 59], (h, m) => $"{h:00}:{m:00}"),
        Gen.Int[7, 20].Select(Gen.Int[0, 59], (h, m) => $"{h}.{m:00} Uhr"),
        Gen.Int[0, 999_999].Select(cents => (cents / 100m).ToString("N2", German) + " €"),
        Gen.Int[1, 5_000].Select(euros => $"{euros} EUR"),
        Gen.Int[1, 99_999].Select(euros => "€ " + euros.ToString("N0", German)),
        Gen.Int[1_067, 99_998].Select(code => code.ToString("D5", CultureInfo.InvariantCulture)),
        Gen.Int[2020, 2030].Select(Gen.Int[1, 9_999], (year, n) => $"F-{year}-{n:0000}"),
        Gen.Int[0, BookingReference.Alphabet.Length - 1].Array[BookingReference.CharacterCount]
            .Select(i => BookingReference.FromCharacters(i.Select(c => BookingReference.Alphabet[c]).ToArray())),
        Gen.Int[1950, 2030].Select(year => year.ToString(CultureInfo.InvariantCulture)),
        Gen.Int[0, 100].Select(Gen.Bool, (n, spaced) => spaced ? $"{n} %" : $"{n}%"),
        Gen.Int[0, 999].Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Int[1, 28].Select(Gen.Int[1, 12], (d, m) => $"{d}.{m:00}."),
        Gen.Int[1, 250].Select(Gen.OneOf("", "a", "b"), (n, suffix) => $"Nr. {n}{suffix}"),
        Gen.Int[1, 99].Select(Gen.Int[1, 9_999], (office, n) => $"Az. {office}-{n}"),
        DateText(Gen.Int[0, 36_500].Select(day => new LocalDate(1950, 1, 1).PlusDays(day)).Where(date => !IsBirthDateReading(date))));

    private static readonly Gen<string> Digits7 = Gen.Int[1_000_000, 9_999_999].Select(n => n.ToString(CultureInfo.InvariantCulture));

    private static readonly Gen<string> Phone = Gen.OneOf<string>(
        from area in Gen.Int[20, 999]
        from subscriber in Gen.Int[10_000, 99_999_999]
        from format in Gen.OneOf("0{0} {1}", "0{0}/{1}", "0{0}-{1}", "+49 {0} {1}", "0049 {0} {1}", "+49 (0) {0} {1}", "0{0}{1}")
        select string.Format(CultureInfo.InvariantCulture, format, area, subscriber),
        from area in Gen.Int[200, 999]
        from s in Digits7
        select $"(0{area}) {s[..3]} {s[3..5]} {s[5..]}",
        from mobile in Gen.Int[30, 59]
        from s in Digits7
        select $"+90 5{mobile} {s[..3]} {s[3..5]} {s[5..]}",
        Digits7.Select(s => $"+963 11 {s}"));

    private static readonly Gen<string> Iban = Gen.OneOf<(string Country, string Bban)>(
            Gen.Char["0123456789"].Array[18].Select(d => ("DE", new string(d))),
            Gen.Char["0123456789"].Array[22].Select(d => ("TR", new string(d))),
            Gen.Char["0123456789"].Array[14].Select(d => ("GB", "WEST" + new string(d))),
            Gen.Char["0123456789"].Array[14].Select(d => ("BG", "BNBG" + new string(d))))
        .Select(Gen.Bool, (iban, grouped) => Format(WithCheckDigits(iban.Country, iban.Bban), grouped));

    private static readonly Gen<(string Text, string Expected)> Date = Gen.OneOf(
        DateText(Gen.Const(BirthDate)).Select(date => (date, "[DATUM]")),
        Gen.OneOf("geb. ", "geboren am ", "Geburtsdatum: ", "doğum tarihi ", "* ")
            .SelectMany(word => DateText(Gen.Int[0, 29_000].Select(day => new LocalDate(1930, 1, 1).PlusDays(day)))
                .Select(date => (word + date, word + "[DATUM]"))));

    private static readonly Gen<(string Text, string Expected)> Address = Gen.OneOf(
        ("Weseler Straße 112, 47169 Duisburg", "[ADRESSE]"), ("Weselerstr. 112a 47169 Duisburg", "[ADRESSE]"),
        ("wohnt Weseler Str. 112, 47169 Duisburg", "wohnt [ADRESSE]"));

    private static readonly Gen<(string Text, string Expected, string Kind)> IdNumber = Gen.OneOf(
        ("Steuer-ID 86095742719", "Steuer-ID [STEUER-ID]", NoteScrubber.TaxId), ("IdNr. 12 345 678 911", "IdNr. [STEUER-ID]", NoteScrubber.TaxId),
        ("RV 12 120385 Y 125", "RV [RV-NUMMER]", NoteScrubber.PensionNumber), ("15070649C103", "[RV-NUMMER]", NoteScrubber.PensionNumber),
        ("KV A123456780", "KV [KV-NUMMER]", NoteScrubber.HealthInsuranceNumber), ("T220519973", "[KV-NUMMER]", NoteScrubber.HealthInsuranceNumber));

    private static readonly Gen<string> Email =
        from local in Gen.OneOf("ayse.yilmaz", "a.demir", "info", "rêber", "mehmet_1985")
        from domain in Gen.OneOf("example.org", "example.com", "mail.example.net")
        select $"{local}@{domain}";

    private static readonly Gen<(string Text, string Expected)> NameVariant = Gen.OneOf(
        ("Yilmaz", "[NAME]"), ("YILMAZ", "[NAME]"), ("yılmaz", "[NAME]"), ("Yılmaz'ın", "[NAME]'ın"),
        ("Ayse", "[NAME]"), ("AYŞE", "[NAME]"), ("Ayşe'nin", "[NAME]'nin"), ("ALİ", "[NAME]"), ("Demir", "[NAME]"),
        ("Reber", "[NAME]"), ("ŞÊRÎN", "[NAME]"), ("Serin", "[NAME]"), ("محمد", "[NAME]"), ("Ayses", "[NAME]s"), ("Aise", "[NAME]"),
        ("Aische", "[NAME]"), ("Yılmazlar", "[NAME]lar"), ("Yilmazların", "[NAME]ların"), ("Ayşenin", "[NAME]nin"), ("Alis", "[NAME]s"),
        ("Demirden", "[NAME]den"));

    private static readonly Gen<Token> Personal = Gen.OneOf<Token>(
        Phone.Select(text => new Token(text, "[TELEFON]", NoteScrubber.Phone)),
        Iban.Select(text => new Token(text, "[IBAN]", NoteScrubber.Iban)),
        Date.Select(date => new Token(date.Text, date.Expected, NoteScrubber.Date)),
        Email.Select(text => new Token(text, "[E-MAIL]", NoteScrubber.Email)),
        Address.Select(address => new Token(address.Text, address.Expected, NoteScrubber.Address)),
        IdNumber.Select(number => new Token(number.Text, number.Expected, number.Kind)),
        NameVariant.Select(name => new Token(name.Text, name.Expected, NoteScrubber.Name)));

    private static readonly Gen<Token> AnyToken = Gen.Frequency<Token>(
        (3, Safe.Select(text => new Token(text, text, null))),
        (1, Personal));

    private static readonly Gen<string> SafeNote = Note(Safe.Select(text => new Token(text, text, null)))
        .Select(note => note.Text);

    private static readonly Gen<(string Text, string Expected, string Counts)> MixedNote = Note(AnyToken);

    [Fact]
    public void Scrub_TextOfSafeTokensOnly_IsUnchanged()
    {
        SafeNote.Sample(text =>
        {
            var result = NoteScrubber.Scrub(text, Knowledge);

            Assert.Equal(text, result.Text);
            Assert.Empty(result.Redactions);
        }, iter: Iterations);
    }

    [Fact]
    public void Scrub_PersonalTokensAmongSafeOnes_BecomeExactlyTheirPlaceholders()
    {
        MixedNote.Sample(note =>
        {
            var result = NoteScrubber.Scrub(note.Text, Knowledge);

            Assert.Equal(note.Expected, result.Text);
            Assert.Equal(note.Counts, string.Join(' ', result.Redactions.Select(r => $"{r.Kind}:{r.Count}")));
        }, iter: Iterations, print: note => note.Text);
    }

    [Fact]
    public void Scrub_AlreadyScrubbedText_IsUnchanged()
    {
        MixedNote.Sample(note =>
        {
            var once = NoteScrubber.Scrub(note.Text, Knowledge).Text;
            var twice = NoteScrubber.Scrub(once, Knowledge);

            Assert.Equal(once, twice.Text);
            Assert.Empty(twice.Redactions);
        }, iter: Iterations, print: note => note.Text);
    }

    private static Gen<(string Text, string Expected, string Counts)> Note(Gen<Token> token) =>
        from tokens in token.Array[1, 30]
        from separators in Separator.Array[30]
        select Join(tokens, separators);

    private static (string Text, string Expected, string Counts) Join(Token[] tokens, string[] separators)
    {
        var text = string.Concat(tokens.Select((t, i) => (i == 0 ? "" : separators[i]) + t.Text));
        var expected = string.Concat(tokens.Select((t, i) => (i == 0 ? "" : separators[i]) + t.Expected));
        var counts = string.Join(' ', NoteScrubber.Kinds
            .Select(kind => (Kind: kind, Count: tokens.Count(t => t.Kind == kind)))
            .Where(k => k.Count > 0)
            .Select(k => $"{k.Kind}:{k.Count}"));
        return (text, expected, counts);
    }

    private static Gen<string> DateText(Gen<LocalDate> date) =>
        from d in date
        from format in Gen.OneOf("dd.MM.yyyy", "d.M.yy", "yyyy-MM-dd", "dd'/'MM'/'yyyy", "d. MMMM yyyy", "dd. MM. yyyy")
        select d.ToDateTimeUnspecified().ToString(format, German);

    /// <summary>Dates that read as the birth date: the same day, also with a two-digit year or day and month swapped.</summary>
    private static bool IsBirthDateReading(LocalDate date) =>
        (date.Day, date.Month, date.Year % 100) is (12, 3, 85) or (3, 12, 85);

    /// <summary>ISO 13616 check digits: 98 minus the remainder of BBAN + country + "00", letters as 10-35, mod 97.</summary>
    private static string WithCheckDigits(string country, string bban)
    {
        var digits = string.Concat((bban + country + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
        return $"{country}{check:00}{bban}";
    }

    private static string Format(string iban, bool grouped) =>
        grouped ? string.Join(' ', iban.Chunk(4).Select(chunk => new string(chunk))) : iban;

    private sealed record Token(string Text, string Expected, string? Kind);
}
