using Ditib.Beratung.Application.Common;

namespace Ditib.Beratung.Application.Bookings;

/// <summary>What a booking holds about a person. It is only ever stored sealed with the booking's data key.</summary>
public sealed record PersonalData(string Name, string? Phone, string? Email, string? Concern)
{
    public static string Context(Guid bookingId) => $"booking:{bookingId}:personal";

    public Task<byte[]> SealAsync(IEnvelopeCipher cipher, Guid dataKeyId, Guid bookingId, CancellationToken cancellationToken) =>
        cipher.EncryptAsync(dataKeyId, SealedJson.Serialize(this), Context(bookingId), cancellationToken);

    public static Task<PersonalData> OpenAsync(IEnvelopeCipher cipher, BookingRecord record, CancellationToken cancellationToken) =>
        OpenAsync(cipher, record.Booking.Id, record.DataKeyId, record.SealedPersonalData, cancellationToken);

    public static async Task<PersonalData> OpenAsync(
        IEnvelopeCipher cipher, Guid bookingId, Guid dataKeyId, byte[] sealedData, CancellationToken cancellationToken)
    {
        var plain = await cipher.DecryptAsync(dataKeyId, sealedData, Context(bookingId), cancellationToken);
        return SealedJson.Deserialize<PersonalData>(plain);
    }
}
