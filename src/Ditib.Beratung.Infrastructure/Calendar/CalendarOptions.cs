using Ditib.Beratung.Infrastructure.Settings;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ditib.Beratung.Infrastructure.Calendar;

/// <summary>
/// What calendar files say about the centre: the organizer's address (<c>Beratung:Centre:Email</c>, else the address
/// messages are sent from), the street address added to the room (the centre's contact details,
/// <see cref="Application.Common.CentreContact.Address"/>), and the domain of the UID
/// (<c>Beratung:Messages:MessageIdDomain</c>).
/// </summary>
public sealed class CalendarOptions
{
    public string OrganizerEmail { get; set; } = "";

    public string? OrganizerName { get; set; }

    public string? Address { get; set; }

    public string UidDomain { get; set; } = "beratung.invalid";

    /// <summary>Takes both as <see cref="IOptions{TOptions}"/>, so that each is bound and checked when read, not when this is set up.</summary>
    public static void Configure(CalendarOptions options, IOptions<MessagesOptions> messages, IOptions<Application.Common.CentreContact> contact)
    {
        var centre = contact.Value;
        var from = MailboxAddress.TryParse(messages.Value.Email.From ?? "", out var sender) ? sender : null;
        options.OrganizerEmail = Blank(centre.Email) ?? from?.Address ?? "";
        options.OrganizerName = Blank(centre.Name) ?? Blank(from?.Name);
        options.Address = Blank(centre.Address);
        options.UidDomain = Blank(messages.Value.MessageIdDomain) ?? options.UidDomain;
    }

    public static bool IsValid(CalendarOptions options) =>
        MailboxAddress.TryParse(options.OrganizerEmail, out var organizer) && organizer.Address == options.OrganizerEmail
        && Uri.CheckHostName(options.UidDomain) == UriHostNameType.Dns;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
