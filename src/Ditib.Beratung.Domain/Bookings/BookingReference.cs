using System.Buffers;

namespace Ditib.Beratung.Domain.Bookings;

/// <summary>
/// The public reference residents read out on the phone: eight characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), written as two groups, e.g. <c>K7QM-3XPA</c>. About 40 bits; it identifies, the token authorises.
/// </summary>
public static class BookingReference
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int CharacterCount = 8;

    private static readonly SearchValues<char> AlphabetCharacters = SearchValues.Create(Alphabet);

    /// <summary>
    /// Formats eight characters drawn from <see cref="Alphabet"/> as <c>XXXX-XXXX</c>. The caller draws them
    /// uniformly (31 is not a power of two, so <c>byte % 31</c> would favour some characters).
    /// </summary>
    public static string FromCharacters(ReadOnlySpan<char> characters)
    {
        if (characters.Length != CharacterCount || characters.ContainsAnyExcept(AlphabetCharacters))
        {
            throw new ArgumentException($"Need exactly {CharacterCount} characters from the reference alphabet.", nameof(characters));
        }

        return string.Concat(characters[..4], "-", characters[4..]);
    }

    /// <summary>
    /// A reference as a person may type or read it out: any capitalisation, spaces anywhere, with or without the dash
    /// (<c>k7qm 3xpa</c>, <c>K7QM3XPA</c>); anything else is not a reference.
    /// </summary>
    public static bool TryNormalise(string? input, out string reference)
    {
        reference = "";
        if (input is null || input.Length > 40)
        {
            return false;
        }

        var compact = string.Concat(input.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        if (compact.Length != CharacterCount || compact.AsSpan().ContainsAnyExcept(AlphabetCharacters))
        {
            return false;
        }

        reference = FromCharacters(compact);
        return true;
    }

    public static bool IsWellFormed(string? reference) =>
        reference is { Length: 9 } && reference[4] == '-' &&
        reference.Where((c, i) => i != 4).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
