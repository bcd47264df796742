using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Domain.Bookings;

namespace Ditib.Beratung.Infrastructure.Security;

/// <summary>Booking references (uniform over the alphabet) and manage tokens (256 bits, stored as SHA-256).</summary>
internal sealed class Secrets : ISecrets
{
    private const int TokenBytes = 32;
    private const int MaxTokenLength = 200;

    public string NewBookingReference() =>
        BookingReference.FromCharacters(RandomNumberGenerator.GetString(BookingReference.Alphabet, BookingReference.CharacterCount));

    public (string Token, byte[] Hash) NewManageToken()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(TokenBytes));
        return (token, Hash(token));
    }

    public bool TokenMatches(string? token, byte[] storedHash)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || storedHash is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Hash(token), storedHash);
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
