using Ditib.Beratung.Application.Partners;

namespace Ditib.Beratung.Web.Pages.Staff.Admin.Partners;

/// <summary>The partner page's fields as the browser sends them; checkboxes not ticked are not sent (false).</summary>
public sealed class PartnerForm
{
    public string? Name { get; set; }

    public string? Kind { get; set; }

    public List<string> Topics { get; set; } = [];

    public string? ContactPerson { get; set; }

    public string? Street { get; set; }

    public string? PostcodeAndCity { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public bool TakesReferrals { get; set; }

    public bool Retired { get; set; }

    public static PartnerForm From(PartnerDto partner) => new()
    {
        Name = partner.Name, Kind = partner.Kind, Topics = [.. partner.Topics], ContactPerson = partner.ContactPerson, Street = partner.Street,
        PostcodeAndCity = partner.PostcodeAndCity, Phone = partner.Phone, Email = partner.Email, TakesReferrals = partner.TakesReferrals,
        Retired = partner.Retired,
    };

    public SavePartner ToCommand(Guid? id) =>
        new(id, Name, Kind, Topics, ContactPerson, Email, Phone, Street, PostcodeAndCity, TakesReferrals, Retired);
}
