using PhoneNumbers;

namespace Ditib.Beratung.Infrastructure.Messages;

/// <summary>
/// Phone numbers as SMS providers want them: E.164 (<c>+492035550100</c>). Numbers without a country code are read
/// as German (<c>0203 5550100</c>); <c>00</c> starts an international number. Only numbers libphonenumber knows
/// as valid for their country are returned (a typo'd number fails its own message, not someone else's phone). Anything the booking validation
/// accepts gives either an E.164 number or null (never an exception), so a number that cannot be dialled fails
/// only its own message.
/// </summary>
public static class PhoneNumberNormaliser
{
    public const string DefaultRegion = "DE";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static string? ToE164(string? phone, string region = DefaultRegion)
    {
        if (string.IsNullOrWhiteSpace(phone) || phone.Length > 64)
        {
            return null;
        }

        try
        {
            var parsed = Util.Parse(phone, region);
            if (!Util.IsValidNumber(parsed))
            {
                return null;
            }

            var e164 = Util.Format(parsed, PhoneNumberFormat.E164);
            return e164.Length <= 16 ? e164 : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }
}
