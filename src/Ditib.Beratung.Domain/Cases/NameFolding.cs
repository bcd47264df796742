using System.Globalization;
using System.Text;

namespace Ditib.Beratung.Domain.Cases;

/// <summary>
/// Folds names and note text the same way, so that a name is found whatever the spelling on a German keyboard
/// (<see cref="NameMatcher"/> compares the folded words; <see cref="AddressMatcher"/> the folded street):
/// <list type="bullet">
/// <item>lower case, with the Turkish I, İ, ı and i all folded to <c>i</c>;</item>
/// <item>diacritics removed (ş→s, ç→c, ğ→g, ê→e, î→i, û→u, ș→s, é→e), Arabic vowel marks, hamza on alef and the
/// tatweel removed, so that أحمد matches احمد; otherwise Arabic and Cyrillic letters stay as they are, so a name
/// only matches in the script it was given in;</item>
/// <item>ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ→d;</item>
/// <item>the German transcriptions ae, oe, ue folded to a, o, u, and ä, ö, ü to a, o, u, so that Müller, Mueller and
/// Muller (and Öztürk, Oeztuerk, Ozturk) are one name.</item>
/// </list>
/// A word is a run of letters and digits; an apostrophe ends it, so Yılmaz'ın contains the word Yılmaz.
/// </summary>
internal static class NameFolding
{
    private const char ModifierApostrophe = '\u02BC';
    private const char Tatweel = '\u0640';
    internal const int TableSize = 0x2000;

    /// <summary>The folded form of every character below U+2000 (Latin, Greek, Cyrillic, Arabic and more).</summary>
    internal static readonly string[] Table = Enumerable.Range(0, TableSize).Select(c => FoldCharacter((char)c)).ToArray();

    public static string Fold(string value)
    {
        var folded = FoldWithOrigins(value);
        return new string(folded.Characters, 0, folded.Length);
    }

    public static bool IsWordCharacter(char c) => c != ModifierApostrophe && char.IsLetterOrDigit(c);

    /// <summary>
    /// Folds character by character, then contracts ae, oe, ue. For each folded character, <c>Starts</c> and
    /// <c>Ends</c> hold the span of the original text it came from.
    /// </summary>
    public static FoldedText FoldWithOrigins(string text)
    {
        var characters = new char[text.Length + 8];
        var starts = new int[characters.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            ReadOnlySpan<char> piece = c < TableSize ? Table[c] : char.IsSurrogate(c) || !char.IsLetter(c) ? text.AsSpan(i, 1) : FoldCharacter(c);
            if (length + piece.Length > characters.Length)
            {
                Array.Resize(ref characters, (characters.Length * 2) + piece.Length);
                Array.Resize(ref starts, characters.Length);
            }

            foreach (var folded in piece)
            {
                characters[length] = folded;
                starts[length++] = i;
            }
        }

        var ends = new int[length];
        var written = 0;
        for (var k = 0; k < length; k++)
        {
            var start = starts[k];
            characters[written] = characters[k];
            if (characters[k] is 'a' or 'o' or 'u' && k + 1 < length && characters[k + 1] == 'e')
            {
                k++;
            }

            ends[written] = starts[k] + 1;
            starts[written++] = start;
        }

        return new FoldedText(characters, starts, ends, written);
    }

    private static string FoldCharacter(char c)
    {
        switch (c)
        {
            case 'I' or 'İ' or 'ı':
                return "i";
            case 'ß' or 'ẞ':
                return "ss";
            case 'æ' or 'Æ':
                return "ae";
            case 'œ' or 'Œ':
                return "oe";
            case 'ø' or 'Ø':
                return "o";
            case 'ł' or 'Ł':
                return "l";
            case 'đ' or 'Đ':
                return "d";
            case Tatweel:
                return "";
            case < '\u0080':
                return char.ToLowerInvariant(c).ToString();
        }

        if (char.IsSurrogate(c))
        {
            return c.ToString();
        }

        var result = new StringBuilder(2);
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark))
            {
                result.Append(part == 'ı' ? 'i' : char.ToLowerInvariant(part));
            }
        }

        return result.ToString();
    }

    internal readonly record struct FoldedText(char[] Characters, int[] Starts, int[] Ends, int Length);
}
