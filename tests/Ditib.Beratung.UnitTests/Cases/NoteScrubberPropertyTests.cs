using System.Globalization;
using System.Numerics;
using CsCheck;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Cases;

namespace Ditib.Beratung.UnitTests.Cases;

/// <summary>
/// Random notes made of tokens joined by separators a counsellor would type between them. Safe tokens (times,
/// amounts, postcodes, case codes, booking references, years, partial dates, ordinary words) must survive unchanged;
/// personal tokens (phone numbers, IBANs with computed check digits, dates, e-mail addresses, the client's names in
/// other spellings) must become their placeholder. All data is invented.
/// </summary>
public sealed class NoteScrubberPropertyTests
{
    private const int Iterations = 1_000;

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly string[] KnownNames = ["Ayşe Yılmaz", "Ali Demir", "Rêber Şêrîn", "محمد"];

    private static readonly Gen<string> Separator = Gen.OneOf(", ", "; ", " und ", " – ", " bei ", "\n");

    private static readonly Gen<string> Word = Gen.OneOf(
        "Termin", "Beratung", "Miete", "Jobcenter", "Schule", "Übersetzung", "Größe", "Straße", "Ämter", "Mutter",
        "Alimente", "Kalium", "Salim", "Demirci", "Aliyev", "Ayşegül", "Kindergeld", "Wohngeld", "Uhr", "EUR", "Frau",
        "Herr", "Nr.", "ca.", "z. B.", "merhaba", "teşekkürler", "شكرا", "Rückruf", "Aufenthaltstitel");

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
        Gen.Int[1, 250].Select(Gen.OneOf("", "a", "b"), (n, suffix) => $"Nr. {n}{suffix}"));

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

    private static readonly Gen<string> Date =
        from day in Gen.Int[0, 29_000]
        from format in Gen.OneOf("dd.MM.yyyy", "d.M.yy", "yyyy-MM-dd", "dd'/'MM'/'yyyy", "d. MMMM yyyy", "dd. MM. yyyy")
        select new DateTime(1930, 1, 1).AddDays(day).ToString(format, German);

    private static readonly Gen<string> Email =
        from local in Gen.OneOf("ayse.yilmaz", "a.demir", "info", "rêber", "mehmet_1985")
        from domain in Gen.OneOf("example.org", "example.com", "mail.example.net")
        select $"{local}@{domain}";

    private static readonly Gen<(string Text, string Expected)> NameVariant = Gen.OneOf(
        ("Yilmaz", "[NAME]"), ("YILMAZ", "[NAME]"), ("yılmaz", "[NAME]"), ("Yılmaz'ın", "[NAME]'ın"),
        ("Ayse", "[NAME]"), ("AYŞE", "[NAME]"), ("Ayşe'nin", "[NAME]'nin"), ("ALİ", "[NAME]"), ("Demir", "[NAME]"),
        ("Reber", "[NAME]"), ("ŞÊRÎN", "[NAME]"), ("Serin", "[NAME]"), ("محمد", "[NAME]"));

    private static readonly Gen<Token> Personal = Gen.OneOf<Token>(
        Phone.Select(text => new Token(text, "[TELEFON]", NoteScrubber.Phone)),
        Iban.Select(text => new Token(text, "[IBAN]", NoteScrubber.Iban)),
        Date.Select(text => new Token(text, "[DATUM]", NoteScrubber.Date)),
        Email.Select(text => new Token(text, "[E-MAIL]", NoteScrubber.Email)),
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
            var result = NoteScrubber.Scrub(text, KnownNames);

            Assert.Equal(text, result.Text);
            Assert.Empty(result.Redactions);
        }, iter: Iterations);
    }

    [Fact]
    public void Scrub_PersonalTokensAmongSafeOnes_BecomeExactlyTheirPlaceholders()
    {
        MixedNote.Sample(note =>
        {
            var result = NoteScrubber.Scrub(note.Text, KnownNames);

            Assert.Equal(note.Expected, result.Text);
            Assert.Equal(note.Counts, string.Join(' ', result.Redactions.Select(r => $"{r.Kind}:{r.Count}")));
        }, iter: Iterations, print: note => note.Text);
    }

    [Fact]
    public void Scrub_AlreadyScrubbedText_IsUnchanged()
    {
        MixedNote.Sample(note =>
        {
            var once = NoteScrubber.Scrub(note.Text, KnownNames).Text;
            var twice = NoteScrubber.Scrub(once, KnownNames);

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
        var counts = string.Join(' ', new[] { NoteScrubber.Email, NoteScrubber.Phone, NoteScrubber.Iban, NoteScrubber.Date, NoteScrubber.Name }
            .Select(kind => (Kind: kind, Count: tokens.Count(t => t.Kind == kind)))
            .Where(k => k.Count > 0)
            .Select(k => $"{k.Kind}:{k.Count}"));
        return (text, expected, counts);
    }

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
