namespace Ditib.Beratung.Application.Partners;

/// <summary>The longest a partner's fields may be: the validator and the admin page's fields use the same numbers.</summary>
public static class PartnerLimits
{
    public const int Name = 200, ContactPerson = 200, Street = 200, PostcodeAndCity = 100, Email = 254, Phone = 32, Topics = 12;
}
