using System.Text;

namespace Ditib.Beratung.Domain.Bookings;

/// <summary>
/// The public reference residents read out on the phone: eight characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), written as two groups, e.g. <c>K7QM-3XPA</c>. 40 bits; it identifies, the token authorises.
/// </summary>
public static class BookingReference
{
    public const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public const int ByteCount = 8;

    public static string FromRandomBytes(ReadOnlySpan<byte> random)
    {
        if (random.Length < ByteCount)
        {
            throw new ArgumentException($"Need {ByteCount} random bytes.", nameof(random));
        }

        var builder = new StringBuilder(9);
        for (var i = 0; i < ByteCount; i++)
        {
            if (i == 4)
            {
                builder.Append('-');
            }

            builder.Append(Alphabet[random[i] % Alphabet.Length]);
        }

        return builder.ToString();
    }

    public static bool IsWellFormed(string? reference) =>
        reference is { Length: 9 } && reference[4] == '-' &&
        reference.Where((c, i) => i != 4).All(c => Alphabet.Contains(c, StringComparison.Ordinal));
}
