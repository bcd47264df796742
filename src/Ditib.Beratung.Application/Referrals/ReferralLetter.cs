using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using NodaTime;
using NodaTime.Text;

namespace Ditib.Beratung.Application.Referrals;

/// <summary>How to reach the client, as far as the client agreed to share it.</summary>
public sealed record LetterContact(string Name, string? Phone, string? Email, string? Address, string? DateOfBirth);

/// <summary>
/// Everything a referral letter may show. <see cref="Categories"/> decides what it does show: data of a category
/// that is not listed there is never written, even when it is passed in.
/// </summary>
public sealed record LetterContent(
    string CaseCode,
    string PartnerName,
    string? PartnerContact,
    string Purpose,
    LocalDate Date,
    IReadOnlyCollection<string> Categories,
    LetterContact? Contact,
    IReadOnlyList<string>? Topics,
    string? Summary,
    string? LanguageNeeds,
    string Basis,
    string CounsellorName);

/// <summary>
/// The printable referral letter for a partner outside the system: one self-contained HTML5 page in German, with
/// an inline print stylesheet, no scripts and no external resources. Every value is HTML-encoded. The markup is
/// also well-formed XML (void elements closed, numeric character references only).
/// </summary>
public static class ReferralLetter
{
    public const string Contact = "contact", Topics = "topics", Summary = "summary", LanguageNeeds = "languageNeeds";

    public static readonly IReadOnlyList<string> AllCategories = [Contact, Topics, Summary, LanguageNeeds];

    private const string Sender = "DITIB Bildungs- und Begegnungsstätte Duisburg-Marxloh – Beratung";

    private const string NoData = "Keine Angaben.";

    // Leaves letters of every script readable in the source; still encodes <, >, &, ", ', + and control characters.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly LocalDatePattern GermanDate = LocalDatePattern.CreateWithInvariantCulture("dd'.'MM'.'uuuu");

    private const string Style = """
        @page { size: A4; margin: 25mm 20mm 20mm 25mm; }
        body { font-family: Arial, Helvetica, "Segoe UI", sans-serif; font-size: 11pt;
               line-height: 1.45; color: #000; background: #fff; max-width: 165mm; margin: 0 auto; }
        .sender { font-size: 9pt; border-bottom: 1px solid #000; padding-bottom: 2mm; margin-bottom: 10mm; }
        .recipient { font-style: normal; white-space: pre-line; margin-bottom: 10mm; }
        .date { text-align: right; }
        h1 { font-size: 13pt; margin: 8mm 0 4mm; }
        h2 { font-size: 11pt; margin: 6mm 0 1mm; }
        section { break-inside: avoid; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 0 4mm; margin: 0; }
        dt { font-weight: bold; }
        dd { margin: 0; }
        .text { white-space: pre-line; }
        .basis { margin-top: 8mm; font-size: 10pt; }
        .signature { margin-top: 12mm; }
        """;

    /// <summary>
    /// The letter's one inline stylesheet as a content-security-policy source (<c>'sha256-…'</c>), so that a page can
    /// show the letter under a policy that allows exactly this stylesheet and nothing else.
    /// </summary>
    public static readonly string StyleSource =
        $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(StyleElementText)))}'";

    private const string StyleElementText = "\n" + Style + "\n";

    public static string Render(LetterContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var shared = Shared(content.Categories);
        var subject = $"Weiterleitung – Fall {content.CaseCode}";

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\" />\n");
        html.Append("<title>").Append(Encode(subject)).Append("</title>\n");
        html.Append("<style>").Append(StyleElementText).Append("</style>\n</head>\n<body>\n");

        html.Append("<header class=\"sender\">").Append(Encode(Sender)).Append("</header>\n");
        html.Append("<address class=\"recipient\"><strong>").Append(Encode(content.PartnerName)).Append("</strong>");
        if (!string.IsNullOrWhiteSpace(content.PartnerContact))
        {
            html.Append('\n').Append(Encode(content.PartnerContact.Trim()));
        }

        html.Append("</address>\n");
        html.Append("<p class=\"date\">Duisburg, ").Append(GermanDate.Format(content.Date)).Append("</p>\n");
        html.Append("<h1>").Append(Encode(subject)).Append("</h1>\n");
        html.Append("<p>Sehr geehrte Damen und Herren,</p>\n");
        html.Append("<p>wir möchten eine Person aus unserer Beratung an Sie weiterleiten.</p>\n");
        html.Append("<p><strong>Anlass:</strong> <span class=\"text\">").Append(Encode(content.Purpose)).Append("</span></p>\n");

        if (shared.Count == 0)
        {
            html.Append("<p>Weitere Angaben zur Person geben wir mit diesem Schreiben nicht weiter.</p>\n");
        }

        if (shared.Contains(Contact))
        {
            AppendContact(html, content.Contact);
        }

        if (shared.Contains(Topics))
        {
            AppendTopics(html, content.Topics);
        }

        if (shared.Contains(Summary))
        {
            AppendText(html, "Zusammenfassung", content.Summary);
        }

        if (shared.Contains(LanguageNeeds))
        {
            AppendText(html, "Sprache und Dolmetschbedarf", content.LanguageNeeds);
        }

        html.Append("<p class=\"basis\"><strong>Grundlage der Weitergabe:</strong> ").Append(Encode(content.Basis))
            .Append("<br />Wir geben nur diese Angaben weiter. Bitte behandeln Sie sie vertraulich.</p>\n");
        html.Append("<p class=\"signature\">Mit freundlichen Grüßen<br /><br />").Append(Encode(content.CounsellorName))
            .Append("<br />").Append(Encode(Sender)).Append("</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static HashSet<string> Shared(IReadOnlyCollection<string> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        var unknown = categories.Where(category => !AllCategories.Contains(category, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown data categories: {string.Join(", ", unknown)}.", nameof(categories));
        }

        return new HashSet<string>(categories, StringComparer.Ordinal);
    }

    private static void AppendContact(StringBuilder html, LetterContact? contact)
    {
        html.Append("<section>\n<h2>Kontakt</h2>\n");
        if (contact is null)
        {
            html.Append("<p>").Append(NoData).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<dl>\n");
        AppendEntry(html, "Name", contact.Name);
        AppendEntry(html, "Telefon", contact.Phone);
        AppendEntry(html, "E-Mail", contact.Email);
        AppendEntry(html, "Anschrift", contact.Address);
        AppendEntry(html, "Geburtsdatum", GermanBirthDate(contact.DateOfBirth));
        html.Append("</dl>\n</section>\n");
    }

    private static void AppendEntry(StringBuilder html, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            html.Append("<dt>").Append(label).Append("</dt><dd class=\"text\">").Append(Encode(value.Trim())).Append("</dd>\n");
        }
    }

    private static void AppendTopics(StringBuilder html, IReadOnlyList<string>? topics)
    {
        html.Append("<section>\n<h2>Anliegen und Themen</h2>\n");
        var named = (topics ?? []).Where(topic => !string.IsNullOrWhiteSpace(topic)).ToList();
        if (named.Count == 0)
        {
            html.Append("<p>").Append(NoData).Append("</p>\n</section>\n");
            return;
        }

        html.Append("<ul>\n");
        foreach (var topic in named)
        {
            html.Append("<li>").Append(Encode(topic.Trim())).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static void AppendText(StringBuilder html, string heading, string? text)
    {
        html.Append("<section>\n<h2>").Append(heading).Append("</h2>\n<p class=\"text\">")
            .Append(string.IsNullOrWhiteSpace(text) ? NoData : Encode(text.Trim()))
            .Append("</p>\n</section>\n");
    }

    /// <summary>An ISO date of birth in German form; anything else is shown as given.</summary>
    private static string? GermanBirthDate(string? dateOfBirth) =>
        dateOfBirth is not null && LocalDatePattern.Iso.Parse(dateOfBirth.Trim()) is { Success: true } parsed
            ? GermanDate.Format(parsed.Value)
            : dateOfBirth;

    private static string Encode(string? value) => Html.Encode((value ?? "").ReplaceLineEndings("\n"));
}
