using System.Text;

namespace Ditib.Beratung.Domain.Cases;

/// <summary>
/// Finds the known names in a text as whole words, folded the same way on both sides (<see cref="NameFolding"/>),
/// and for name words of at least three Latin letters also
/// <list type="bullet">
/// <item>in other spellings of the same sound: ş as s, sh or sch, ç as c, ch or tsch, c as dsch, j as y, y after a
/// vowel as i (Ayşe, Ayse, Aise, Aische; Hüseyin, Hussein), doubled letters as one (Müller, Muler);</item>
/// <item>with a suffix written without an apostrophe: the German genitive <c>-s</c> (Ayses) and the Turkish plural
/// and case endings in the name's vowel harmony: <c>-lar/-ler</c> (Yılmazlar, also with a case ending after it),
/// genitive <c>-ın/-in/-un/-ün</c> or <c>-nın/-nin/…</c> after a vowel, <c>-ya/-ye</c>, <c>-yı/-yi/…</c> after a vowel,
/// <c>-da/-de/-ta/-te</c>, <c>-dan/-den/-tan/-ten</c>, <c>-la/-le</c> (<c>-yla/-yle</c>) and <c>-gil</c>. The suffix
/// stays in the text: Yılmazlar becomes <c>[NAME]lar</c>.</item>
/// </list>
/// Bare vowel endings after a consonant (Yılmaza, Yılmazı) are not taken: for a name like Klein or Braun they would
/// be ordinary German words (kleine). A suffix after an apostrophe needs no rule, since the apostrophe ends the word.
/// A name that is also a German word written in lower case (Nur, Er, Klein, Schön) is taken only where the text
/// writes it with a capital: "Frau Klein ist nicht klein" keeps its second klein.
/// </summary>
internal sealed class NameMatcher
{
    public const int MinimumWordLength = 2;
    public const int MinimumVariantLength = 3;

    /// <summary>Names that are also German words written in lower case (folded).</summary>
    private static readonly HashSet<string> LowerCaseWords = new(StringComparer.Ordinal)
    {
        "nur", "er", "an", "am", "im", "um", "in", "so", "da", "ja", "wo", "es", "du", "alt", "neu", "lang", "kurz", "klein", "jung",
        "gut", "froh", "stark", "schon", "braun", "schwarz", "weiss", "frank", "fromm", "will", "bald", "mal", "hier", "sehr", "viel", "kraft",
    };

    private readonly HashSet<string> exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> variants = new(StringComparer.Ordinal);
    private readonly string[] suffixes;

    public NameMatcher(IEnumerable<string> names)
    {
        foreach (var piece in names.Where(name => !string.IsNullOrWhiteSpace(name)).SelectMany(Words))
        {
            var folded = NameFolding.Fold(piece);
            if (folded.Length < MinimumWordLength || !folded.All(NameFolding.IsWordCharacter))
            {
                continue;
            }

            exact.Add(folded);
            if (folded.Length >= MinimumVariantLength && IsLatin(folded))
            {
                var key = Key(folded);
                if (!variants.TryGetValue(key, out var allowed))
                {
                    variants[key] = allowed = new HashSet<string>(StringComparer.Ordinal) { "" };
                }

                allowed.UnionWith(Suffixes(piece, folded));
            }
        }

        suffixes = variants.Values.SelectMany(s => s).Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToArray();
    }

    /// <summary>The places (start, length) in <paramref name="text"/> of the names, without a suffix after them.</summary>
    public List<(int Start, int Length)> Find(string text)
    {
        var found = new List<(int, int)>();
        if (exact.Count == 0)
        {
            return found;
        }

        var folded = NameFolding.FoldWithOrigins(text);
        var characters = folded.Characters;
        for (var start = 0; start < folded.Length;)
        {
            if (!NameFolding.IsWordCharacter(characters[start]))
            {
                start++;
                continue;
            }

            var end = start;
            while (end < folded.Length && NameFolding.IsWordCharacter(characters[end]))
            {
                end++;
            }

            var word = new string(characters, start, end - start);
            var stem = StemLength(word);
            if (stem > 0 && (!LowerCaseWords.Contains(word[..stem]) || char.IsUpper(text[folded.Starts[start]])))
            {
                var last = folded.Ends[start + stem - 1];
                while (stem == word.Length && last < text.Length && text[last] < NameFolding.TableSize && NameFolding.Table[text[last]].Length == 0)
                {
                    last++; // vowel marks or a tatweel after the last letter belong to the name
                }

                found.Add((folded.Starts[start], last - folded.Starts[start]));
            }

            start = end;
        }

        return found;
    }

    /// <summary>The spelling-independent key of a folded Latin word.</summary>
    internal static string Key(string folded)
    {
        var replaced = folded.Contains('h', StringComparison.Ordinal)
            ? folded.Replace("tsch", "c", StringComparison.Ordinal).Replace("dsch", "c", StringComparison.Ordinal)
                .Replace("sch", "s", StringComparison.Ordinal).Replace("sh", "s", StringComparison.Ordinal).Replace("ch", "c", StringComparison.Ordinal)
            : folded;
        replaced = replaced.Replace('j', 'y');
        var key = new StringBuilder(replaced.Length);
        foreach (var c in replaced)
        {
            var mapped = c == 'y' && key.Length > 0 && IsVowel(key[^1]) ? 'i' : c;
            if (key.Length == 0 || key[^1] != mapped)
            {
                key.Append(mapped);
            }
        }

        return key.ToString();
    }

    /// <summary>How many folded characters at the start of the word are the name (all of it, or before a suffix); 0 if none.</summary>
    private int StemLength(string word)
    {
        if (exact.Contains(word))
        {
            return word.Length;
        }

        if (variants.Count == 0 || word.Length < MinimumVariantLength || !IsLatin(word))
        {
            return 0;
        }

        if (variants.ContainsKey(Key(word)))
        {
            return word.Length;
        }

        foreach (var suffix in suffixes)
        {
            var stem = word.Length - suffix.Length;
            if (stem >= MinimumVariantLength && word.EndsWith(suffix, StringComparison.Ordinal) &&
                variants.TryGetValue(Key(word[..stem]), out var allowed) && allowed.Contains(suffix))
            {
                return stem;
            }
        }

        return 0;
    }

    /// <summary>The endings a name takes without an apostrophe, in the vowel harmony of its last vowel.</summary>
    private static IEnumerable<string> Suffixes(string original, string folded)
    {
        var lastVowel = original.ToLowerInvariant().LastOrDefault(c => "aâıiîeêäoöuüû".Contains(c));
        if (lastVowel == default)
        {
            yield break;
        }

        string[] open = lastVowel switch
        {
            'a' or 'â' or 'ı' or 'o' or 'u' or 'û' => ["a"],
            'i' or 'î' => ["a", "e"], // a dotted i may be a Turkish ı written on a German keyboard
            _ => ["e"],
        };
        var closed = lastVowel is 'o' or 'ö' or 'u' or 'ü' or 'û' ? "u" : "i";
        var endsInVowel = IsVowel(folded[^1]);
        string[] d = "cfhkpst".Contains(folded[^1]) ? ["d", "t"] : ["d"];

        if (folded[^1] is not ('s' or 'z' or 'x'))
        {
            yield return "s";
        }

        yield return endsInVowel ? $"n{closed}n" : $"{closed}n";
        if (endsInVowel)
        {
            yield return $"y{closed}";
        }

        yield return "gil";
        foreach (var a in open)
        {
            var plural = $"l{a}r";
            foreach (var ending in new[] { "", "i", "in", a, $"d{a}", $"d{a}n", $"l{a}" })
            {
                yield return plural + ending;
            }

            foreach (var consonant in d)
            {
                yield return consonant + a;
                yield return consonant + a + "n";
            }

            yield return endsInVowel ? $"y{a}" : $"l{a}";
            if (endsInVowel)
            {
                yield return $"yl{a}";
            }
        }
    }

    private static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || !(NameFolding.IsWordCharacter(name[i]) || char.GetUnicodeCategory(name[i]) is
                    System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark))
            {
                if (i > start)
                {
                    yield return name[start..i];
                }

                start = i + 1;
            }
        }
    }

    private static bool IsLatin(string folded) => !folded.AsSpan().ContainsAnyExceptInRange('a', 'z');

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
