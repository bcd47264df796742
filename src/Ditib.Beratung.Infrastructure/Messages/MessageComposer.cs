using System.Text;
using Ditib.Beratung.Application.Bookings;
using Ditib.Beratung.Application.Common;
using Ditib.Beratung.Application.Messages;
using Ditib.Beratung.Application.Slots;
using Ditib.Beratung.Domain.Bookings;
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
internal sealed class MessageComposer(MessagingOptions options, ICalendarRenderer calendar, CentreSettings centre)
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
            .Append(texts["closing", values]).Append('\n')
            .ToString();

        var message = new MimeMessage { MessageId = context.MessageId, Subject = texts[kind + ".subject", values], Date = context.Now.ToDateTimeOffset() };
        message.From.Add(options.From);
        message.To.Add(MailboxAddress.Parse(address));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var ics = calendar.Render(new CalendarEvent(context.Booking.Booking.Id, context.Sequence, cancelled, context.Slot.Start, context.Slot.End,
            centre.Zone.Id, $"{texts["summary"]} ({context.Booking.Booking.Reference})", context.Slot.Location, context.Now));
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

    private Dictionary<string, string> Values(MessageContext context, MessageTexts texts)
    {
        var start = context.Slot.Start.InZone(centre.Zone).LocalDateTime.ToDateTimeUnspecified();
        var end = context.Slot.End.InZone(centre.Zone).LocalDateTime.ToDateTimeUnspecified();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Defence in depth: names are validated as one line, but one stored before that rule must not add lines either.
            ["name"] = ValidationRules.OneLine(context.Personal.Name),
            ["date"] = texts.Date(start),
            ["time"] = texts.Time(start),
            ["end"] = texts.Time(end),
            ["place"] = Place(context.Slot, texts),
            ["reference"] = context.Booking.Booking.Reference,
            ["link"] = ManageLink(context.Booking.Booking.Reference, context.ManageToken, texts.Language) ?? "",
        };
    }

    private string Place(SlotRow slot, MessageTexts texts) => slot.Mode switch
    {
        "phone" => texts["mode.phone"],
        "video" => texts["mode.video"],
        _ => string.Join(", ", new[] { slot.Location is null ? null : ValidationRules.OneLine(slot.Location), options.CentreAddress }.Where(p => !string.IsNullOrWhiteSpace(p))) is { Length: > 0 } place
            ? place
            : "DITIB Marxloh",
    };
}
