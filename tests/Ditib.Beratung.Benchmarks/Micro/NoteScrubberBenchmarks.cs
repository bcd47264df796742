using System.Text;
using BenchmarkDotNet.Attributes;
using Ditib.Beratung.Domain.Cases;

namespace Ditib.Beratung.Benchmarks.Micro;

/// <summary>
/// The scrubber on a 2,000-character German/Turkish note with contact data, an IBAN, an identity number, dates, the
/// client's address and names, knowing what a case knows (names, birth dates, address).
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class NoteScrubberBenchmarks
{
    private static readonly ScrubKnowledge Knowledge = new(
        ["Ayşe Yılmaz-Öztürk", "Mehmet Yıldırım", "Elif"], [new NodaTime.LocalDate(1985, 3, 12)], ["Weseler Straße 112, 47169 Duisburg"]);

    private readonly string note = Note(2_000);

    [Benchmark]
    public int Scrub() => NoteScrubber.Scrub(note, Knowledge).Text.Length;

    /// <summary>Invented text; every person and number in it is made up.</summary>
    public static string Note(int length)
    {
        string[] sentences =
        [
            "Frau Yilmaz (Tel. 0203 5550100) fragt nach dem Kita-Platz für ihre Tochter; Termin am Jugendamt am 12.03.2027 um 14:30. ",
            "Ayşe Hanım'ın eşi işsiz, kira borcu 1.250 € — Jobcenter'e başvuru 3. Mart 2027'de yapılacak. ",
            "Rückruf unter +49 170 5550123 oder per E-Mail an ayse.yilmaz@example.invalid erbeten. ",
            "Überweisung der Kaution auf DE89 3704 0044 0532 0130 00 ist noch offen, laut Vermieter bis 31.01.2027. ",
            "Danışan, Öztürk ailesinin evinde kalıyor; çocuklar okula düzenli gidiyor, Sozialamt Aktenzeichen 52-1234. ",
            "Geburtsdatum laut Ausweis 1985-03-12; Dolmetscherin für Türkisch beim nächsten Gespräch im Raum 2 (PLZ 47169). ",
            "Nächstes Gespräch: Dienstag, Unterlagen zu Wohngeld und Kinderzuschlag mitbringen, Frau YILMAZ wurde informiert. ",
            "Aise wohnt Weseler Str. 112, 47169 Duisburg; Yılmazlar haben die Steuer-ID 86095742719 vorgelegt, Elifs Schule ruft an. ",
        ];
        var text = new StringBuilder(length + 200);
        for (var i = 0; text.Length < length; i++)
        {
            text.Append(sentences[i % sentences.Length]);
        }

        return text.ToString(0, length).TrimEnd();
    }
}
