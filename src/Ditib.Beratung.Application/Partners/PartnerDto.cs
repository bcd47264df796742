namespace Ditib.Beratung.Application.Partners;

/// <summary>
/// A partner of the directory with its contact fields (empty until the admin fills them in). The postal address is
/// two lines as an envelope has them, <see cref="Street"/> and <see cref="PostcodeAndCity"/>, like the centre's own
/// (<c>Beratung:Centre</c>), so the letter's address block is built from lines and never from a free-text field.
/// </summary>
public sealed record PartnerDto(
    Guid Id, string Name, string Kind, IReadOnlyList<string> Topics, string? ContactPerson, string? Email, string? Phone,
    string? Street, string? PostcodeAndCity, bool TakesReferrals, bool Retired);
