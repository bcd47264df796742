namespace Ditib.Beratung.Application.Common;

/// <summary>
/// The centre's contact details (section <c>Beratung:Centre</c>), shown wherever a resident or partner needs them: the
/// pages' footer and every "please call us", the e-mails' signature, the privacy notice (controller and
/// data-protection officer), the calendar file and the referral letter. Required outside Development; the
/// Development settings hold obviously invented placeholders.
/// </summary>
public sealed class CentreContact
{
    public const string Section = "Beratung:Centre";

    /// <summary>The centre's full name, e.g. "DITIB Bildungs- und Begegnungsstätte Marxloh".</summary>
    public string Name { get; init; } = "";

    public string StreetAddress { get; init; } = "";

    /// <summary>Postcode and city as written on an envelope, e.g. "47169 Duisburg".</summary>
    public string PostcodeAndCity { get; init; } = "";

    /// <summary>As residents dial it, e.g. "0203 5550100".</summary>
    public string Phone { get; init; } = "";

    public string Email { get; init; } = "";

    /// <summary>Opening hours of the desk by language code ("de" required; other languages fall back to German).</summary>
    public Dictionary<string, string> OpeningHours { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public string? Website { get; init; }

    public DataProtectionOfficerContact DataProtectionOfficer { get; init; } = new();

    /// <summary>"Street 1, 47169 Duisburg" (empty parts left out).</summary>
    public string Address => string.Join(", ", new[] { StreetAddress, PostcodeAndCity }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>The phone as a <c>tel:</c> address: digits and a leading plus only.</summary>
    public string PhoneUri => "tel:" + new string(Phone.Where((c, i) => char.IsAsciiDigit(c) || (c == '+' && i == Phone.TakeWhile(char.IsWhiteSpace).Count())).ToArray());

    /// <summary>The opening hours in the language, else in German; empty when none are configured.</summary>
    public string OpeningHoursIn(string? language) =>
        language is not null && OpeningHours.TryGetValue(language, out var hours) && !string.IsNullOrWhiteSpace(hours) ? hours
        : OpeningHours.TryGetValue("de", out var german) ? german
        : "";
}

/// <summary>The data-protection officer's contact (<c>Beratung:Centre:DataProtectionOfficer</c>): a name and an e-mail or postal address.</summary>
public sealed class DataProtectionOfficerContact
{
    public string Name { get; init; } = "";

    public string? Email { get; init; }

    public string? PostalAddress { get; init; }
}
