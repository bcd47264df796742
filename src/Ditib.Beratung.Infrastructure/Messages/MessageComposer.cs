using System.Text;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
using Ditib.Beratung.Domain.Scheduling;
using MimeKit;
using NodaTime;

namespace Ditib.Beratung.Infrastructure.Messages;

/// <summary>What a message is about, with the contact data already opened (only ever in memory, at send time).</summary>
internal sealed record MessageContext(
    string Kind, string MessageId, BookingRecord Booking, int Sequence, SlotRow Slot, PersonalData Personal, string? ManageToken, Instant Now);

/// <summary>
/// Writes the resident's messages: short, plain text in the booking's language, date and time in the centre's zone,
/// the place, the manage link, and for e-mail the calendar file (the same UID and SEQUENCE the API serves).
/// </summary>
internal sealed class MessageComposer(
    MessagingOptions options, ICalendarRenderer calendar, CentreSettings centre, CentreContact contact)
{
    public MimeMessage Email(MessageContext context, string address)
    {
        var texts = MessageTexts.For(context.Booking.Language);
        var values = Values(context, texts);
        var cancelled = context.Kind == MessageKinds.Cancellation;
        var kind = TextKind(context);

        var body = new StringBuilder()
            .Append(texts["greeting", values]).Append("\n\n")
            .Append(texts[kind + ".text", values]).Append("\n\n")
            .Append(texts["when", values]).Append('\n')
            .Append(texts["where", values]).Append('\n')
            .Append(texts["reference", values]).Append("\n\n")
            .Append(LinkLine(texts, values, cancelled)).Append("\n\n")
            .Append(texts["closing", values]).Append("\n\n")
            .Append(Signature(texts, values))
            .ToString();

        var message = new MimeMessage { MessageId = context.MessageId, Subject = texts[kind + ".subject", values], Date = context.Now.ToDateTimeOffset() };
        // A new address per message: an address list subscribes to its addresses' Changed events, so the one shared
        // instance from the options would keep every message ever composed reachable (issue 19).
        message.From.Add(new MailboxAddress(options.From.Name, options.From.Address));
        message.To.Add(MailboxAddress.Parse(address));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var ics = calendar.Render(new CalendarEvent(context.Booking.Booking.Id, context.Sequence, cancelled, context.Slot.Start, context.Slot.End,
            centre.Zone.Id, $"{texts["summary"]} ({context.Booking.Booking.Reference})", context.Slot.Location,
            context.Slot.Mode == SlotMode.InPerson.ToCode(), address, context.Now));
        var attachment = new MimePart("text", "calendar")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = $"termin-{context.Booking.Booking.Reference}.ics",
        };
        attachment.ContentType.Charset = "utf-8";
        attachment.ContentType.Parameters.Add("method", cancelled ? "CANCEL" : "REQUEST");

        var text = new TextPart("plain") { Text = body };
        text.Headers.Add(HeaderId.ContentLanguage, texts.Language);
        message.Body = new Multipart("mixed") { text, attachment };
        return message;
    }

    public string Sms(MessageContext context)
    {
        var texts = MessageTexts.For(context.Booking.Language);
        return texts["sms." + TextKind(context), Values(context, texts)].TrimEnd();
    }

    /// <summary><c>{PublicBaseUrl}/manage/{reference}?token={token}&amp;culture={language}</c>, the route of the residents' pages.</summary>
    public string? ManageLink(string reference, string? token, string language) =>
        options.PublicBaseUrl is { } baseUrl && token is not null
            ? $"{baseUrl.AbsoluteUri.TrimEnd('/')}/manage/{Uri.EscapeDataString(reference)}?token={Uri.EscapeDataString(token)}&culture={language}"
            : null;

    private static string TextKind(MessageContext context) =>
        context.Kind == MessageKinds.Cancellation && context.Booking.Booking.Status == BookingStatus.CancelledByCentre
            ? "cancellationByCentre"
            : context.Kind;

    private static string LinkLine(MessageTexts texts, Dictionary<string, string> values, bool cancelled) =>
        values["link"].Length == 0 ? texts["noLink"] : texts[cancelled ? "manageCancelled" : "manage", values];

    /// <summary>
    /// The values put into the texts. In right-to-left languages numbers, times, the reference and the phone are
    /// isolated left to right (LRI … PDI) and mixed values isolated by their first letter (FSI … PDI), so that
    /// "0203 5550100" is not shown as "5550100 0203". The link is left bare: mail programs would take a control
    /// character after it for part of the address.
    /// </summary>
    private Dictionary<string, string> Values(MessageContext context, MessageTexts texts)
    {
        var start = context.Slot.Start.InZone(centre.Zone).LocalDateTime;
        var end = context.Slot.End.InZone(centre.Zone).LocalDateTime;
        var rtl = texts.Culture.TextInfo.IsRightToLeft;
        string Ltr(string value) => rtl && value.Length > 0 ? $"\u2066{value}\u2069" : value;
        string Auto(string value) => rtl && value.Length > 0 ? $"\u2068{value}\u2069" : value;
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["name"] = Auto(ValidationRules.OneLine(context.Personal.Name)),
            ["date"] = Auto(texts.Date(start.Date)),
            ["time"] = Ltr(texts.Time(start.TimeOfDay)),
            ["end"] = Ltr(texts.Time(end.TimeOfDay)),
            ["place"] = Auto(Place(context.Slot, texts)),
            ["reference"] = Ltr(context.Booking.Booking.Reference),
            ["link"] = ManageLink(context.Booking.Booking.Reference, context.ManageToken, texts.Language) ?? "",
            ["phone"] = Ltr(contact.Phone),
            ["hours"] = Auto(contact.OpeningHoursIn(texts.Language)),
        };
    }

    /// <summary>The centre under the closing: name, address, phone and opening hours, e-mail and website (what is configured).</summary>
    private string Signature(MessageTexts texts, Dictionary<string, string> values)
    {
        var lines = new List<string> { contact.Name, contact.Address };
        if (contact.Phone.Length > 0)
        {
            lines.Add(texts["contact.phone", values]);
        }

        if (values["hours"].Length > 0)
        {
            lines.Add(texts["contact.hours", values]);
        }

        lines.Add(contact.Email);
        lines.Add(contact.Website ?? "");
        return string.Concat(lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l + "\n"));
    }

    private string Place(SlotRow slot, MessageTexts texts) => slot.Mode switch
    {
        "phone" => texts["mode.phone"],
        "video" => texts["mode.video"],
        _ => string.Join(", ", new[] { slot.Location is null ? null : ValidationRules.OneLine(slot.Location), contact.Address }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } place
            ? place
            : contact.Name,
    };
}
