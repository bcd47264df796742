using System.Globalization;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Referrals;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.Web.Letters;

/// <summary>What <c>ReferralLetter.cshtml</c> shows: the consented content, and the centre as sender (<c>Beratung:Centre</c>).</summary>
public sealed class ReferralLetterView(LetterContent content, CentreContact centre)
{
    public const string NoData = "Keine Angaben.";

    private static readonly LocalDatePattern GermanDate = LocalDatePattern.CreateWithInvariantCulture("dd'.'MM'.'uuuu");

    public LetterContent Content { get; } = ReferralLetter.OnlyConsented(content);

    public CentreContact Centre { get; } = centre;

    public string Subject => $"Weiterleitung – Fall {Content.CaseCode}";

    /// <summary>The return address above the recipient: the centre's name and address, as configured.</summary>
    public string Sender => string.Join(" · ", new[] { Centre.Name, Centre.StreetAddress, Centre.PostcodeAndCity }.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>"Duisburg, 01.12.2026": the centre's town (its postcode and city without the postcode), then the date.</summary>
    public string PlaceAndDate => Town(Centre.PostcodeAndCity) is { Length: > 0 } town ? $"{town}, {GermanDate.Format(Content.Date)}" : GermanDate.Format(Content.Date);

    /// <summary>How the partner reaches the centre: phone and e-mail where configured.</summary>
    public IReadOnlyList<string> CentreReach =>
        new[] { Blank(Centre.Phone) is { } phone ? $"Telefon {phone}" : null, Blank(Centre.Email) is { } email ? $"E-Mail {email}" : null }
            .OfType<string>().ToList();

    public bool Shares(string category) => Content.Categories.Contains(category, StringComparer.Ordinal);

    public IReadOnlyList<(string Label, string Value)> ContactEntries =>
        Content.Contact is not { } contact ? []
        : new (string Label, string? Value)[]
        {
            ("Name", contact.Name), ("Telefon", contact.Phone), ("E-Mail", contact.Email), ("Anschrift", contact.Address),
            ("Geburtsdatum", GermanBirthDate(contact.DateOfBirth)),
        }.Where(e => !string.IsNullOrWhiteSpace(e.Value)).Select(e => (e.Label, Normalised(e.Value!))).ToList();

    public IReadOnlyList<string> TopicNames => (Content.Topics ?? []).Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();

    /// <summary>A text of the letter with its line breaks kept (shown with <c>white-space: pre-line</c>), or "Keine Angaben.".</summary>
    public static string TextOrNoData(string? text) => string.IsNullOrWhiteSpace(text) ? NoData : Normalised(text);

    public static string Normalised(string text) => text.Trim().ReplaceLineEndings("\n");

    /// <summary>"47169 Duisburg" → "Duisburg": the first word goes when it holds a digit (a postcode) and a town follows.</summary>
    public static string Town(string? postcodeAndCity)
    {
        var parts = (postcodeAndCity ?? "").Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && parts[0].Any(char.IsAsciiDigit) ? parts[1] : string.Join(' ', parts);
    }

    /// <summary>An ISO date of birth in German form; anything else is shown as given.</summary>
    private static string? GermanBirthDate(string? dateOfBirth) =>
        dateOfBirth is not null && LocalDatePattern.Iso.Parse(dateOfBirth.Trim()) is { Success: true } parsed
            ? GermanDate.Format(parsed.Value)
            : dateOfBirth;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
